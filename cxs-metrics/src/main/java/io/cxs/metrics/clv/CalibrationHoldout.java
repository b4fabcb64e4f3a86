package io.cxs.metrics.clv;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.Objects;

/**
 * The customers acquired by the end of a calibration period, each with a calibration summary and
 * holdout-period counts, for checking a model's forecasts against what happened. Immutable.
 *
 * @param customers one entry per customer whose first purchase is in the calibration period
 * @param holdoutLength t*, the length of the holdout period in {@code unit}; finite and positive
 * @param unit the time unit of every summary and of {@code holdoutLength}
 * @since 0.1
 */
public record CalibrationHoldout(List<HoldoutSummary> customers, double holdoutLength, PeriodUnit unit) {

  /**
   * @throws NullPointerException if an argument or an element is null
   * @throws IllegalArgumentException if {@code holdoutLength} is not finite and positive
   */
  public CalibrationHoldout {
    customers = List.copyOf(customers);
    Objects.requireNonNull(unit, "unit");
    checkArgument(
        Double.isFinite(holdoutLength) && holdoutLength > 0,
        "holdoutLength must be finite and positive but was %s",
        holdoutLength);
  }

  /** @return the calibration summaries, in the order of {@link #customers()} */
  public List<RfmSummary> calibration() {
    return customers.stream().map(HoldoutSummary::calibration).toList();
  }

  /** @return Σ x*, the repeat purchase days in the holdout period; 0 for no customers */
  public long actualHoldoutPurchases() {
    long sum = 0;
    for (HoldoutSummary c : customers) {
      sum += c.holdoutFrequency();
    }
    return sum;
  }

  /**
   * Compares a model's forecast of the holdout period with what happened.
   *
   * @param model fitted on {@link #calibration()}
   * @return actual Σ x* and predicted Σ E[Y(t*) | x, t<sub>x</sub>, T]
   */
  public HoldoutComparison compare(PurchaseModel model) {
    double predicted = 0;
    for (HoldoutSummary c : customers) {
      predicted += model.expectedPurchases(c.calibration(), holdoutLength);
    }
    return new HoldoutComparison(customers.size(), actualHoldoutPurchases(), predicted);
  }
}
