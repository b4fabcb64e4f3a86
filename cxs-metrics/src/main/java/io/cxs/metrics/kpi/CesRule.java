package io.cxs.metrics.kpi;

import static com.google.common.base.Preconditions.checkArgument;

import io.cxs.core.feedback.Scale;
import java.util.Objects;

/**
 * The Customer Effort Score scale and which answers count as low effort. CES is asked as
 * agreement with "The company made it easy for me to handle my issue" (Dixon, Freeman &amp; Toman
 * 2010; CEB's CES 2.0), so higher answers mean less effort. The default is the 7-point form with
 * 5–7 (somewhat agree to strongly agree) as low effort; on the 5-point form, 4–5.
 *
 * @param scale the answer scale
 * @param lowEffortFrom the lowest answer that counts as low effort
 * @since 0.1
 */
public record CesRule(Scale scale, int lowEffortFrom) {
  private static final CesRule DEFAULT = forScale(Scale.CES);

  /** @throws IllegalArgumentException if {@code lowEffortFrom} is off the scale */
  public CesRule {
    Objects.requireNonNull(scale, "scale");
    checkArgument(scale.contains(lowEffortFrom), "lowEffortFrom must be in [%s, %s] but was %s",
        scale.min(), scale.max(), lowEffortFrom);
  }

  /** @return the 1–7 scale with 5–7 as low effort */
  public static CesRule ofDefaults() {
    return DEFAULT;
  }

  /**
   * The rule whose low-effort answers are the upper half of the scale, excluding the midpoint
   * (5–7 on 1–7, 4–5 on 1–5).
   *
   * @param scale the scale
   * @return the rule
   */
  public static CesRule forScale(Scale scale) {
    Objects.requireNonNull(scale, "scale");
    return new CesRule(scale, scale.max() - scale.points() / 2 + 1);
  }
}
