package io.cxs.journey.action.jdbc;

import java.time.Instant;

/** Instants as two columns, milliseconds (for ordering) and nanoseconds, so they round-trip. */
final class InstantColumns {
  private InstantColumns() {}

  /** Milliseconds for ordering; with {@link #nanos} the instant round-trips exactly. */
  static long millis(Instant t) {
    return t.getEpochSecond() * 1000 + t.getNano() / 1_000_000;
  }

  static int nanos(Instant t) {
    return t.getNano();
  }

  static Instant instant(long millis, int nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(millis, 1000), nanos);
  }
}
