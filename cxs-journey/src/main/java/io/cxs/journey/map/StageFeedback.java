package io.cxs.journey.map;

import io.cxs.metrics.kpi.CesResult;
import io.cxs.metrics.kpi.CsatResult;
import io.cxs.metrics.kpi.NpsResult;
import io.cxs.metrics.sentiment.SentimentAggregate;
import io.cxs.metrics.sentiment.SentimentResult;

/**
 * The feedback given at one stage, with the KPI engine's results (counts, scores and 95%
 * confidence intervals; see {@link NpsResult}, {@link CsatResult}, {@link CesResult}) and the
 * sentiment of the comments given there ({@link SentimentResult}).
 *
 * @param responses scored answers (surveys and reviews with a score)
 * @param complaints complaints
 * @param negative scored answers that are negative: 0–6 on a 0–10 scale (NPS detractors), else
 *     below the scale's midpoint ({@code (score - min) / (max - min) < 0.5})
 * @param nps the NPS of the {@code nps} answers on the 0–10 scale ({@code responses() == 0}
 *     without any)
 * @param csat the CSAT of the {@code csat} answers on the 1–5 scale, top-2-box
 * @param ces the CES of the {@code ces} answers on the 1–7 scale
 * @param sentiment the sentiment of the non-empty comments of every piece of feedback attributed
 *     to the stage (scored or not, complaints included), found by the map's
 *     {@link JourneyMap#sentimentAnalyzer() analyzer} ({@code comments() == 0} without any)
 * @since 0.1
 */
public record StageFeedback(long responses, long complaints, long negative, NpsResult nps,
    CsatResult csat, CesResult ces, SentimentResult sentiment) {

  /** @throws NullPointerException if a result is null */
  public StageFeedback {
    java.util.Objects.requireNonNull(nps, "nps");
    java.util.Objects.requireNonNull(csat, "csat");
    java.util.Objects.requireNonNull(ces, "ces");
    java.util.Objects.requireNonNull(sentiment, "sentiment");
  }

  /**
   * Stage feedback without comments: the sentiment is that of no comments.
   *
   * @param responses scored answers
   * @param complaints complaints
   * @param negative negative scored answers
   * @param nps the NPS
   * @param csat the CSAT
   * @param ces the CES
   */
  public StageFeedback(long responses, long complaints, long negative, NpsResult nps,
      CsatResult csat, CesResult ces) {
    this(responses, complaints, negative, nps, csat, ces, SentimentAggregate.empty().result());
  }
}
