package io.cxs.journey.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxs.core.Cxs;
import io.cxs.core.ingest.Event;
import io.cxs.core.ingest.IdentifyEvent;
import io.cxs.core.ingest.TrackEvent;
import io.cxs.core.touchpoint.Channel;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * A step or exclusion with a property condition counts exactly as a plain step would if every
 * matching event had been renamed: the funnel over {@code B[k=1]} equals the funnel over
 * {@code B1} on data where each {@code B} whose {@code k} equals 1 (as {@code 1}, {@code 1.0} or
 * {@code 1.00}; not {@code "1"} or {@code 2}) is called {@code B1}. Customers may have an
 * anonymous and an identified subject, so both timeline paths are covered.
 */
final class FunnelPropertyConditionPropertiesTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final String[] NAMES = {"A", "B", "C", "E"};
  private static final List<Object> VALUES = List.of(1L, 1.0, new BigDecimal("1.00"), "1", 2L);

  /** One generated event; value is null when the event has no property k. */
  record Ev(int customer, boolean anonymous, String name, long millis, Object value) {
    boolean matches() {
      return value != null && !(value instanceof String) && !Long.valueOf(2L).equals(value);
    }
  }

  @Property(tries = 200)
  void run_propertyConditionEqualsRenamingTheMatchingEvents(@ForAll long seed) {
    Random rnd = new Random(seed);
    int customers = 1 + rnd.nextInt(5);
    boolean[] linked = new boolean[customers];
    for (int c = 0; c < customers; c++) {
      linked[c] = rnd.nextBoolean();
    }
    List<Ev> events = new ArrayList<>();
    int count = rnd.nextInt(40);
    for (int e = 0; e < count; e++) {
      events.add(new Ev(rnd.nextInt(customers), rnd.nextInt(3) == 0,
          NAMES[rnd.nextInt(NAMES.length)], rnd.nextInt(240) * 60_000L + e,
          rnd.nextInt(4) == 0 ? null : VALUES.get(rnd.nextInt(VALUES.size()))));
    }
    boolean strict = rnd.nextBoolean();
    boolean exclude = rnd.nextBoolean();
    boolean optional = rnd.nextBoolean();
    Duration window = Duration.ofMinutes(1 + rnd.nextInt(120));

    FunnelStep b = FunnelStep.of("B", EventPredicate.of("B").withProperty("k", 1));
    Funnel.Builder withProperty = Funnel.builder().step("A")
        .step(optional ? b.asOptional() : b).step("C").window(window);
    FunnelStep b1 = FunnelStep.of("B", EventPredicate.of("B1"));
    Funnel.Builder renamed = Funnel.builder().step("A")
        .step(optional ? b1.asOptional() : b1).step("C").window(window);
    if (strict) {
      withProperty.strictOrder();
      renamed.strictOrder();
    }
    if (exclude) {
      withProperty.exclude(EventPredicate.of("E").withProperty("k", 1.0));
      renamed.exclude(EventPredicate.of("E1"));
    }

    FunnelReport actual = run(withProperty.build(), events, linked, Ev::name);
    FunnelReport expected = run(renamed.build(), events, linked,
        e -> e.matches() && !e.name().equals("A") && !e.name().equals("C")
            ? e.name() + "1" : e.name());

    assertThat(actual.steps()).isEqualTo(expected.steps());
    assertThat(actual.medianSecondsToConvert()).isEqualTo(expected.medianSecondsToConvert());
  }

  private static FunnelReport run(Funnel funnel, List<Ev> events, boolean[] linked,
      Function<Ev, String> nameOf) {
    Cxs cxs = Cxs.builder().build();
    List<Event> in = new ArrayList<>();
    for (int c = 0; c < linked.length; c++) {
      if (linked[c]) {
        in.add(IdentifyEvent.link("i" + c, "u" + c, "a" + c, T0, Map.of()));
      }
    }
    int id = 0;
    for (Ev e : events) {
      Instant at = T0.plusMillis(e.millis());
      String name = nameOf.apply(e);
      TrackEvent t = e.anonymous()
          ? TrackEvent.anonymous("t" + id, "a" + e.customer(), name, at, Channel.WEB)
          : TrackEvent.of("t" + id, "u" + e.customer(), name, at, Channel.WEB);
      id++;
      in.add(e.value() == null ? t : t.withProperties(Map.of("k", e.value())));
    }
    in.forEach(cxs::ingest);
    return funnel.run(cxs);
  }
}
