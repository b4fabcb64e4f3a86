package io.cxs.metrics.sentiment;

import static com.google.common.base.Preconditions.checkArgument;

import io.cxs.metrics.stats.Comparison;
import io.cxs.metrics.stats.ConfidenceIntervals;
import io.cxs.metrics.stats.Interval;
import io.cxs.metrics.stats.SignificanceTests;
import java.util.Objects;
import java.util.Optional;

/**
 * The sentiment of many comments, with counts and uncertainty.
 *
 * <p>With {@code n} comments with scores {@code x_i} in [-1, 1]:
 * <ul>
 *   <li>{@code mean = Σx/n}; {@code standardDeviation = s = √((Σx² − (Σx)²/n)/(n − 1))};
 *   <li>{@code ci95 = mean ± t_{0.975, n−1} · s/√n} (Student t), clipped to [-1, 1];
 *       {@code marginOfError} is the half-width {@code t · s/√n};
 *   <li>{@code netScore = 100 · (positive − negative)/n}, in [-100, 100], read like an NPS, with
 *       {@code netCi95} its Wald interval with the multinomial variance (see
 *       {@link ConfidenceIntervals#netScore}) in points.
 * </ul>
 * With fewer than two comments the spread is unknown: {@code standardDeviation} is 0, {@code ci95}
 * is [-1, 1] and {@code marginOfError} 1. With none, the mean and net score are 0 and
 * {@code netCi95} is [-100, 100] (check {@code comments}). Scores enter at the resolution
 * {@link SentimentAggregate#RESOLUTION}.
 *
 * @param comments analysed comments, {@code negative + neutral + positive}
 * @param negative negative comments
 * @param neutral neutral comments (including those without opinion)
 * @param positive positive comments
 * @param mean the mean score, in [-1, 1]
 * @param standardDeviation the sample standard deviation of the scores
 * @param ci95 the 95% t-interval of the mean, within [-1, 1]
 * @param marginOfError the half-width of the t-interval
 * @param netScore {@code 100 · (positive − negative)/comments}, in [-100, 100]
 * @param netCi95 the 95% interval of the net score in points, within [-100, 100]
 * @param sampleSizeSufficient true if {@code comments} reached the minimum sample size
 * @since 0.1
 */
public record SentimentResult(long comments, long negative, long neutral, long positive,
    double mean, double standardDeviation, Interval ci95, double marginOfError, double netScore,
    Interval netCi95, boolean sampleSizeSufficient) {

  /** @throws IllegalArgumentException if a count or value is out of range */
  public SentimentResult {
    Objects.requireNonNull(ci95, "ci95");
    Objects.requireNonNull(netCi95, "netCi95");
    checkArgument(negative >= 0, "negative must be at least 0 but was %s", negative);
    checkArgument(neutral >= 0, "neutral must be at least 0 but was %s", neutral);
    checkArgument(positive >= 0, "positive must be at least 0 but was %s", positive);
    checkArgument(comments == negative + neutral + positive,
        "comments must be negative + neutral + positive = %s but was %s",
        negative + neutral + positive, comments);
    checkArgument(mean >= -1 && mean <= 1, "mean must be in [-1, 1] but was %s", mean);
    checkArgument(standardDeviation >= 0 && Double.isFinite(standardDeviation),
        "standardDeviation must be finite and at least 0 but was %s", standardDeviation);
    checkArgument(marginOfError >= 0 && Double.isFinite(marginOfError),
        "marginOfError must be finite and at least 0 but was %s", marginOfError);
    checkArgument(netScore >= -100 && netScore <= 100,
        "netScore must be in [-100, 100] but was %s", netScore);
  }

  static SentimentResult of(SentimentAggregate a, int minimumSample) {
    checkArgument(minimumSample >= 1, "minimumSample must be at least 1 but was %s",
        minimumSample);
    long n = a.comments();
    Interval whole = new Interval(-1, 1);
    if (n == 0) {
      return new SentimentResult(0, 0, 0, 0, 0, 0, whole, 1, 0, new Interval(-100, 100), false);
    }
    double mean = Math.max(-1, Math.min(1, a.sum() / n));
    double net = Math.max(-100, Math.min(100, 100.0 * (a.positive() - a.negative()) / n));
    Interval netCi = ConfidenceIntervals.netScore(a.positive(), a.negative(), n,
        ConfidenceIntervals.LEVEL_95).scale(100).clamp(-100, 100);
    boolean sufficient = n >= minimumSample;
    if (n == 1) {
      return new SentimentResult(1, a.negative(), a.neutral(), a.positive(), mean, 0, whole, 1,
          net, netCi, sufficient);
    }
    double variance = a.variance();
    Interval ci = ConfidenceIntervals.mean(mean, variance, n, ConfidenceIntervals.LEVEL_95);
    return new SentimentResult(n, a.negative(), a.neutral(), a.positive(), mean,
        Math.sqrt(variance), ci.clamp(-1, 1), (ci.upper() - ci.lower()) / 2, net, netCi,
        sufficient);
  }

  /**
   * Tests whether the mean sentiment changed from {@code before} to this result (Welch's
   * t-test, see {@link SignificanceTests#means}).
   *
   * @param before the earlier period or the other group
   * @return the comparison; empty if either has fewer than two comments
   */
  public Optional<Comparison> changeFrom(SentimentResult before) {
    Objects.requireNonNull(before, "before");
    if (comments < 2 || before.comments < 2) {
      return Optional.empty();
    }
    return Optional.of(SignificanceTests.means(before.mean,
        before.standardDeviation * before.standardDeviation, before.comments, mean,
        standardDeviation * standardDeviation, comments));
  }
}
