package io.cxs.journey.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxs.core.Cxs;
import io.cxs.core.customer.CustomerId;
import io.cxs.core.ingest.IdentifyEvent;
import io.cxs.core.ingest.TrackEvent;
import io.cxs.core.touchpoint.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Funnel steps and exclusions with property conditions (issue #5). */
final class FunnelPropertyConditionTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Duration DAY = Duration.ofDays(1);
  private final Cxs cxs = Cxs.builder().build();
  private final AtomicInteger ids = new AtomicInteger();

  private void track(String user, String event, int minute, Map<String, ?> properties) {
    cxs.ingest(TrackEvent.of("m" + ids.incrementAndGet(), user, event,
        T0.plusSeconds(60L * minute), Channel.WEB).withProperties(properties));
  }

  private static Funnel viewThenShoes() {
    return Funnel.builder().step("Viewed")
        .step(FunnelStep.of("Shoes bought",
            EventPredicate.of("Order Completed").withProperty("category", "shoes")))
        .window(DAY).build();
  }

  private static List<Long> counts(FunnelReport r) {
    return r.steps().stream().map(FunnelStepResult::count).toList();
  }

  @Test
  void run_stepWithProperty_countsOnlyMatchingEvents() {
    track("match", "Viewed", 0, Map.of());
    track("match", "Order Completed", 5, Map.of("category", "shoes", "qty", 1L));
    track("other", "Viewed", 0, Map.of());
    track("other", "Order Completed", 5, Map.of("category", "bags"));
    track("missing", "Viewed", 0, Map.of());
    track("missing", "Order Completed", 5, Map.of());

    FunnelReport r = viewThenShoes().run(cxs);

    assertThat(counts(r)).containsExactly(3L, 1L);
    assertThat(r.droppedAt(1)).containsExactlyInAnyOrder(CustomerId.of("other"),
        CustomerId.of("missing"));
    assertThat(r.steps().get(1).medianSecondsFromPrevious()).hasValue(300.0);
  }

  @Test
  void run_laterMatchingEventCounts_afterAMismatch() {
    track("u", "Viewed", 0, Map.of());
    track("u", "Order Completed", 5, Map.of("category", "bags"));
    track("u", "Order Completed", 9, Map.of("category", "shoes"));

    FunnelReport r = viewThenShoes().run(cxs);

    assertThat(counts(r)).containsExactly(1L, 1L);
    assertThat(r.steps().get(1).medianSecondsFromPrevious()).hasValue(540.0);
  }

  @Test
  void run_numericCondition_oneEqualsOnePointZero() {
    track("whole", "Viewed", 0, Map.of());
    track("whole", "Order Completed", 1, Map.of("qty", 1L));
    track("fraction", "Viewed", 0, Map.of());
    track("fraction", "Order Completed", 1, Map.of("qty", 1.0));
    track("text", "Viewed", 0, Map.of());
    track("text", "Order Completed", 1, Map.of("qty", "1"));
    track("two", "Viewed", 0, Map.of());
    track("two", "Order Completed", 1, Map.of("qty", 2L));

    FunnelReport r = Funnel.builder().step("Viewed")
        .step(FunnelStep.of("Single", EventPredicate.of("Order Completed").withProperty("qty", 1)))
        .window(DAY).build().run(cxs);

    assertThat(counts(r)).containsExactly(4L, 2L);
    assertThat(r.droppedAt(1)).containsExactlyInAnyOrder(CustomerId.of("text"),
        CustomerId.of("two"));
  }

  @Test
  void run_matchingEventCameAsTheAnonymousVisitor_countsForTheCustomer() {
    // the customer has two subjects: their rows are merged aside, properties included
    cxs.ingest(TrackEvent.anonymous("a1", "a-7", "Viewed", T0, Channel.WEB));
    cxs.ingest(TrackEvent.anonymous("a2", "a-7", "Order Completed", T0.plusSeconds(60),
        Channel.WEB).withProperties(Map.of("category", "shoes")));
    cxs.ingest(IdentifyEvent.link("a3", "c-7", "a-7", T0.plusSeconds(90), Map.of()));
    cxs.ingest(TrackEvent.of("a4", "c-7", "Order Completed", T0.plusSeconds(120), Channel.WEB)
        .withProperties(Map.of("category", "bags")));
    // a second two-subject customer whose only order does not match
    cxs.ingest(TrackEvent.anonymous("b1", "a-8", "Viewed", T0, Channel.WEB));
    cxs.ingest(IdentifyEvent.link("b2", "c-8", "a-8", T0.plusSeconds(30), Map.of()));
    cxs.ingest(TrackEvent.of("b3", "c-8", "Order Completed", T0.plusSeconds(60), Channel.WEB)
        .withProperties(Map.of("category", "bags")));

    FunnelReport r = viewThenShoes().run(cxs);

    assertThat(counts(r)).containsExactly(2L, 1L);
    assertThat(r.droppedAt(1)).containsExactly(CustomerId.of("c-8"));
    assertThat(r.steps().get(1).medianSecondsFromPrevious()).hasValue(60.0);
  }

  @Test
  void run_exclusionWithProperty_endsOnlyOnMatchingEvents() {
    track("refunded", "Viewed", 0, Map.of());
    track("refunded", "Refund", 1, Map.of("reason", "damaged"));
    track("refunded", "Order Completed", 2, Map.of("category", "shoes"));
    track("kept", "Viewed", 0, Map.of());
    track("kept", "Refund", 1, Map.of("reason", "late"));
    track("kept", "Order Completed", 2, Map.of("category", "shoes"));

    FunnelReport r = Funnel.builder().step("Viewed").step("Order Completed")
        .exclude(EventPredicate.of("Refund").withProperty("reason", "damaged"))
        .window(DAY).build().run(cxs);

    assertThat(counts(r)).containsExactly(2L, 1L);
    assertThat(r.droppedAt(1)).containsExactly(CustomerId.of("refunded"));
  }

  @Test
  void run_propertyAndChannel_bothMustHold() {
    cxs.ingest(TrackEvent.of("w1", "web", "Viewed", T0, Channel.WEB));
    cxs.ingest(TrackEvent.of("w2", "web", "Order Completed", T0.plusSeconds(60), Channel.WEB)
        .withProperties(Map.of("category", "shoes")));
    cxs.ingest(TrackEvent.of("p1", "app", "Viewed", T0, Channel.WEB));
    cxs.ingest(TrackEvent.of("p2", "app", "Order Completed", T0.plusSeconds(60),
        Channel.MOBILE_APP).withProperties(Map.of("category", "shoes")));

    FunnelReport r = Funnel.builder().step("Viewed")
        .step(FunnelStep.of("App shoes", EventPredicate.of("Order Completed")
            .withProperty("category", "shoes").onChannel(Channel.MOBILE_APP)))
        .window(DAY).build().run(cxs);

    assertThat(counts(r)).containsExactly(2L, 1L);
    assertThat(r.droppedAt(1)).containsExactly(CustomerId.of("web"));
  }

  @Test
  void run_samePropertyStepTwice_eachEventSatisfiesOneStep() {
    EventPredicate shoes = EventPredicate.of("Order Completed").withProperty("category", "shoes");
    track("once", "Order Completed", 0, Map.of("category", "shoes"));
    track("twice", "Order Completed", 0, Map.of("category", "shoes"));
    track("twice", "Order Completed", 3, Map.of("category", "shoes"));

    FunnelReport r = Funnel.builder().step(FunnelStep.of("first", shoes))
        .step(FunnelStep.of("repeat", shoes)).window(DAY).build().run(cxs);

    assertThat(counts(r)).containsExactly(2L, 1L);
    assertThat(r.droppedAt(1)).containsExactly(CustomerId.of("once"));
  }

  @Test
  void run_propertyStepOnUnknownEvent_reachesNobody() {
    track("u", "Viewed", 0, Map.of());

    FunnelReport r = Funnel.builder().step("Viewed")
        .step(FunnelStep.of("never", EventPredicate.of("Nope").withProperty("k", "v")))
        .window(DAY).build().run(cxs);

    assertThat(counts(r)).containsExactly(1L, 0L);
  }

  @Test
  void run_readmeSnippet_countsShoeOrdersWithoutDamagedRefunds() {
    track("u1", "Product Viewed", 0, Map.of());
    track("u1", "Order Completed", 10, Map.of("category", "shoes"));
    track("u2", "Product Viewed", 0, Map.of());
    track("u2", "Refund", 5, Map.of("reason", "damaged"));
    track("u2", "Order Completed", 10, Map.of("category", "shoes"));

    // the README snippet, verbatim
    FunnelReport shoes = Funnel.builder()
        .step("Product Viewed")
        .step(FunnelStep.of("Shoes ordered",
            EventPredicate.of("Order Completed").withProperty("category", "shoes")))
        .exclude(EventPredicate.of("Refund").withProperty("reason", "damaged"))
        .window(Duration.ofDays(7))
        .build().run(cxs);

    assertThat(counts(shoes)).containsExactly(2L, 1L);
    assertThat(shoes.droppedAt(1)).containsExactly(CustomerId.of("u2"));
  }

  @Test
  void run_withoutPropertyConditions_doesNotAskForProperties() {
    Funnel plain = Funnel.builder().step("Viewed").step("Order Completed")
        .exclude(EventPredicate.of("Refund")).window(DAY).build();
    assertThat(new FunnelCounter(plain, 1).needsProperties()).isFalse();
    assertThat(new FunnelCounter(viewThenShoes(), 1).needsProperties()).isTrue();
    Funnel excluding = Funnel.builder().step("Viewed")
        .exclude(EventPredicate.of("Refund").withProperty("reason", "damaged")).window(DAY)
        .build();
    assertThat(new FunnelCounter(excluding, 1).needsProperties()).isTrue();
  }
}
