package io.cxs.metrics.clv;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * One customer's calibration summary together with what the customer did in the holdout period.
 *
 * @param calibration the calibration-period summary
 * @param holdoutFrequency x*, the number of distinct purchase days in the holdout period; at
 *     least 0
 * @param holdoutValue the total value bought in the holdout period; finite and at least 0
 * @since 0.1
 */
public record HoldoutSummary(RfmSummary calibration, int holdoutFrequency, double holdoutValue) {

  /**
   * @throws NullPointerException if {@code calibration} is null
   * @throws IllegalArgumentException if {@code holdoutFrequency} or {@code holdoutValue} is
   *     negative, or {@code holdoutValue} is not finite
   */
  public HoldoutSummary {
    Objects.requireNonNull(calibration, "calibration");
    checkArgument(holdoutFrequency >= 0, "holdoutFrequency must be at least 0 but was %s", holdoutFrequency);
    checkArgument(
        Double.isFinite(holdoutValue) && holdoutValue >= 0,
        "holdoutValue must be finite and at least 0 but was %s",
        holdoutValue);
  }
}
