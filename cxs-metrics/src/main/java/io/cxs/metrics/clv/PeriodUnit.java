package io.cxs.metrics.clv;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The time unit of recency, age and forecast horizons. The models are invariant to the unit
 * except for the scale parameters (α, β, and the meaning of a horizon); the CDNOW literature
 * uses weeks.
 *
 * @since 0.1
 */
public enum PeriodUnit {
  /** One calendar day. */
  DAYS(1),
  /** Seven days; a day is 1/7 week. */
  WEEKS(7);

  private final int days;

  PeriodUnit(int days) {
    this.days = days;
  }

  /** @return the number of days in one period: 1 or 7 */
  public int days() {
    return days;
  }

  /**
   * @return the time from {@code from} to {@code to} in this unit: (calendar days between them)
   *     / {@link #days()}; negative when {@code to} is before {@code from}
   */
  public double between(LocalDate from, LocalDate to) {
    return ChronoUnit.DAYS.between(from, to) / (double) days;
  }
}
