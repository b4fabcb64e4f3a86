package io.cxs.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The fast path for timestamps gives exactly what {@link OffsetDateTime#parse} gives: the same
 * instant for every text it accepts, the same rejection for every text it rejects.
 */
final class IsoTimestampsPropertiesTest {

  private static Optional<Instant> reference(String text) {
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> fast(String text) {
    try {
      return Optional.of(IsoTimestamps.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Years 0000 to 9999 (the fast path's), any second, any offset the ISO format allows. */
  @Property(tries = 3000)
  void parse_wellFormed_equalsJavaTime(
      @ForAll @LongRange(min = -62_167_219_200L, max = 253_402_300_799L) long epochSecond,
      @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
      @ForAll @IntRange(min = 0, max = 9) int fractionDigits,
      @ForAll @IntRange(min = -64_800, max = 64_800) int offsetSeconds,
      @ForAll boolean minutesOnlyOffset, @ForAll boolean lowerCase, @ForAll boolean noSeconds) {
    int offset = minutesOnlyOffset ? offsetSeconds / 60 * 60 : offsetSeconds;
    OffsetDateTime t = Instant.ofEpochSecond(epochSecond).atOffset(ZoneOffset.ofTotalSeconds(offset));
    StringBuilder text = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d",
        t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute()));
    if (!noSeconds) {
      text.append(String.format(":%02d", t.getSecond()));
      if (fractionDigits > 0) {
        text.append('.').append(String.format("%09d", nanos), 0, fractionDigits);
      }
    }
    text.append(offset == 0 && !minutesOnlyOffset ? "Z" : ZoneOffset.ofTotalSeconds(offset).getId()
        .replace("Z", "+00:00"));
    String s = lowerCase ? text.toString().toLowerCase(java.util.Locale.ROOT) : text.toString();
    if (t.getYear() < 0 || t.getYear() > 9999) {
      return; // an offset took the date out of four-digit years
    }
    assertThat(fast(s)).as(s).isEqualTo(reference(s)).isPresent();
  }

  @Provide
  Arbitrary<String> nearlyTimestamps() {
    Arbitrary<String> base = Arbitraries.of("2026-03-01T10:00:00Z", "2024-02-29T23:59:59.123+05:30",
        "2023-02-28T00:00-01:00", "1999-12-31t23:59:59.999999999z", "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999-18:00", "2026-03-01T10:00:00.5+14:00");
    Arbitrary<Character> noise = Arbitraries.of('0', '1', '2', '3', '9', ':', '-', '+', '.', 'T',
        'Z', 'z', ' ', 'x', '6');
    return Arbitraries.oneOf(
        base,
        // one character replaced, inserted or removed
        net.jqwik.api.Combinators.combine(base, Arbitraries.integers().between(0, 40), noise,
            Arbitraries.integers().between(0, 2)).as((b, at, c, op) -> {
              int i = Math.min(at, b.length() - 1);
              return switch (op) {
                case 0 -> b.substring(0, i) + c + b.substring(i + 1);
                case 1 -> b.substring(0, i) + c + b.substring(i);
                default -> b.substring(0, i) + b.substring(i + 1);
              };
            }),
        Arbitraries.of("+100000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59Z", "2026-03-01T10:00:00+05:30:15", "2026-03-01T10:00:00+0530",
            "2026-03-01T10:00:00.Z", "2026-03-01T10:00:00.1234567891Z", "2026-02-29T00:00:00Z",
            "2026-03-01T24:00:00Z", "2026-03-01T23:59:60Z", "2026-03-01T10:00:00+19:00",
            "2026-03-01T10:00:00+05", "2026-03-01 10:00:00Z", "2026-3-01T10:00:00Z", ""));
  }

  @Property(tries = 3000)
  void parse_anyText_acceptsAndRejectsAsJavaTime(@ForAll("nearlyTimestamps") String text) {
    assertThat(fast(text)).as(text).isEqualTo(reference(text));
  }

  @Example
  void parse_edgeCases() {
    assertThat(IsoTimestamps.parse("2024-02-29T12:00:00Z"))
        .isEqualTo(Instant.parse("2024-02-29T12:00:00Z"));
    assertThat(IsoTimestamps.fastPath("2024-02-29T12:00:00Z")).isNotNull();
    assertThat(IsoTimestamps.parse("2026-01-01T00:30:00+01:00"))
        .isEqualTo(Instant.parse("2025-12-31T23:30:00Z"));
    assertThat(IsoTimestamps.parse("2026-03-01T10:00:00.1z"))
        .isEqualTo(Instant.parse("2026-03-01T10:00:00.100Z"));
    assertThat(IsoTimestamps.parse("+100000-01-01T00:00:00Z").atOffset(ZoneOffset.UTC).getYear())
        .isEqualTo(100_000);
    assertThatThrownBy(() -> IsoTimestamps.parse("2026-02-29T00:00:00Z"))
        .isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> IsoTimestamps.parse("2026-03-01T10:00:00"))
        .isInstanceOf(DateTimeParseException.class);
  }
}
