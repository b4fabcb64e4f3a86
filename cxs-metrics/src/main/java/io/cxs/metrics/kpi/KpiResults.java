package io.cxs.metrics.kpi;

import java.util.Objects;

/**
 * The NPS, CSAT (with net satisfaction) and CES results of one sample.
 *
 * @param nps the Net Promoter Score
 * @param csat customer satisfaction and net satisfaction
 * @param ces the Customer Effort Score
 * @since 0.1
 */
public record KpiResults(NpsResult nps, CsatResult csat, CesResult ces) {

  /** @throws NullPointerException if an argument is null */
  public KpiResults {
    Objects.requireNonNull(nps, "nps");
    Objects.requireNonNull(csat, "csat");
    Objects.requireNonNull(ces, "ces");
  }
}
