package io.cxs.core.json;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Parses ISO-8601 timestamps with an offset, exactly as {@link OffsetDateTime#parse} does, with a
 * hand-written fast path for the common shape: {@code yyyy-MM-ddTHH:mm[:ss[.f…]]} with a
 * four-digit year, one to nine fraction digits, and {@code Z} or {@code ±HH:mm} as the offset
 * (either case of {@code T} and {@code Z}, as {@link java.time.format.DateTimeFormatter
 * #ISO_OFFSET_DATE_TIME} allows). Anything else — a signed or longer year, an offset with seconds
 * or without a colon, more than nine fraction digits, an invalid date — goes to
 * {@link OffsetDateTime#parse}, which accepts or rejects it; so the fast path changes no answer,
 * only the cost.
 */
final class IsoTimestamps {
  private IsoTimestamps() {}

  /**
   * @param text the timestamp
   * @return the instant it denotes
   * @throws DateTimeParseException if {@link OffsetDateTime#parse} rejects it
   */
  static Instant parse(CharSequence text) {
    Instant fast = fastPath(text);
    return fast != null ? fast : OffsetDateTime.parse(text).toInstant();
  }

  /** @return the instant, or null if the text is not in the fast path's shape or is invalid */
  static Instant fastPath(CharSequence s) {
    int n = s.length();
    if (n < 17 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':') {
      return null;
    }
    char t = s.charAt(10);
    if (t != 'T' && t != 't') {
      return null;
    }
    int year = digits4(s, 0);
    int month = digits2(s, 5);
    int day = digits2(s, 8);
    int hour = digits2(s, 11);
    int minute = digits2(s, 14);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
        || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
      return null;
    }
    int i = 16;
    int second = 0;
    int nanos = 0;
    if (i < n && s.charAt(i) == ':') {
      if (i + 3 > n) {
        return null;
      }
      second = digits2(s, i + 1);
      if (second < 0 || second > 59) {
        return null;
      }
      i += 3;
      if (i < n && s.charAt(i) == '.') {
        i++;
        int start = i;
        int f = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
          if (i - start == 9) {
            return null;
          }
          f = f * 10 + (s.charAt(i) - '0');
          i++;
        }
        int len = i - start;
        if (len == 0) {
          return null;
        }
        for (int k = len; k < 9; k++) {
          f *= 10;
        }
        nanos = f;
      }
    }
    if (i >= n) {
      return null;
    }
    int offsetSeconds;
    char o = s.charAt(i);
    if (o == 'Z' || o == 'z') {
      if (i + 1 != n) {
        return null;
      }
      offsetSeconds = 0;
    } else if (o == '+' || o == '-') {
      if (i + 6 != n || s.charAt(i + 3) != ':') {
        return null;
      }
      int oh = digits2(s, i + 1);
      int om = digits2(s, i + 4);
      if (oh < 0 || oh > 18 || om < 0 || om > 59 || (oh == 18 && om != 0)) {
        return null;
      }
      offsetSeconds = (oh * 3600 + om * 60) * (o == '-' ? -1 : 1);
    } else {
      return null;
    }
    long epochDay = epochDay(year, month, day);
    long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
    return Instant.ofEpochSecond(seconds, nanos);
  }

  private static int digits2(CharSequence s, int at) {
    char a = s.charAt(at);
    char b = s.charAt(at + 1);
    if (a < '0' || a > '9' || b < '0' || b > '9') {
      return -1;
    }
    return (a - '0') * 10 + (b - '0');
  }

  private static int digits4(CharSequence s, int at) {
    int hi = digits2(s, at);
    int lo = digits2(s, at + 2);
    return hi < 0 || lo < 0 ? -1 : hi * 100 + lo;
  }

  private static boolean leap(int year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  private static int daysInMonth(int year, int month) {
    switch (month) {
      case 2:
        return leap(year) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (as {@code LocalDate.toEpochDay}). */
  static long epochDay(int year, int month, int day) {
    long y = year;
    long total = 365 * y;
    if (y >= 0) {
      total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
    } else {
      total -= y / -4 - y / -100 + y / -400;
    }
    total += (367 * month - 362) / 12;
    total += day - 1;
    if (month > 2) {
      total--;
      if (!leap(year)) {
        total--;
      }
    }
    return total - 719_528; // days from year 0 to 1970
  }
}
