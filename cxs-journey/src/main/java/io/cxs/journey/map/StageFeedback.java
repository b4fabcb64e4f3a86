package io.cxs.journey.map;

import java.util.OptionalDouble;

/**
 * The feedback given at one stage. Computed here with simple counts and means until the KPI
 * engine can be used.
 *
 * @param responses scored answers (surveys and reviews with a score)
 * @param complaints complaints
 * @param negative scored answers that are negative: 0–6 on a 0–10 scale (NPS detractors), else
 *     below the scale's midpoint ({@code (score - min) / (max - min) < 0.5})
 * @param nps the Net Promoter Score of the {@code nps} answers, {@code 100 × (promoters −
 *     detractors) / answers} with promoters 9–10 and detractors 0–6, in [−100, 100]; empty
 *     without answers
 * @param npsResponses the number of {@code nps} answers
 * @param csat the mean {@code csat} answer (1–5); empty without answers
 * @param ces the mean {@code ces} answer (1–7); empty without answers
 * @since 0.1
 */
public record StageFeedback(long responses, long complaints, long negative, OptionalDouble nps,
    long npsResponses, OptionalDouble csat, OptionalDouble ces) {}
