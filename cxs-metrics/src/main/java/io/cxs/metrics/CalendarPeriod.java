package io.cxs.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A calendar period for breakdowns, cohorts and trends. Each period has a dense index
 * (consecutive periods have consecutive indexes) and a label: days {@code 2026-03-01}, ISO-8601
 * weeks {@code 2026-W02} (weeks start on Monday; week 1 holds the year's first Thursday, so
 * 2021-01-03 is in {@code 2020-W53} and 2024-12-30 in {@code 2025-W01}), months
 * {@code 2026-03}, quarters {@code 2026-Q1}. Periods are those of a time zone's calendar: a
 * day runs from midnight to midnight there.
 *
 * @since 0.1
 */
public enum CalendarPeriod {
  /** Calendar days. */
  DAY,
  /** ISO-8601 weeks, Monday to Sunday. */
  WEEK,
  /** Calendar months. */
  MONTH,
  /** Calendar quarters: January–March is Q1. */
  QUARTER;

  /** Epoch day of Monday 1969-12-29, the first day of week index 0 (1970-01-01 was a Thursday). */
  private static final long MONDAY_EPOCH_DAY = -3;

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
        return Math.floorDiv(date.toEpochDay() - MONDAY_EPOCH_DAY, 7);
      case MONTH:
        return date.getYear() * 12L + date.getMonthValue() - 1;
      default:
        return date.getYear() * 4L + (date.getMonthValue() - 1) / 3;
    }
  }

  /**
   * @param epochDay a day as {@link LocalDate#toEpochDay()}
   * @return the index of the period holding it
   */
  public long index(long epochDay) {
    switch (this) {
      case DAY:
        return epochDay;
      case WEEK:
        return Math.floorDiv(epochDay - MONDAY_EPOCH_DAY, 7);
      default:
        return index(LocalDate.ofEpochDay(epochDay));
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
        return LocalDate.ofEpochDay(index * 7 + MONDAY_EPOCH_DAY);
      case MONTH:
        return LocalDate.of(Math.toIntExact(Math.floorDiv(index, 12)),
            (int) Math.floorMod(index, 12) + 1, 1);
      default:
        return LocalDate.of(Math.toIntExact(Math.floorDiv(index, 4)),
            (int) Math.floorMod(index, 4) * 3 + 1, 1);
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

  /** @return the lower-case name used in JSON and on the command line, such as {@code "week"} */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param code {@code day}, {@code week}, {@code month} or {@code quarter}, case-insensitive
   * @return the period, or empty if the code names none
   */
  public static Optional<CalendarPeriod> fromCode(String code) {
    Objects.requireNonNull(code, "code");
    for (CalendarPeriod p : values()) {
      if (p.code().equalsIgnoreCase(code.trim())) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * @param code {@code day}, {@code week}, {@code month} or {@code quarter}, case-insensitive
   * @return the period
   * @throws IllegalArgumentException if the code names no period
   */
  public static CalendarPeriod of(String code) {
    return fromCode(code).orElseThrow(() -> new IllegalArgumentException(
        "period must be day, week, month or quarter but was '" + code + "'"));
  }
}
