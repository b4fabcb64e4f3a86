package io.cxs.metrics.sentiment;

import static com.google.common.base.Preconditions.checkArgument;

import io.cxs.metrics.kpi.KpiQuery;
import java.util.Objects;

/**
 * The sufficient statistics of the sentiment of many comments: how many were negative, neutral
 * and positive, and the sum and sum of squares of their scores (for the mean and its
 * t-interval).
 *
 * <p>Scores are summed at a fixed resolution of {@value #RESOLUTION} ({@code q = round(score ·
 * 10⁴)}, so {@code scaledSum = Σq} and {@code scaledSumOfSquares = Σq²} are exact integers):
 * merging is then exactly associative and commutative, whatever the order or the partition, and
 * the mean is exact to ±5·10⁻⁵. The sums overflow (with an {@link ArithmeticException}) only
 * beyond 9·10¹⁰ comments.
 *
 * <p>An immutable monoid: {@link #empty()} is the identity, {@link #add(Sentiment)} counts one
 * comment in O(1), {@link #merge} is associative and commutative, and {@link #result()} computes
 * the statistics.
 *
 * <pre>{@code
 * SentimentAnalyzer analyzer = SentimentAnalyzer.lexicon();
 * SentimentAggregate a = SentimentAggregate.empty();
 * for (String comment : comments) {
 *   a = a.add(analyzer.analyze(comment));
 * }
 * SentimentResult r = a.result();  // r.mean(), r.ci95(), r.negative() …
 * }</pre>
 *
 * @param negative comments labelled {@link Sentiment.Label#NEGATIVE}, at least 0
 * @param neutral comments labelled {@link Sentiment.Label#NEUTRAL}, at least 0
 * @param positive comments labelled {@link Sentiment.Label#POSITIVE}, at least 0
 * @param scaledSum {@code Σ round(score · 10⁴)}, within ±10⁴ per comment
 * @param scaledSumOfSquares {@code Σ round(score · 10⁴)²}, within [0, 10⁸] per comment
 * @since 0.1
 */
public record SentimentAggregate(long negative, long neutral, long positive, long scaledSum,
    long scaledSumOfSquares) {
  /** The resolution at which scores are summed. */
  public static final double RESOLUTION = 1e-4;

  private static final long SCALE = 10_000;
  private static final SentimentAggregate EMPTY = new SentimentAggregate(0, 0, 0, 0, 0);

  /** @throws IllegalArgumentException if a count is negative or a sum is out of range */
  public SentimentAggregate {
    checkArgument(negative >= 0, "negative must be at least 0 but was %s", negative);
    checkArgument(neutral >= 0, "neutral must be at least 0 but was %s", neutral);
    checkArgument(positive >= 0, "positive must be at least 0 but was %s", positive);
    long n = negative + neutral + positive;
    checkArgument(Math.abs(scaledSum) <= SCALE * n,
        "scaledSum must be in [-%s, %s] for %s comments but was %s", SCALE * n, SCALE * n, n,
        scaledSum);
    checkArgument(scaledSumOfSquares >= 0 && scaledSumOfSquares <= SCALE * SCALE * n,
        "scaledSumOfSquares must be in [0, %s] for %s comments but was %s", SCALE * SCALE * n, n,
        scaledSumOfSquares);
  }

  /** @return the aggregate of no comments, the identity of {@link #merge} */
  public static SentimentAggregate empty() {
    return EMPTY;
  }

  /**
   * @param sentiment the sentiment of one comment
   * @return a copy that also counts it
   * @throws ArithmeticException if a sum overflows
   */
  public SentimentAggregate add(Sentiment sentiment) {
    Objects.requireNonNull(sentiment, "sentiment");
    long q = Math.round(sentiment.score() * SCALE);
    Sentiment.Label label = sentiment.label();
    return new SentimentAggregate(
        negative + (label == Sentiment.Label.NEGATIVE ? 1 : 0),
        neutral + (label == Sentiment.Label.NEUTRAL ? 1 : 0),
        positive + (label == Sentiment.Label.POSITIVE ? 1 : 0),
        Math.addExact(scaledSum, q), Math.addExact(scaledSumOfSquares, q * q));
  }

  /**
   * @param other another aggregate
   * @return the aggregate of both samples
   * @throws ArithmeticException if a sum overflows
   */
  public SentimentAggregate merge(SentimentAggregate other) {
    Objects.requireNonNull(other, "other");
    return new SentimentAggregate(negative + other.negative, neutral + other.neutral,
        positive + other.positive, Math.addExact(scaledSum, other.scaledSum),
        Math.addExact(scaledSumOfSquares, other.scaledSumOfSquares));
  }

  /** @return the number of comments, {@code negative + neutral + positive} */
  public long comments() {
    return negative + neutral + positive;
  }

  /** @return the result, sufficient from {@link KpiQuery#DEFAULT_MINIMUM_SAMPLE} comments */
  public SentimentResult result() {
    return result(KpiQuery.DEFAULT_MINIMUM_SAMPLE);
  }

  /**
   * @param minimumSample the number of comments from which the sample counts as sufficient
   * @return the counts, the mean score and the net sentiment with their 95% intervals
   * @throws IllegalArgumentException if {@code minimumSample < 1}
   */
  public SentimentResult result(int minimumSample) {
    return SentimentResult.of(this, minimumSample);
  }

  /** @return {@code scaledSum} as a score sum */
  double sum() {
    return (double) scaledSum / SCALE;
  }

  /** @return the sample variance of the scores, {@code (Σq² − (Σq)²/n) / (n − 1) / 10⁸} */
  double variance() {
    long n = comments();
    double s = scaledSum;
    return Math.max(0, (scaledSumOfSquares - s * s / n) / (n - 1)) / (SCALE * SCALE);
  }
}
