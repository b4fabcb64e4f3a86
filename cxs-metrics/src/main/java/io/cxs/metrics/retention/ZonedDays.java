package io.cxs.metrics.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Maps epoch milliseconds to the epoch day of a time zone's calendar, caching the last day's
 * bounds so that time-ordered rows cost one comparison each. Not thread-safe: one per scan.
 */
final class ZonedDays {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private final ZoneId zone;
  private final boolean fixed;
  private final long offsetMillis;
  private long start = Long.MAX_VALUE;
  private long end = Long.MIN_VALUE;
  private long day;

  ZonedDays(ZoneId zone) {
    this.zone = zone;
    this.fixed = zone.getRules().isFixedOffset();
    this.offsetMillis = fixed ? zone.getRules().getOffset(Instant.EPOCH).getTotalSeconds() * 1000L : 0;
  }

  long epochDay(long epochMillis) {
    if (fixed) {
      return Math.floorDiv(epochMillis + offsetMillis, MILLIS_PER_DAY);
    }
    if (epochMillis >= start && epochMillis < end) {
      return day;
    }
    LocalDate d = Instant.ofEpochMilli(epochMillis).atZone(zone).toLocalDate();
    start = d.atStartOfDay(zone).toInstant().toEpochMilli();
    end = d.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    day = d.toEpochDay();
    return day;
  }

  static ZonedDays utc() {
    return new ZonedDays(ZoneOffset.UTC);
  }
}
