package io.cxs.metrics.sentiment;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * The sentiment of one text: a score in [-1, 1] (−1 most negative, 0 neutral or no opinion, +1
 * most positive) and its label.
 *
 * <p>The label comes from the analyzer's thresholds ({@link #of(double, double, double)}): a
 * score at or below the negative threshold is {@link Label#NEGATIVE}, at or above the positive
 * threshold {@link Label#POSITIVE}, and {@link Label#NEUTRAL} in between. The thresholds lie
 * strictly on either side of 0, so a negative label always has a negative score and a positive
 * label a positive one; a score of 0 is always neutral.
 *
 * <p>Immutable and thread-safe.
 *
 * @param score the score, in [-1, 1]
 * @param label the label, consistent with the sign of {@code score}
 * @since 0.1
 */
public record Sentiment(double score, Label label) {
  /** The default negative threshold: scores at or below it are negative. */
  public static final double DEFAULT_NEGATIVE_AT_MOST = -0.05;
  /** The default positive threshold: scores at or above it are positive. */
  public static final double DEFAULT_POSITIVE_AT_LEAST = 0.05;

  private static final Sentiment NEUTRAL = new Sentiment(0, Label.NEUTRAL);

  /** The polarity of a text. */
  public enum Label {
    /** The text is mostly unfavourable. */
    NEGATIVE,
    /** The text has no opinion, or its opinions cancel out. */
    NEUTRAL,
    /** The text is mostly favourable. */
    POSITIVE
  }

  /**
   * @throws IllegalArgumentException if {@code score} is not in [-1, 1], or the label contradicts
   *     its sign (negative with a score of 0 or more, positive with a score of 0 or less)
   */
  public Sentiment {
    Objects.requireNonNull(label, "label");
    checkArgument(score >= -1 && score <= 1, "score must be in [-1, 1] but was %s", score);
    checkArgument(label != Label.NEGATIVE || score < 0,
        "score must be negative for label NEGATIVE but was %s", score);
    checkArgument(label != Label.POSITIVE || score > 0,
        "score must be positive for label POSITIVE but was %s", score);
  }

  /** @return the sentiment of a text without opinion: score 0, {@link Label#NEUTRAL} */
  public static Sentiment neutral() {
    return NEUTRAL;
  }

  /**
   * @param score a score in [-1, 1]
   * @return the sentiment labelled with the default thresholds {@link #DEFAULT_NEGATIVE_AT_MOST}
   *     and {@link #DEFAULT_POSITIVE_AT_LEAST}
   * @throws IllegalArgumentException if {@code score} is not in [-1, 1]
   */
  public static Sentiment of(double score) {
    return of(score, DEFAULT_NEGATIVE_AT_MOST, DEFAULT_POSITIVE_AT_LEAST);
  }

  /**
   * @param score a score in [-1, 1]
   * @param negativeAtMost the negative threshold, in [-1, 0)
   * @param positiveAtLeast the positive threshold, in (0, 1]
   * @return the sentiment: {@code NEGATIVE} if {@code score <= negativeAtMost}, {@code POSITIVE}
   *     if {@code score >= positiveAtLeast}, else {@code NEUTRAL}
   * @throws IllegalArgumentException if {@code score} or a threshold is out of range
   */
  public static Sentiment of(double score, double negativeAtMost, double positiveAtLeast) {
    checkThresholds(negativeAtMost, positiveAtLeast);
    checkArgument(score >= -1 && score <= 1, "score must be in [-1, 1] but was %s", score);
    Label label = score <= negativeAtMost ? Label.NEGATIVE
        : score >= positiveAtLeast ? Label.POSITIVE : Label.NEUTRAL;
    return new Sentiment(score, label);
  }

  static void checkThresholds(double negativeAtMost, double positiveAtLeast) {
    checkArgument(negativeAtMost >= -1 && negativeAtMost < 0,
        "negativeAtMost must be in [-1, 0) but was %s", negativeAtMost);
    checkArgument(positiveAtLeast > 0 && positiveAtLeast <= 1,
        "positiveAtLeast must be in (0, 1] but was %s", positiveAtLeast);
  }
}
