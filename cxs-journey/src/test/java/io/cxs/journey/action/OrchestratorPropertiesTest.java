package io.cxs.journey.action;

import static io.cxs.journey.action.Fixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxs.core.customer.ConsentStatus;
import io.cxs.core.customer.Identity;
import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.Touchpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

final class OrchestratorPropertiesTest {

  /** One generated track event. */
  record Ev(int customer, boolean order, int minute) {}

  @Provide
  Arbitrary<List<Ev>> events() {
    Arbitrary<Ev> ev = Combinators.combine(Arbitraries.integers().between(1, 4),
        Arbitraries.of(true, false), Arbitraries.integers().between(0, 180)).as(Ev::new);
    return ev.list().ofMinSize(1).ofMaxSize(25);
  }

  private static List<Touchpoint> touchpoints(List<Ev> evs) {
    List<Touchpoint> out = new ArrayList<>();
    for (int i = 0; i < evs.size(); i++) {
      Ev e = evs.get(i);
      out.add(Touchpoint.of("e" + i, Identity.userId("u" + e.customer()), Channel.WEB,
          e.order() ? "Order Completed" : "Product Added",
          T0.plus(Duration.ofMinutes(e.minute()))));
    }
    return out;
  }

  private static void ingest(Fixture f, Touchpoint t) {
    f.cxs.ingest(new io.cxs.core.ingest.TrackEvent(t.eventId(), java.util.Optional.of(
        t.subject().value()), java.util.Optional.empty(), t.name(), t.timestamp(), t.channel(),
        t.stage(), t.properties(), t.value()));
  }

  private static Fixture withConsents(Set<Integer> consenting) {
    Fixture f = new Fixture();
    for (int c = 1; c <= 4; c++) {
      f.consent("u" + c, "marketing", Channel.EMAIL,
          consenting.contains(c) ? ConsentStatus.GRANTED : ConsentStatus.DENIED,
          T0.minus(Duration.ofDays(1)));
    }
    return f;
  }

  private static Set<Integer> consenting(long seed) {
    Random r = new Random(seed);
    Set<Integer> s = new HashSet<>();
    for (int c = 1; c <= 4; c++) {
      if (r.nextBoolean()) {
        s.add(c);
      }
    }
    return s;
  }

  @Property(tries = 200)
  void deliveries_atMostOncePerOccurrenceAndOnlyWithConsent(@ForAll("events") List<Ev> evs,
      @ForAll long seed) {
    Random random = new Random(seed);
    Set<Integer> consenting = consenting(seed);
    Fixture f = withConsents(consenting);
    f.failuresToInject = random.nextInt(3);
    Orchestrator o = f.orchestrator().rule(Fixture.cartRule()).retry(3, Duration.ofMinutes(1))
        .policy(ContactPolicy.custom().frequencyCap(1000, Duration.ofDays(7)).build())
        .build().start();
    List<Touchpoint> tps = touchpoints(evs);
    List<Touchpoint> delivery = new ArrayList<>(tps);
    for (int i = 0, n = random.nextInt(tps.size() + 1); i < n; i++) {
      delivery.add(tps.get(random.nextInt(tps.size())));
    }
    Collections.shuffle(delivery, random);
    Set<String> stored = new HashSet<>();
    for (Touchpoint t : delivery) {
      if (stored.add(t.eventId())) {
        ingest(f, t);
      } else {
        o.onSignal(Signal.of(t)); // a duplicate that bypasses the engine's own dedupe
      }
      if (random.nextInt(3) == 0) {
        f.scheduler.advance(Duration.ofMinutes(random.nextInt(90)));
      }
    }
    f.scheduler.advance(Duration.ofDays(2));

    List<String> ids = f.deliveredIds();
    assertThat(ids).doesNotHaveDuplicates();
    for (ActionRequest r : f.calls) {
      assertThat(r.customer().allows("marketing", Channel.EMAIL)).isTrue();
      int customer = Integer.parseInt(r.customer().id().value().substring(1));
      assertThat(consenting).contains(customer);
    }
    Set<String> triggers = new HashSet<>();
    tps.stream().filter(t -> t.name().equals("Product Added"))
        .forEach(t -> triggers.add("cart/" + t.eventId() + "/0"));
    assertThat(triggers).containsAll(ids);
    assertThat(o.actionLog().all()).allSatisfy(r -> assertThat(triggers).contains(r.id()));
  }

  @Property(tries = 200)
  void deliveries_doNotDependOnArrivalOrderOrDuplicates(@ForAll("events") List<Ev> evs,
      @ForAll long seed) {
    Random random = new Random(seed);
    Set<Integer> consenting = consenting(seed);
    List<Touchpoint> tps = touchpoints(evs);

    Fixture reference = withConsents(consenting);
    reference.orchestrator().rule(Fixture.cartRule())
        .policy(ContactPolicy.custom().frequencyCap(1000, Duration.ofDays(7)).build())
        .build().start();
    tps.forEach(t -> ingest(reference, t));
    reference.scheduler.advance(Duration.ofDays(2));

    Fixture shuffled = withConsents(consenting);
    Orchestrator o = shuffled.orchestrator().rule(Fixture.cartRule())
        .policy(ContactPolicy.custom().frequencyCap(1000, Duration.ofDays(7)).build())
        .build().start();
    List<Touchpoint> delivery = new ArrayList<>(tps);
    delivery.addAll(tps.subList(0, random.nextInt(tps.size() + 1)));
    Collections.shuffle(delivery, random);
    Set<String> stored = new HashSet<>();
    for (Touchpoint t : delivery) {
      if (stored.add(t.eventId())) {
        ingest(shuffled, t);
      } else {
        o.onSignal(Signal.of(t));
      }
    }
    shuffled.scheduler.advance(Duration.ofDays(2));

    assertThat(new TreeSet<>(shuffled.deliveredIds()))
        .isEqualTo(new TreeSet<>(reference.deliveredIds()));
  }
}
