package io.cxs.metrics.retention;

import io.cxs.metrics.CalendarPeriod;
import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Churn and retention from one period to the next: of the customers active in the previous
 * period, how many are active again in this one (retained) and how many are not (churned).
 * Customers whose first activity is in this period, or who come back after a gap, are not
 * counted here.
 *
 * @param period the label of this period, such as {@code 2026-02} (see {@link CalendarPeriod})
 * @param activeBefore customers active in the previous period, at least 0
 * @param retained of those, the ones active in this period
 * @param churned of those, the ones not active in this period; {@code retained + churned =
 *     activeBefore}
 * @since 0.1
 */
public record ChurnPeriod(String period, int activeBefore, int retained, int churned) {

  /**
   * @throws NullPointerException if {@code period} is null
   * @throws IllegalArgumentException if a count is negative or {@code retained + churned} is not
   *     {@code activeBefore}
   */
  public ChurnPeriod {
    Objects.requireNonNull(period, "period");
    checkArgument(retained >= 0, "retained must be at least 0 but was %s", retained);
    checkArgument(churned >= 0, "churned must be at least 0 but was %s", churned);
    checkArgument(
        (long) retained + churned == activeBefore,
        "retained + churned must equal activeBefore %s but was %s",
        activeBefore,
        (long) retained + churned);
  }

  /**
   * @return the churn rate, churned / activeBefore, in [0, 1]; empty when nobody was active in
   *     the previous period
   */
  public OptionalDouble churnRate() {
    return activeBefore == 0 ? OptionalDouble.empty() : OptionalDouble.of(churned / (double) activeBefore);
  }

  /**
   * @return the retention rate, retained / activeBefore = 1 − {@link #churnRate()}, in [0, 1];
   *     empty when nobody was active in the previous period
   */
  public OptionalDouble retentionRate() {
    return activeBefore == 0 ? OptionalDouble.empty() : OptionalDouble.of(retained / (double) activeBefore);
  }
}
