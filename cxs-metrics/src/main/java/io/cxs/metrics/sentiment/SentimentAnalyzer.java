package io.cxs.metrics.sentiment;

/**
 * Finds the sentiment of a free-text comment, such as the comment of a survey answer, a review
 * or a complaint. An extension point: the default is {@link LexiconSentimentAnalyzer}; wrap a
 * model of your own (a fine-tuned classifier, a cloud service) to use it wherever cxs asks for an
 * analyzer.
 *
 * <p>Implementations must be deterministic (the same text gives the same sentiment), thread-safe
 * and total: any string, including the empty string, gives a sentiment, and text without opinion
 * gives {@link Sentiment#neutral()}. They must not log the text (it may hold personal data).
 *
 * @since 0.1
 */
@FunctionalInterface
public interface SentimentAnalyzer {

  /**
   * @param text the text, possibly empty
   * @return its sentiment
   * @throws NullPointerException if {@code text} is null
   */
  Sentiment analyze(String text);

  /** @return the default analyzer, {@link LexiconSentimentAnalyzer#ofDefaults()} */
  static SentimentAnalyzer lexicon() {
    return LexiconSentimentAnalyzer.ofDefaults();
  }
}
