package io.cxs.metrics.kpi;

import static com.google.common.base.Preconditions.checkArgument;

import io.cxs.metrics.stats.Comparison;
import io.cxs.metrics.stats.ConfidenceIntervals;
import io.cxs.metrics.stats.Interval;
import io.cxs.metrics.stats.SignificanceTests;
import java.util.Objects;
import java.util.Optional;

/**
 * A Customer Effort Score with its counts and uncertainty.
 *
 * <p>With {@code n} answers {@code x_i}:
 * <ul>
 *   <li>{@code mean = Σx/n}; {@code standardDeviation = s = √((Σx² − (Σx)²/n)/(n − 1))};
 *   <li>{@code ci95 = mean ± t_{0.975, n−1} · s/√n} (Student t), clipped to the scale;
 *       {@code marginOfError} is the half-width {@code t · s/√n};
 *   <li>{@code lowEffortShare = 100 · lowEffort/n}, with {@code lowEffortCi95} its Wilson
 *       interval in points.
 * </ul>
 * With fewer than two answers the spread is unknown: {@code standardDeviation} is 0,
 * {@code ci95} the whole scale and {@code marginOfError} the scale's width. With none, the mean
 * and share are 0 (check {@code responses}).
 *
 * @param responses scored answers
 * @param lowEffort low-effort answers
 * @param skipped survey responses without a score (not in any denominator)
 * @param mean the mean answer
 * @param standardDeviation the sample standard deviation
 * @param ci95 the 95% t-interval of the mean, within the scale
 * @param marginOfError the half-width of the t-interval
 * @param lowEffortShare the share of low-effort answers in points, [0, 100]
 * @param lowEffortCi95 the Wilson 95% interval of that share in points
 * @param sampleSizeSufficient true if {@code responses} reached the minimum sample size
 * @since 0.1
 */
public record CesResult(long responses, long lowEffort, long skipped, double mean,
    double standardDeviation, Interval ci95, double marginOfError, double lowEffortShare,
    Interval lowEffortCi95, boolean sampleSizeSufficient) {

  /** @throws IllegalArgumentException if a count or value is out of range */
  public CesResult {
    Objects.requireNonNull(ci95, "ci95");
    Objects.requireNonNull(lowEffortCi95, "lowEffortCi95");
    checkArgument(responses >= 0, "responses must be at least 0 but was %s", responses);
    checkArgument(lowEffort >= 0 && lowEffort <= responses,
        "lowEffort must be in [0, %s] but was %s", responses, lowEffort);
    checkArgument(skipped >= 0, "skipped must be at least 0 but was %s", skipped);
    checkArgument(Double.isFinite(mean), "mean must be finite but was %s", mean);
    checkArgument(standardDeviation >= 0 && Double.isFinite(standardDeviation),
        "standardDeviation must be finite and at least 0 but was %s", standardDeviation);
    checkArgument(marginOfError >= 0 && Double.isFinite(marginOfError),
        "marginOfError must be finite and at least 0 but was %s", marginOfError);
    checkArgument(lowEffortShare >= 0 && lowEffortShare <= 100,
        "lowEffortShare must be in [0, 100] but was %s", lowEffortShare);
  }

  static CesResult of(CesAggregate a, int minimumSample) {
    checkArgument(minimumSample >= 1, "minimumSample must be at least 1 but was %s", minimumSample);
    long n = a.responses();
    int min = a.rule().scale().min();
    int max = a.rule().scale().max();
    Interval whole = new Interval(min, max);
    if (n == 0) {
      return new CesResult(0, 0, a.skipped(), 0, 0, whole, max - min, 0, new Interval(0, 100),
          false);
    }
    double mean = (double) a.sum() / n;
    double share = Math.min(100, 100.0 * a.lowEffort() / n);
    Interval shareCi = ConfidenceIntervals.wilson(a.lowEffort(), n, ConfidenceIntervals.LEVEL_95)
        .scale(100).clamp(0, 100);
    if (n == 1) {
      return new CesResult(1, a.lowEffort(), a.skipped(), mean, 0, whole, max - min, share,
          shareCi, n >= minimumSample);
    }
    double variance = Math.max(0, (a.sumOfSquares() - (double) a.sum() * a.sum() / n) / (n - 1));
    Interval ci = ConfidenceIntervals.mean(mean, variance, n, ConfidenceIntervals.LEVEL_95);
    return new CesResult(n, a.lowEffort(), a.skipped(), mean, Math.sqrt(variance),
        ci.clamp(min, max), (ci.upper() - ci.lower()) / 2, share, shareCi, n >= minimumSample);
  }

  /**
   * Tests whether the mean effort changed from {@code before} to this result (Welch's t-test,
   * see {@link SignificanceTests#means}).
   *
   * @param before the earlier period or the other group
   * @return the comparison; empty if either has fewer than two responses
   */
  public Optional<Comparison> changeFrom(CesResult before) {
    Objects.requireNonNull(before, "before");
    if (responses < 2 || before.responses < 2) {
      return Optional.empty();
    }
    return Optional.of(SignificanceTests.means(before.mean,
        before.standardDeviation * before.standardDeviation, before.responses, mean,
        standardDeviation * standardDeviation, responses));
  }
}
