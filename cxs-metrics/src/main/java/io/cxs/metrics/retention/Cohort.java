package io.cxs.metrics.retention;

import io.cxs.metrics.CalendarPeriod;
import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.Objects;

/**
 * One row of a cohort retention table: the customers whose first activity falls in a period,
 * and how many of them were active in that period and each later one, up to the last period of
 * the data. Offset 0 is the cohort's own period, where every customer of the cohort is active.
 *
 * @param period the label of the cohort's period, such as {@code 2026-01} (see {@link CalendarPeriod})
 * @param customers the number of customers in the cohort, at least 1
 * @param retention one cell per offset 0, 1, …, in order; cell 0 has {@code customers} active
 * @since 0.1
 */
public record Cohort(String period, int customers, List<CohortCell> retention) {

  /**
   * @throws NullPointerException if an argument or a cell is null
   * @throws IllegalArgumentException if {@code customers} is below 1, the offsets are not 0, 1, …
   *     in order, offset 0 does not have {@code customers} active, or a cell has more active
   *     customers than the cohort
   */
  public Cohort {
    Objects.requireNonNull(period, "period");
    retention = List.copyOf(Objects.requireNonNull(retention, "retention"));
    checkArgument(customers >= 1, "customers must be at least 1 but was %s", customers);
    checkArgument(!retention.isEmpty(), "retention must not be empty but was %s", retention);
    for (int i = 0; i < retention.size(); i++) {
      CohortCell c = retention.get(i);
      checkArgument(c.offset() == i, "retention offsets must be 0, 1, ... but offset %s was at index %s", c.offset(), i);
      checkArgument(
          c.active() <= customers, "active must be at most customers %s but was %s", customers, c.active());
    }
    checkArgument(
        retention.get(0).active() == customers,
        "active at offset 0 must equal customers %s but was %s",
        customers,
        retention.get(0).active());
  }

  /**
   * @param offset periods since the cohort's period
   * @return active / customers at that offset, in [0, 1]; 1 at offset 0
   * @throws IndexOutOfBoundsException if {@code offset} is negative or not in {@link #retention()}
   */
  public double rate(int offset) {
    return retention.get(offset).active() / (double) customers;
  }
}
