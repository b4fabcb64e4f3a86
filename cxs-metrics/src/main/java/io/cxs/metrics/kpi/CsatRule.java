package io.cxs.metrics.kpi;

import static com.google.common.base.Preconditions.checkArgument;

import io.cxs.core.feedback.Scale;
import java.util.Objects;

/**
 * Which answers on a satisfaction scale count as satisfied and which as dissatisfied. The default
 * is the common top-2-box rule on the 1–5 CSAT scale: 4–5 satisfied, 1–2 dissatisfied, 3 neutral.
 *
 * @param scale the answer scale
 * @param satisfiedFrom the lowest satisfied answer
 * @param dissatisfiedTo the highest dissatisfied answer, below {@code satisfiedFrom}
 * @since 0.1
 */
public record CsatRule(Scale scale, int satisfiedFrom, int dissatisfiedTo) {
  private static final CsatRule DEFAULT = topBoxes(Scale.CSAT, 2);

  /**
   * @throws IllegalArgumentException if a threshold is off the scale or
   *     {@code dissatisfiedTo >= satisfiedFrom}
   */
  public CsatRule {
    Objects.requireNonNull(scale, "scale");
    checkArgument(scale.contains(satisfiedFrom), "satisfiedFrom must be in [%s, %s] but was %s",
        scale.min(), scale.max(), satisfiedFrom);
    checkArgument(scale.contains(dissatisfiedTo), "dissatisfiedTo must be in [%s, %s] but was %s",
        scale.min(), scale.max(), dissatisfiedTo);
    checkArgument(dissatisfiedTo < satisfiedFrom,
        "dissatisfiedTo must be below satisfiedFrom = %s but was %s", satisfiedFrom,
        dissatisfiedTo);
  }

  /** @return 4–5 satisfied and 1–2 dissatisfied on the 1–5 scale */
  public static CsatRule ofDefaults() {
    return DEFAULT;
  }

  /**
   * The top-k-box rule: the {@code boxes} highest answers are satisfied and the {@code boxes}
   * lowest dissatisfied (top-2-box on 1–5 is 4–5 and 1–2; on 1–7 it is 6–7 and 1–2).
   *
   * @param scale the scale
   * @param boxes how many answers at each end, at least 1, less than half the scale's points
   * @return the rule
   * @throws IllegalArgumentException if {@code boxes} is out of range
   */
  public static CsatRule topBoxes(Scale scale, int boxes) {
    Objects.requireNonNull(scale, "scale");
    checkArgument(boxes >= 1 && 2 * boxes <= scale.points(),
        "boxes must be in [1, %s] but was %s", scale.points() / 2, boxes);
    return new CsatRule(scale, scale.max() - boxes + 1, scale.min() + boxes - 1);
  }
}
