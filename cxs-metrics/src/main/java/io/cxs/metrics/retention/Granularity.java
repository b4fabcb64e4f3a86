package io.cxs.metrics.retention;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * The length of a retention period, and how periods are labelled. Periods are calendar periods
 * of the {@link RetentionAnalysis.Builder#zone(java.time.ZoneId) analysis time zone}: a day runs
 * from midnight to midnight there.
 *
 * @since 0.1
 */
public enum Granularity {
  /** A calendar day, labelled {@code 2026-01-31}. */
  DAY,
  /**
   * An ISO-8601 week, Monday to Sunday, labelled with its week-based year and week number, such
   * as {@code 2026-W01} or {@code 2020-W53}. The week-based year differs from the calendar year
   * near the new year: 2021-01-03 is in {@code 2020-W53}, 2024-12-30 in {@code 2025-W01}.
   */
  WEEK,
  /** A calendar month, labelled {@code 2026-01}. */
  MONTH,
  /** A calendar quarter (January–March is Q1), labelled {@code 2026-Q1}. */
  QUARTER;

  /** Epoch day of the Monday 1969-12-29, the start of week index 0. */
  private static final long MONDAY_EPOCH_DAY = -3;

  /** @return the index of the period that contains the day; consecutive periods have consecutive indices */
  long index(long epochDay) {
    switch (this) {
      case DAY:
        return epochDay;
      case WEEK:
        return Math.floorDiv(epochDay - MONDAY_EPOCH_DAY, 7);
      case MONTH: {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        return d.getYear() * 12L + d.getMonthValue() - 1;
      }
      default: {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        return d.getYear() * 4L + (d.getMonthValue() - 1) / 3;
      }
    }
  }

  /** @return the first day of the period with this index */
  LocalDate start(long index) {
    switch (this) {
      case DAY:
        return LocalDate.ofEpochDay(index);
      case WEEK:
        return LocalDate.ofEpochDay(index * 7 + MONDAY_EPOCH_DAY);
      case MONTH:
        return LocalDate.of(Math.toIntExact(Math.floorDiv(index, 12L)), (int) Math.floorMod(index, 12L) + 1, 1);
      default:
        return LocalDate.of(Math.toIntExact(Math.floorDiv(index, 4L)), (int) Math.floorMod(index, 4L) * 3 + 1, 1);
    }
  }

  /** @return the label of the period with this index, such as {@code 2026-W05} */
  String label(long index) {
    LocalDate start = start(index);
    switch (this) {
      case DAY:
        return start.toString();
      case WEEK:
        // the Monday of an ISO week always lies in that week
        assert start.getDayOfWeek() == DayOfWeek.MONDAY;
        return String.format(
            Locale.ROOT,
            "%d-W%02d",
            start.get(IsoFields.WEEK_BASED_YEAR),
            start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH:
        return String.format(Locale.ROOT, "%04d-%02d", start.getYear(), start.getMonthValue());
      default:
        return String.format(Locale.ROOT, "%04d-Q%d", start.getYear(), (start.getMonthValue() - 1) / 3 + 1);
    }
  }

  /** @return the lower-case name used in JSON and on the command line, such as {@code "week"} */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param id {@code day}, {@code week}, {@code month} or {@code quarter}, in any case
   * @return the granularity with that {@link #id()}
   * @throws NullPointerException if {@code id} is null
   * @throws IllegalArgumentException if {@code id} names no granularity
   */
  public static Granularity of(String id) {
    for (Granularity g : values()) {
      if (g.id().equalsIgnoreCase(id.trim())) {
        return g;
      }
    }
    throw new IllegalArgumentException("granularity must be day, week, month or quarter but was '" + id + "'");
  }
}
