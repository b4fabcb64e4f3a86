package io.cxs.journey.map;

import io.cxs.metrics.kpi.CesResult;
import io.cxs.metrics.kpi.CsatResult;
import io.cxs.metrics.kpi.NpsResult;


/**
 * The feedback given at one stage, with the KPI engine's results (counts, scores and 95%
 * confidence intervals; see {@link NpsResult}, {@link CsatResult}, {@link CesResult}).
 *
 * @param responses scored answers (surveys and reviews with a score)
 * @param complaints complaints
 * @param negative scored answers that are negative: 0–6 on a 0–10 scale (NPS detractors), else
 *     below the scale's midpoint ({@code (score - min) / (max - min) < 0.5})
 * @param nps the NPS of the {@code nps} answers on the 0–10 scale ({@code responses() == 0}
 *     without any)
 * @param csat the CSAT of the {@code csat} answers on the 1–5 scale, top-2-box
 * @param ces the CES of the {@code ces} answers on the 1–7 scale
 * @since 0.1
 */
public record StageFeedback(long responses, long complaints, long negative, NpsResult nps,
    CsatResult csat, CesResult ces) {

  /** @throws NullPointerException if a result is null */
  public StageFeedback {
    java.util.Objects.requireNonNull(nps, "nps");
    java.util.Objects.requireNonNull(csat, "csat");
    java.util.Objects.requireNonNull(ces, "ces");
  }
}
