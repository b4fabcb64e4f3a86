package io.cxs.metrics.kpi;

import static com.google.common.base.Preconditions.checkArgument;

import io.cxs.metrics.stats.Comparison;
import java.util.Objects;

/**
 * The NPS, CSAT and CES aggregates of one sample (such as one channel in one week), as one
 * immutable monoid: {@link #merge} merges each part.
 *
 * @param nps the NPS counts
 * @param csat the CSAT counts
 * @param ces the CES statistics
 * @since 0.1
 */
public record Kpis(NpsAggregate nps, CsatAggregate csat, CesAggregate ces) {

  /** @throws NullPointerException if an argument is null */
  public Kpis {
    Objects.requireNonNull(nps, "nps");
    Objects.requireNonNull(csat, "csat");
    Objects.requireNonNull(ces, "ces");
  }

  /**
   * @param csatRule the CSAT rule
   * @param cesRule the CES rule
   * @return the aggregates of no answers
   */
  public static Kpis empty(CsatRule csatRule, CesRule cesRule) {
    return new Kpis(NpsAggregate.empty(), CsatAggregate.empty(csatRule), CesAggregate.empty(cesRule));
  }

  /** @return the empty aggregates under the default rules */
  public static Kpis empty() {
    return empty(CsatRule.ofDefaults(), CesRule.ofDefaults());
  }

  /**
   * @param other aggregates under the same rules
   * @return the aggregates of both samples
   * @throws IllegalArgumentException if the rules differ
   */
  public Kpis merge(Kpis other) {
    Objects.requireNonNull(other, "other");
    return new Kpis(nps.merge(other.nps), csat.merge(other.csat), ces.merge(other.ces));
  }

  /** @return true if no answer, scored or skipped, was counted */
  public boolean hasNoAnswers() {
    return nps.responses() + nps.skipped() + csat.responses() + csat.skipped() + ces.responses()
        + ces.skipped() == 0;
  }

  /**
   * @param minimumSample the sample size from which a result counts as sufficient, at least 1
   * @return the three results
   * @throws IllegalArgumentException if {@code minimumSample < 1}
   */
  public KpiResults result(int minimumSample) {
    checkArgument(minimumSample >= 1, "minimumSample must be at least 1 but was %s", minimumSample);
    return new KpiResults(nps.result(minimumSample), csat.result(minimumSample),
        ces.result(minimumSample));
  }

  /** A comparison of fractions, restated in points. */
  static Comparison toPoints(Comparison c) {
    return new Comparison(100 * c.difference(), 100 * c.standardError(), c.statistic(),
        c.pValue());
  }
}
