package io.cxs.journey.friction;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * One place of a journey or funnel and how much friction customers met there.
 *
 * <p>The score is {@code (dropOffRate + negativeShare) / 2}, in [0, 1], where
 * <ul>
 *   <li>{@code dropOffRate = dropped / reached} (0 when nobody reached it), and
 *   <li>{@code negativeShare = (negative + complaints) / (responses + complaints)}, the share of
 *   the feedback given there that is negative (0 without feedback). A scored answer is negative
 *   at 0–6 on a 0–10 scale (an NPS detractor) and below the midpoint of any other scale.
 * </ul>
 * Both terms weigh equally, so a step that loses half its customers ranks with one where half
 * of the feedback is negative.
 *
 * @param kind {@code "stage"} or {@code "step"}
 * @param name the stage or step name
 * @param reached customers who reached it
 * @param dropped customers who went no further
 * @param dropOffRate {@code dropped / reached}
 * @param responses scored feedback given there
 * @param negative negative scored feedback
 * @param complaints complaints
 * @param negativeShare {@code (negative + complaints) / (responses + complaints)}
 * @param score {@code (dropOffRate + negativeShare) / 2}
 * @since 0.1
 */
public record FrictionPoint(String kind, String name, long reached, long dropped,
    double dropOffRate, long responses, long negative, long complaints, double negativeShare,
    double score) {

  /** @throws IllegalArgumentException if a count is negative or a rate is outside [0, 1] */
  public FrictionPoint {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    checkArgument(reached >= 0 && dropped >= 0 && responses >= 0 && negative >= 0
        && complaints >= 0, "counts must be non-negative in %s '%s'", kind, name);
    checkArgument(dropOffRate >= 0 && dropOffRate <= 1,
        "dropOffRate must be in [0, 1] but was %s", dropOffRate);
    checkArgument(negativeShare >= 0 && negativeShare <= 1,
        "negativeShare must be in [0, 1] but was %s", negativeShare);
  }

  /** Builds a point, computing the rates and the score from the counts. */
  static FrictionPoint of(String kind, String name, long reached, long dropped, long responses,
      long negative, long complaints) {
    double drop = reached == 0 ? 0 : (double) dropped / reached;
    long fb = responses + complaints;
    double neg = fb == 0 ? 0 : (double) (negative + complaints) / fb;
    return new FrictionPoint(kind, name, reached, dropped, drop, responses, negative, complaints,
        neg, (drop + neg) / 2);
  }
}
