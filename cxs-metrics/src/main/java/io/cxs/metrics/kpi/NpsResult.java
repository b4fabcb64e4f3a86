package io.cxs.metrics.kpi;

import static com.google.common.base.Preconditions.checkArgument;

import io.cxs.metrics.stats.Comparison;
import io.cxs.metrics.stats.ConfidenceIntervals;
import io.cxs.metrics.stats.Distributions;
import io.cxs.metrics.stats.Interval;
import io.cxs.metrics.stats.SignificanceTests;
import java.util.Objects;
import java.util.Optional;

/**
 * A Net Promoter Score with its counts and uncertainty.
 *
 * <p>With {@code n = promoters + passives + detractors}, {@code p₊ = promoters/n} and
 * {@code p₋ = detractors/n}:
 * <ul>
 *   <li>{@code score = 100 · (p₊ − p₋)}, in [-100, 100];
 *   <li>{@code ci95 = score ± 100 · 1.96 · √((p₊ + p₋ − (p₊ − p₋)²)/n)}, the Wald interval with
 *       the multinomial variance of {@code p̂₊ − p̂₋}, clipped to [-100, 100];
 *   <li>{@code marginOfError} is the half-width {@code 100 · 1.96 · √(…)} before clipping.
 * </ul>
 * With no answers ({@code responses == 0}) the score is 0, the interval is the whole range
 * [-100, 100] and the margin of error 100: nothing is known. At the extremes (all promoters or all
 * detractors) the estimated variance is 0 and the interval has no width; check
 * {@code sampleSizeSufficient}.
 *
 * @param responses scored answers, {@code promoters + passives + detractors}
 * @param promoters answers 9–10
 * @param passives answers 7–8
 * @param detractors answers 0–6
 * @param skipped survey responses without a score (not in any denominator)
 * @param score the NPS in points, [-100, 100]
 * @param ci95 the 95% confidence interval in points, within [-100, 100]
 * @param marginOfError the half-width of the interval in points, at least 0
 * @param sampleSizeSufficient true if {@code responses} reached the minimum sample size
 * @since 0.1
 */
public record NpsResult(long responses, long promoters, long passives, long detractors,
    long skipped, double score, Interval ci95, double marginOfError,
    boolean sampleSizeSufficient) {

  /**
   * @throws IllegalArgumentException if a count is negative, {@code responses} is not the sum of
   *     the categories, or the score or margin is out of range
   */
  public NpsResult {
    Objects.requireNonNull(ci95, "ci95");
    checkArgument(promoters >= 0 && passives >= 0 && detractors >= 0 && skipped >= 0,
        "counts must be at least 0 but were %s, %s, %s, %s", promoters, passives, detractors,
        skipped);
    checkArgument(responses == promoters + passives + detractors,
        "responses must be promoters + passives + detractors = %s but was %s",
        promoters + passives + detractors, responses);
    checkArgument(score >= -100 && score <= 100, "score must be in [-100, 100] but was %s", score);
    checkArgument(marginOfError >= 0 && Double.isFinite(marginOfError),
        "marginOfError must be finite and at least 0 but was %s", marginOfError);
  }

  static NpsResult of(NpsAggregate a, int minimumSample) {
    checkArgument(minimumSample >= 1, "minimumSample must be at least 1 but was %s", minimumSample);
    long n = a.responses();
    if (n == 0) {
      return new NpsResult(0, 0, 0, 0, a.skipped(), 0, new Interval(-100, 100), 100, false);
    }
    double score = 100.0 * (a.promoters() - a.detractors()) / n;
    double margin = 100 * Distributions.Z_975 * Math.sqrt(ConfidenceIntervals.netScoreVariance(a.promoters(), a.detractors(), n));
    Interval ci = ConfidenceIntervals.netScore(a.promoters(), a.detractors(), n,
        ConfidenceIntervals.LEVEL_95).scale(100);
    return new NpsResult(n, a.promoters(), a.passives(), a.detractors(), a.skipped(),
        Math.max(-100, Math.min(100, score)), ci.clamp(-100, 100), margin, n >= minimumSample);
  }

  /** @return the share of promoters in percent, 0 when there are no responses */
  public double promoterShare() {
    return responses == 0 ? 0 : 100.0 * promoters / responses;
  }

  /** @return the share of detractors in percent, 0 when there are no responses */
  public double detractorShare() {
    return responses == 0 ? 0 : 100.0 * detractors / responses;
  }

  /**
   * Tests whether the NPS changed from {@code before} to this result: the z-test of a difference
   * of independent multinomial net scores (see {@link SignificanceTests#netScores}).
   *
   * @param before the earlier period or the other group
   * @return the comparison, with the difference in points; empty if either has no responses
   */
  public Optional<Comparison> changeFrom(NpsResult before) {
    Objects.requireNonNull(before, "before");
    if (responses == 0 || before.responses == 0) {
      return Optional.empty();
    }
    Comparison c = SignificanceTests.netScores(before.promoters, before.detractors,
        before.responses, promoters, detractors, responses);
    return Optional.of(Kpis.toPoints(c));
  }
}
