package io.cxs.metrics.kpi;

import static com.google.common.base.Preconditions.checkArgument;

import io.cxs.metrics.stats.Comparison;
import io.cxs.metrics.stats.ConfidenceIntervals;
import io.cxs.metrics.stats.Interval;
import io.cxs.metrics.stats.SignificanceTests;
import java.util.Objects;
import java.util.Optional;

/**
 * Customer satisfaction (CSAT) and net satisfaction with their counts and uncertainty.
 *
 * <p>With {@code n = satisfied + neutral + dissatisfied}:
 * <ul>
 *   <li>{@code score = 100 · satisfied / n} (CSAT, the share of satisfied answers), in [0, 100];
 *       {@code ci95} is the Wilson score interval of {@code satisfied/n} in points, and
 *       {@code marginOfError} its larger distance from the score;
 *   <li>{@code netSatisfaction = 100 · (satisfied − dissatisfied) / n}, in [-100, 100], with
 *       {@code netCi95} the Wald interval with the multinomial variance
 *       {@code (p₊ + p₋ − (p₊ − p₋)²)/n}, as for NPS.
 * </ul>
 * With no answers the scores are 0, the intervals the whole range and the margin 100.
 *
 * @param responses scored answers
 * @param satisfied satisfied answers
 * @param neutral neutral answers
 * @param dissatisfied dissatisfied answers
 * @param skipped survey responses without a score (not in any denominator)
 * @param score CSAT in points, [0, 100]
 * @param ci95 the Wilson 95% interval of CSAT in points
 * @param marginOfError the larger distance from the score to an end of {@code ci95}
 * @param netSatisfaction % satisfied − % dissatisfied, [-100, 100]
 * @param netCi95 the 95% interval of net satisfaction in points
 * @param sampleSizeSufficient true if {@code responses} reached the minimum sample size
 * @since 0.1
 */
public record CsatResult(long responses, long satisfied, long neutral, long dissatisfied,
    long skipped, double score, Interval ci95, double marginOfError, double netSatisfaction,
    Interval netCi95, boolean sampleSizeSufficient) {

  /**
   * @throws IllegalArgumentException if a count is negative, {@code responses} is not their sum,
   *     or a score is out of range
   */
  public CsatResult {
    Objects.requireNonNull(ci95, "ci95");
    Objects.requireNonNull(netCi95, "netCi95");
    checkArgument(satisfied >= 0 && neutral >= 0 && dissatisfied >= 0 && skipped >= 0,
        "counts must be at least 0 but were %s, %s, %s, %s", satisfied, neutral, dissatisfied,
        skipped);
    checkArgument(responses == satisfied + neutral + dissatisfied,
        "responses must be satisfied + neutral + dissatisfied = %s but was %s",
        satisfied + neutral + dissatisfied, responses);
    checkArgument(score >= 0 && score <= 100, "score must be in [0, 100] but was %s", score);
    checkArgument(netSatisfaction >= -100 && netSatisfaction <= 100,
        "netSatisfaction must be in [-100, 100] but was %s", netSatisfaction);
    checkArgument(marginOfError >= 0 && Double.isFinite(marginOfError),
        "marginOfError must be finite and at least 0 but was %s", marginOfError);
  }

  static CsatResult of(CsatAggregate a, int minimumSample) {
    checkArgument(minimumSample >= 1, "minimumSample must be at least 1 but was %s", minimumSample);
    long n = a.responses();
    if (n == 0) {
      return new CsatResult(0, 0, 0, 0, a.skipped(), 0, new Interval(0, 100), 100, 0,
          new Interval(-100, 100), false);
    }
    double score = Math.min(100, 100.0 * a.satisfied() / n);
    Interval ci = ConfidenceIntervals.wilson(a.satisfied(), n, ConfidenceIntervals.LEVEL_95)
        .scale(100).clamp(0, 100);
    double margin = Math.max(score - ci.lower(), ci.upper() - score);
    double net = 100.0 * (a.satisfied() - a.dissatisfied()) / n;
    Interval netCi = ConfidenceIntervals.netScore(a.satisfied(), a.dissatisfied(), n,
        ConfidenceIntervals.LEVEL_95).scale(100).clamp(-100, 100);
    return new CsatResult(n, a.satisfied(), a.neutral(), a.dissatisfied(), a.skipped(), score, ci,
        Math.max(0, margin), Math.max(-100, Math.min(100, net)), netCi, n >= minimumSample);
  }

  /**
   * Tests whether CSAT changed from {@code before} to this result (the pooled two-proportion
   * z-test, see {@link SignificanceTests#proportions}).
   *
   * @param before the earlier period or the other group
   * @return the comparison, difference in points; empty if either has no responses
   */
  public Optional<Comparison> changeFrom(CsatResult before) {
    Objects.requireNonNull(before, "before");
    if (responses == 0 || before.responses == 0) {
      return Optional.empty();
    }
    return Optional.of(Kpis.toPoints(SignificanceTests.proportions(before.satisfied,
        before.responses, satisfied, responses)));
  }

  /**
   * Tests whether net satisfaction changed from {@code before} to this result (the z-test of
   * multinomial net scores, see {@link SignificanceTests#netScores}).
   *
   * @param before the earlier period or the other group
   * @return the comparison, difference in points; empty if either has no responses
   */
  public Optional<Comparison> netChangeFrom(CsatResult before) {
    Objects.requireNonNull(before, "before");
    if (responses == 0 || before.responses == 0) {
      return Optional.empty();
    }
    return Optional.of(Kpis.toPoints(SignificanceTests.netScores(before.satisfied,
        before.dissatisfied, before.responses, satisfied, dissatisfied, responses)));
  }
}
