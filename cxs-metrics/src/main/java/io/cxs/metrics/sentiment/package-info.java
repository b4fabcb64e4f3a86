/**
 * Free-text sentiment: a {@link io.cxs.metrics.sentiment.SentimentAnalyzer} turns a comment into
 * a {@link io.cxs.metrics.sentiment.Sentiment} (a score in [-1, 1] and a label), the default
 * {@link io.cxs.metrics.sentiment.LexiconSentimentAnalyzer} does so with a small English lexicon
 * and rules for negation, intensifiers and contrast, and a
 * {@link io.cxs.metrics.sentiment.SentimentAggregate} sums sentiments up as a mergeable monoid
 * like the KPI aggregates.
 *
 * <p>Every parameter and return value is non-null; absence is {@code Optional} or an empty value.
 * Values are immutable and thread-safe.
 *
 * @since 0.1
 */
package io.cxs.metrics.sentiment;
