package io.cxs.metrics.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A calendar period for breakdowns. Each period has a dense index (consecutive periods have
 * consecutive indexes) and a label: days {@code 2026-03-01}, ISO-8601 weeks {@code 2026-W02}
 * (weeks start on Monday; week 1 holds the year's first Thursday, so 2021-01-03 is in
 * {@code 2020-W53}), months {@code 2026-03}, quarters {@code 2026-Q1}.
 *
 * @since 0.1
 */
public enum KpiPeriod {
  /** Calendar days. */
  DAY,
  /** ISO-8601 weeks, Monday to Sunday. */
  WEEK,
  /** Calendar months. */
  MONTH,
  /** Calendar quarters: January–March is Q1. */
  QUARTER;

  /**
   * @param date a date
   * @return the index of the period holding it
   */
  public long index(LocalDate date) {
    Objects.requireNonNull(date, "date");
    switch (this) {
      case DAY:
        return date.toEpochDay();
      case WEEK:
        // 1970-01-01 was a Thursday: epoch day -3 is the Monday of week index 0.
        return Math.floorDiv(date.toEpochDay() + 3, 7);
      case MONTH:
        return date.getYear() * 12L + date.getMonthValue() - 1;
      default:
        return date.getYear() * 4L + (date.getMonthValue() - 1) / 3;
    }
  }

  /**
   * @param instant an instant
   * @param zone the time zone whose calendar defines the periods
   * @return the index of the period holding the instant in that zone
   */
  public long index(Instant instant, ZoneId zone) {
    return index(LocalDate.ofInstant(instant, zone));
  }

  /**
   * @param index a period index
   * @return the period's first day
   */
  public LocalDate start(long index) {
    switch (this) {
      case DAY:
        return LocalDate.ofEpochDay(index);
      case WEEK:
        return LocalDate.ofEpochDay(index * 7 - 3);
      case MONTH:
        return LocalDate.of((int) Math.floorDiv(index, 12), (int) Math.floorMod(index, 12) + 1, 1);
      default:
        return LocalDate.of((int) Math.floorDiv(index, 4), (int) Math.floorMod(index, 4) * 3 + 1,
            1);
    }
  }

  /**
   * @param index a period index
   * @return the period's label, such as {@code 2026-W02}
   */
  public String label(long index) {
    LocalDate s = start(index);
    switch (this) {
      case DAY:
        return s.toString();
      case WEEK:
        return String.format(Locale.ROOT, "%04d-W%02d", s.get(IsoFields.WEEK_BASED_YEAR),
            s.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH:
        return String.format(Locale.ROOT, "%04d-%02d", s.getYear(), s.getMonthValue());
      default:
        return String.format(Locale.ROOT, "%04d-Q%d", s.getYear(), (s.getMonthValue() - 1) / 3 + 1);
    }
  }

  /**
   * @param label {@code day}, {@code week}, {@code month} or {@code quarter}, case-insensitive
   * @return the period, or empty if the name is no period
   */
  public static Optional<KpiPeriod> fromCode(String label) {
    for (KpiPeriod p : values()) {
      if (p.name().equalsIgnoreCase(label.trim())) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
