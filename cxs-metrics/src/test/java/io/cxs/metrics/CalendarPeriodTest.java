package io.cxs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

final class CalendarPeriodTest {

  private static String week(String date) {
    return CalendarPeriod.WEEK.label(CalendarPeriod.WEEK.index(LocalDate.parse(date)));
  }

  @Test
  void label_week53AndYearBoundaries() {
    assertThat(week("2020-12-31")).isEqualTo("2020-W53");
    assertThat(week("2021-01-03")).isEqualTo("2020-W53");
    assertThat(week("2021-01-04")).isEqualTo("2021-W01");
    assertThat(week("2024-12-30")).isEqualTo("2025-W01");
    assertThat(week("2026-01-01")).isEqualTo("2026-W01");
    assertThat(week("2026-01-05")).isEqualTo("2026-W02");
    assertThat(week("2015-12-31")).isEqualTo("2015-W53");
  }

  @Test
  void index_consecutiveWeeksAreConsecutive() {
    long w = CalendarPeriod.WEEK.index(LocalDate.parse("2020-12-28"));
    assertThat(CalendarPeriod.WEEK.index(LocalDate.parse("2021-01-04"))).isEqualTo(w + 1);
    assertThat(CalendarPeriod.WEEK.start(w)).isEqualTo(LocalDate.parse("2020-12-28"));
    assertThat(CalendarPeriod.WEEK.index(LocalDate.parse("1969-12-28"))).isEqualTo(-1);
  }

  @Test
  void index_timeZoneDecidesTheWeek() {
    Instant sundayNightUtc = Instant.parse("2026-01-04T23:30:00Z");
    assertThat(CalendarPeriod.WEEK.label(CalendarPeriod.WEEK.index(sundayNightUtc, ZoneOffset.UTC)))
        .isEqualTo("2026-W01");
    assertThat(CalendarPeriod.WEEK.label(CalendarPeriod.WEEK.index(sundayNightUtc, ZoneId.of("Europe/Berlin"))))
        .isEqualTo("2026-W02");
    assertThat(CalendarPeriod.DAY.label(CalendarPeriod.DAY.index(sundayNightUtc, ZoneId.of("America/New_York"))))
        .isEqualTo("2026-01-04");
  }

  @Test
  void label_monthsAndQuarters() {
    long m = CalendarPeriod.MONTH.index(LocalDate.parse("2026-03-31"));
    assertThat(CalendarPeriod.MONTH.label(m)).isEqualTo("2026-03");
    assertThat(CalendarPeriod.MONTH.label(m + 10)).isEqualTo("2027-01");
    long q = CalendarPeriod.QUARTER.index(LocalDate.parse("2026-12-01"));
    assertThat(CalendarPeriod.QUARTER.label(q)).isEqualTo("2026-Q4");
    assertThat(CalendarPeriod.QUARTER.start(q + 1)).isEqualTo(LocalDate.parse("2027-01-01"));
  }

  @Test
  void fromCode_isCaseInsensitive() {
    assertThat(CalendarPeriod.fromCode("Week")).contains(CalendarPeriod.WEEK);
    assertThat(CalendarPeriod.fromCode("fortnight")).isEmpty();
  }
}
