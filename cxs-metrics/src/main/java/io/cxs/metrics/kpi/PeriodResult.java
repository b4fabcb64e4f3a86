package io.cxs.metrics.kpi;

import io.cxs.metrics.CalendarPeriod;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The KPIs of one period.
 *
 * @param period the period's label, such as {@code 2026-W02} (see {@link CalendarPeriod#label})
 * @param start the period's first day
 * @param kpis the results
 * @since 0.1
 */
public record PeriodResult(String period, LocalDate start, KpiResults kpis) {

  /** @throws NullPointerException if an argument is null */
  public PeriodResult {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(kpis, "kpis");
  }
}
