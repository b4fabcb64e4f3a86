package io.cxs.metrics.kpi;

import io.cxs.metrics.stats.Comparison;
import java.util.Objects;

/**
 * The change of a KPI from one period to the next, with its significance.
 *
 * @param from the earlier period's label
 * @param to the later period's label
 * @param change the test of the change: {@code difference} is later minus earlier (in points for
 *     NPS, CSAT and net satisfaction)
 * @since 0.1
 */
public record PeriodChange(String from, String to, Comparison change) {

  /** @throws NullPointerException if an argument is null */
  public PeriodChange {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(change, "change");
  }
}
