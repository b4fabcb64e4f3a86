package io.cxs.journey.action;

import static io.cxs.journey.action.Fixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxs.core.customer.ConsentStatus;
import io.cxs.core.customer.Identity;
import io.cxs.core.ingest.FeedbackEvent;
import io.cxs.core.ingest.IdentifyEvent;
import io.cxs.core.touchpoint.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class OrchestratorTest {
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration MS = Duration.ofMillis(1);

  @Test
  void notFollowedBy_firesExactlyAtDeadline() {
    Fixture f = new Fixture();
    f.grantEmail("u1");
    Orchestrator o = f.orchestrator().rule(Fixture.cartRule()).build().start();
    f.track("a1", "u1", "Product Added", T0);
    f.scheduler.advanceTo(T0.plus(HOUR).minus(MS));
    assertThat(f.delivered).isEmpty();
    f.scheduler.advanceTo(T0.plus(HOUR));
    assertThat(f.deliveredIds()).containsExactly("cart/a1/0");
    ActionRecord r = o.actionLog().find("cart/a1/0").orElseThrow();
    assertThat(r.status()).isEqualTo(ActionStatus.SENT);
    assertThat(r.at()).isEqualTo(T0.plus(HOUR));
    assertThat(r.reason()).contains("Product Added not followed by Order Completed within PT1H");
    assertThat(f.delivered.get(0).action().params()).containsEntry("discount", "5%");
  }

  @Test
  void notFollowedBy_cancelledByAwaitedEvent() {
    Fixture f = new Fixture();
    f.grantEmail("u1");
    Orchestrator o = f.orchestrator().rule(Fixture.cartRule()).build().start();
    f.track("a1", "u1", "Product Added", T0);
    f.scheduler.advanceTo(T0.plus(Duration.ofMinutes(30)));
    f.track("o1", "u1", "Order Completed", T0.plus(Duration.ofMinutes(30)));
    f.scheduler.advance(Duration.ofDays(1));
    assertThat(f.delivered).isEmpty();
    assertThat(o.actionLog().all()).isEmpty();
    assertThat(o.timerStore().all()).isEmpty();
  }

  @Test
  void notFollowedBy_awaitedEventExactlyAtDeadline_isTooLate() {
    Fixture f = new Fixture();
    f.grantEmail("u1");
    f.orchestrator().rule(Fixture.cartRule()).build().start();
    f.track("a1", "u1", "Product Added", T0);
    f.scheduler.advanceTo(T0.plus(HOUR));
    f.track("o1", "u1", "Order Completed", T0.plus(HOUR));
    f.scheduler.advance(HOUR);
    assertThat(f.deliveredIds()).containsExactly("cart/a1/0");
  }

  @Test
  void notFollowedBy_awaitedEventArrivingAfterFiring_changesNothing() {
    Fixture f = new Fixture();
    f.grantEmail("u1");
    Orchestrator o = f.orchestrator().rule(Fixture.cartRule()).build().start();
    f.track("a1", "u1", "Product Added", T0);
    f.scheduler.advanceTo(T0.plus(HOUR));
    // late event: happened inside the window but arrives after the reminder went out
    f.track("o1", "u1", "Order Completed", T0.plus(Duration.ofMinutes(10)));
    f.scheduler.advance(HOUR);
    assertThat(f.deliveredIds()).containsExactly("cart/a1/0");
    assertThat(o.actionLog().all()).hasSize(1);
  }

  @Test
  void notFollowedBy_awaitedEventArrivingBeforeTrigger_cancels() {
    Fixture f = new Fixture();
    f.grantEmail("u1");
    f.orchestrator().rule(Fixture.cartRule()).build().start();
    f.track("o1", "u1", "Order Completed", T0.plus(Duration.ofMinutes(10)));
    f.track("a1", "u1", "Product Added", T0);
    f.scheduler.advance(Duration.ofDays(1));
    assertThat(f.delivered).isEmpty();
  }

  @Test
  void notFollowedBy_lateTriggerPastItsDeadline_firesOnArrival() {
    Fixture f = new Fixture(T0.plus(Duration.ofHours(3)));
    f.grantEmail("u1");
    Orchestrator o = f.orchestrator().rule(Fixture.cartRule()).build().start();
    f.track("a1", "u1", "Product Added", T0);
    assertThat(f.delivered).as("nothing runs on the ingesting thread").isEmpty();
    f.scheduler.runDue();
    assertThat(f.deliveredIds()).containsExactly("cart/a1/0");
    assertThat(o.actionLog().find("cart/a1/0").orElseThrow().at())
        .isEqualTo(T0.plus(Duration.ofHours(3)));
  }

  @Test
  void decide_triggerOlderThanMaxLateness_isSuppressedAsLate() {
    Fixture f = new Fixture(T0.plus(Duration.ofDays(3)));
    f.grantEmail("u1");
    Orchestrator o = f.orchestrator().rule(Fixture.cartRule()).maxLateness(Duration.ofDays(1))
        .build().start();
    f.track("a1", "u1", "Product Added", T0);
    f.scheduler.runDue();
    assertThat(f.delivered).isEmpty();
    ActionRecord r = o.actionLog().find("cart/a1/0").orElseThrow();
    assertThat(r.status()).isEqualTo(ActionStatus.SUPPRESSED);
    assertThat(r.detail().orElseThrow()).startsWith("late: due at 2026-03-02T11:00:00Z");
  }

  @Test
  void on_withDelay_firesAtTriggerTimePlusDelay() {
    Fixture f = new Fixture();
    f.consent("u1", "service", Channel.EMAIL, ConsentStatus.GRANTED, T0.minusSeconds(60));
    Rule ask = Rule.named("ask-feedback").when(EventPattern.touchpoint("Order Delivered"))
        .delay(Duration.ofDays(1))
        .then(ActionSpec.message("survey", Channel.EMAIL, "service", Map.of("survey", "csat")))
        .build();
    f.orchestrator().rule(ask).build().start();
    f.track("d1", "u1", "Order Delivered", T0);
    f.scheduler.advanceTo(T0.plus(Duration.ofDays(1)).minus(MS));
    assertThat(f.delivered).isEmpty();
    f.scheduler.advanceTo(T0.plus(Duration.ofDays(1)));
    assertThat(f.deliveredIds()).containsExactly("ask-feedback/d1/0");
  }

  @Test
  void followedBy_firesWhenTheSecondEventArrivesInsideTheWindow() {
    Fixture f = new Fixture();
    Rule upsell = Rule.named("upsell").when(EventPattern.touchpoint("Product Viewed"))
        .followedBy(EventPattern.touchpoint("Support Chat"), HOUR)
        .then(ActionSpec.internal("notify_agent", Map.of())).build();
    f.orchestrator().rule(upsell).build().start();
    f.track("v1", "u1", "Product Viewed", T0);
    f.track("v2", "u2", "Product Viewed", T0);
    f.scheduler.advanceTo(T0.plus(Duration.ofMinutes(20)));
    f.track("c1", "u1", "Support Chat", T0.plus(Duration.ofMinutes(20)));
    f.scheduler.advanceTo(T0.plus(Duration.ofMinutes(61)));
    f.track("c2", "u2", "Support Chat", T0.plus(Duration.ofMinutes(61)));
    f.scheduler.advance(HOUR);
    assertThat(f.deliveredIds()).containsExactly("upsell/v1/0");
  }

  @Test
  void followedBy_secondEventArrivingFirst_stillFiresOnce() {
    Fixture f = new Fixture();
    Rule upsell = Rule.named("upsell").when(EventPattern.touchpoint("Product Viewed"))
        .followedBy(EventPattern.touchpoint("Support Chat"), HOUR)
        .then(ActionSpec.internal("notify_agent", Map.of())).build();
    f.orchestrator().rule(upsell).build().start();
    f.track("c1", "u1", "Support Chat", T0.plus(Duration.ofMinutes(20)));
    f.track("c2", "u1", "Support Chat", T0.plus(Duration.ofMinutes(25)));
    f.track("v1", "u1", "Product Viewed", T0);
    f.scheduler.advance(HOUR);
    assertThat(f.deliveredIds()).containsExactly("upsell/v1/0");
  }

  @Test
  void decide_withoutConsent_suppressesAndRecordsWhy() {
    Fixture f = new Fixture();
    f.consent("u1", "marketing", Channel.EMAIL, ConsentStatus.REVOKED, T0.minusSeconds(60));
    Orchestrator o = f.orchestrator().rule(Fixture.cartRule()).build().start();
    f.track("a1", "u1", "Product Added", T0);
    f.track("a2", "u2", "Product Added", T0);
    f.scheduler.advance(HOUR);
    assertThat(f.calls).isEmpty();
    assertThat(o.actionLog().all()).extracting(ActionRecord::status)
        .containsOnly(ActionStatus.SUPPRESSED);
    assertThat(o.actionLog().find("cart/a1/0").orElseThrow().detail())
        .hasValue("no consent for purpose 'marketing' on channel email");
  }

  @Test
  void decide_internalAction_needsNoConsent() {
    Fixture f = new Fixture();
    Rule caseRule = Rule.named("detractor").when(EventPattern.score("nps", 0, 6))
        .then(ActionSpec.internal("open_case", Map.of("queue", "cx"))).build();
    f.orchestrator().rule(caseRule).build().start();
    f.cxs.ingest(FeedbackEvent.survey("n1", "u1", T0, "nps", 3));
    f.cxs.ingest(FeedbackEvent.survey("n2", "u2", T0, "nps", 9));
    f.scheduler.runDue();
    assertThat(f.deliveredIds()).containsExactly("detractor/n1/0");
  }

  @Test
  void decide_overFrequencyCap_suppressesAcrossRulesAndChannels() {
    Fixture f = new Fixture();
    f.grantEmail("u1");
    f.consent("u1", "marketing", Channel.SMS, ConsentStatus.GRANTED, T0.minusSeconds(60));
    Rule sms = Rule.named("browse").when(EventPattern.touchpoint("Product Viewed"))
        .then(ActionSpec.message("sms", Channel.SMS, "marketing", Map.of())).build();
    Orchestrator o = f.orchestrator().rule(Fixture.cartRule()).rule(sms)
        .policy(ContactPolicy.custom().frequencyCap(2, Duration.ofDays(7)).build()).build().start();
    f.track("a1", "u1", "Product Added", T0);
    f.track("v1", "u1", "Product Viewed", T0.plusSeconds(60));
    f.track("v2", "u1", "Product Viewed", T0.plusSeconds(120));
    f.scheduler.advance(HOUR);
    assertThat(f.deliveredIds()).containsExactly("browse/v1/0", "browse/v2/0");
    assertThat(o.actionLog().find("cart/a1/0").orElseThrow().detail().orElseThrow())
        .isEqualTo("frequency cap: 2 messages in the last PT168H (max 2)");
    // a week later the window has moved on
    f.scheduler.advance(Duration.ofDays(7));
    f.track("v3", "u1", "Product Viewed", f.scheduler.now());
    f.scheduler.runDue();
    assertThat(f.deliveredIds()).endsWith("browse/v3/0");
  }

  @Test
  void decide_inQuietHours_defersToTheirEnd() {
    Instant evening = Instant.parse("2026-03-02T21:30:00Z"); // 22:30 in Berlin
    Fixture f = new Fixture(evening);
    f.grantEmail("u1");
    Rule r = Rule.named("browse").when(EventPattern.touchpoint("Product Viewed"))
        .then(ActionSpec.message("email", Channel.EMAIL, "marketing", Map.of())).build();
    Orchestrator o = f.orchestrator().rule(r).policy(ContactPolicy.custom()
        .quietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), ZoneId.of("Europe/Berlin")).build())
        .build().start();
    f.track("v1", "u1", "Product Viewed", evening);
    Instant morning = Instant.parse("2026-03-03T07:00:00Z"); // 08:00 in Berlin
    f.scheduler.advanceTo(morning.minus(MS));
    assertThat(f.delivered).isEmpty();
    f.scheduler.advanceTo(morning);
    assertThat(f.deliveredIds()).containsExactly("browse/v1/0");
    assertThat(f.delivered.get(0).at()).isEqualTo(morning);
    assertThat(o.actionLog().find("browse/v1/0").orElseThrow().detail())
        .hasValue("deferred by quiet hours");
  }

  @Test
  void quietUntil_usesTheCustomersTimezoneTrait() {
    Fixture f = new Fixture();
    f.cxs.ingest(IdentifyEvent.of("i1", "u1", T0, Map.of("timezone", "America/New_York")));
    ContactPolicy p = ContactPolicy.custom()
        .quietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), ZoneId.of("UTC")).build();
    // 10:00 UTC is 05:00 in New York: quiet until 08:00 New York = 13:00 UTC
    assertThat(p.quietUntil(f.cxs.customer(Identity.userId("u1")).orElseThrow().customer(), T0))
        .hasValue(Instant.parse("2026-03-02T13:00:00Z"));
  }

  @Test
  void deliver_failingHandler_isRetriedWithBackoff() {
    Fixture f = new Fixture();
    f.grantEmail("u1");
    f.failuresToInject = 2;
    Orchestrator o = f.orchestrator().rule(Fixture.cartRule()).retry(5, Duration.ofMinutes(1))
        .build().start();
    f.track("a1", "u1", "Product Added", T0);
    f.scheduler.advanceTo(T0.plus(HOUR));
    assertThat(f.calls).hasSize(1);
    assertThat(o.actionLog().find("cart/a1/0").orElseThrow().status())
        .isEqualTo(ActionStatus.PENDING);
    f.scheduler.advanceTo(T0.plus(HOUR).plus(Duration.ofMinutes(1)));
    assertThat(f.calls).hasSize(2);
    f.scheduler.advanceTo(T0.plus(HOUR).plus(Duration.ofMinutes(3)).minus(MS));
    assertThat(f.calls).hasSize(2);
    f.scheduler.advanceTo(T0.plus(HOUR).plus(Duration.ofMinutes(3)));
    assertThat(f.calls).extracting(ActionRequest::attempt).containsExactly(1, 2, 3);
    ActionRecord r = o.actionLog().find("cart/a1/0").orElseThrow();
    assertThat(r.status()).isEqualTo(ActionStatus.SENT);
    assertThat(r.attempts()).isEqualTo(3);
  }

  @Test
  void deliver_handlerFailingEveryTime_isRecordedAsFailed() {
    Fixture f = new Fixture();
    f.grantEmail("u1");
    f.failuresToInject = 100;
    Orchestrator o = f.orchestrator().rule(Fixture.cartRule()).retry(3, Duration.ofMinutes(1))
        .build().start();
    f.track("a1", "u1", "Product Added", T0);
    f.scheduler.advance(Duration.ofDays(1));
    assertThat(f.calls).hasSize(3);
    ActionRecord r = o.actionLog().find("cart/a1/0").orElseThrow();
    assertThat(r.status()).isEqualTo(ActionStatus.FAILED);
    assertThat(r.detail()).hasValue("attempt 3 failed: IllegalStateException: mail server down");
  }

  @Test
  void start_afterRestart_runsTimersFromTheStore() {
    Fixture f = new Fixture();
    f.grantEmail("u1");
    TimerStore timers = TimerStore.inMemory();
    ActionLog log = ActionLog.inMemory();
    Orchestrator first = f.orchestrator().rule(Fixture.cartRule()).timerStore(timers)
        .actionLog(log).build().start();
    f.track("a1", "u1", "Product Added", T0);
    first.close();
    assertThat(timers.all()).extracting(Timer::dueAt).containsExactly(T0.plus(HOUR));

    ManualScheduler restarted = Scheduler.manual(T0.plus(Duration.ofMinutes(5)));
    Orchestrator.builder(f.cxs).handler(f.handler()).scheduler(restarted)
        .rule(Fixture.cartRule()).timerStore(timers).actionLog(log).build().start();
    restarted.advanceTo(T0.plus(HOUR));
    assertThat(f.deliveredIds()).containsExactly("cart/a1/0");
    assertThat(timers.all()).isEmpty();
  }

  @Test
  void onSignal_duplicates_actOnce() {
    Fixture f = new Fixture();
    f.grantEmail("u1");
    Orchestrator o = f.orchestrator().rule(Fixture.cartRule()).build().start();
    f.track("a1", "u1", "Product Added", T0);
    io.cxs.core.touchpoint.Touchpoint tp = f.cxs.customer(Identity.userId("u1")).orElseThrow()
        .touchpoints().get(0);
    o.onSignal(Signal.of(tp));
    f.scheduler.advanceTo(T0.plus(HOUR));
    o.onSignal(Signal.of(tp)); // redelivered after the action went out
    f.scheduler.advance(HOUR);
    assertThat(f.deliveredIds()).containsExactly("cart/a1/0");
  }

  @Test
  void evaluate_conditionsAreCheckedWhenTheRuleFires() {
    Fixture f = new Fixture();
    Rule r = Rule.named("winback").when(EventPattern.touchpoint("App Opened"))
        .where(Condition.segment("vip")).where(Condition.lastScore("nps", 0, 6))
        .then(ActionSpec.internal("call_back", Map.of())).build();
    f.orchestrator().rule(r).build().start();
    f.cxs.ingest(IdentifyEvent.of("i1", "u1", T0, Map.of("segment", "vip")));
    f.cxs.ingest(IdentifyEvent.of("i2", "u2", T0, Map.of("segment", "vip")));
    f.cxs.ingest(FeedbackEvent.survey("n1", "u1", T0, "nps", 4));
    f.cxs.ingest(FeedbackEvent.survey("n2", "u2", T0, "nps", 4));
    f.cxs.ingest(FeedbackEvent.survey("n3", "u2", T0.plusSeconds(1), "nps", 9));
    f.track("o1", "u1", "App Opened", T0.plusSeconds(5));
    f.track("o2", "u2", "App Opened", T0.plusSeconds(5));
    f.track("o3", "u3", "App Opened", T0.plusSeconds(5));
    f.scheduler.advance(HOUR);
    assertThat(f.deliveredIds()).containsExactly("winback/o1/0");
  }

  @Test
  void fire_manualRule_actsOncePerOccurrence() {
    Fixture f = new Fixture();
    Rule r = Rule.named("resurvey").manual().delay(Duration.ofDays(2))
        .then(ActionSpec.internal("survey", Map.of())).build();
    Orchestrator o = f.orchestrator().rule(r).build().start();
    f.track("x", "u1", "Signed Up", T0);
    o.fire("resurvey", Identity.userId("u1"), "case-1", T0);
    o.fire("resurvey", Identity.userId("u1"), "case-1", T0);
    f.scheduler.advance(Duration.ofDays(3));
    o.fire("resurvey", Identity.userId("u1"), "case-1", T0);
    f.scheduler.advance(Duration.ofDays(3));
    assertThat(f.deliveredIds()).containsExactly("resurvey/case-1/0");
    assertThatThrownBy(() -> o.fire("nope", Identity.userId("u1"), "c", T0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("no rule with id 'nope'");
  }

  @Test
  void onAction_reportsFinalStates() {
    Fixture f = new Fixture();
    Orchestrator o = f.orchestrator().rule(Fixture.cartRule()).build();
    List<ActionRecord> seen = new java.util.ArrayList<>();
    o.onAction(seen::add);
    o.start();
    f.track("a1", "u1", "Product Added", T0);
    f.scheduler.advance(HOUR);
    assertThat(seen).extracting(ActionRecord::status).containsExactly(ActionStatus.SUPPRESSED);
  }

  @Test
  void builder_invalidOptions_areRejectedWithTheirValue() {
    Fixture f = new Fixture();
    assertThatThrownBy(() -> Orchestrator.builder(f.cxs).build())
        .isInstanceOf(IllegalStateException.class).hasMessage("an orchestrator needs a handler");
    assertThatThrownBy(() -> Orchestrator.builder(f.cxs).rule(Fixture.cartRule())
        .rule(Fixture.cartRule())).hasMessage("rule id 'cart' was given twice");
    assertThatThrownBy(() -> Orchestrator.builder(f.cxs).retry(0, Duration.ofMinutes(1)))
        .hasMessage("maxAttempts must be at least 1 but was 0");
    assertThatThrownBy(() -> Orchestrator.builder(f.cxs).maxLateness(Duration.ofHours(-1)))
        .hasMessage("maxLateness must not be negative but was PT-1H");
    assertThatThrownBy(() -> Orchestrator.builder(f.cxs).handler(r -> { }).handler(r -> { }))
        .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("handler was already set");
    assertThatThrownBy(() -> f.orchestrator().build().start().start())
        .hasMessage("orchestrator was already started");
  }

  @Test
  void rule_invalidDefinitions_areRejected() {
    assertThatThrownBy(() -> Rule.named("a/b").when(EventPattern.touchpoint("x"))
        .then(ActionSpec.internal("t", Map.of())).build())
        .hasMessage("rule id must be 1 to 100 characters without '/' but was 'a/b'");
    assertThatThrownBy(() -> Rule.named("r").when(EventPattern.touchpoint("x")).build())
        .hasMessage("rule 'r' must have at least one action");
    assertThatThrownBy(() -> Rule.named("r").then(ActionSpec.internal("t", Map.of())).build())
        .hasMessage("rule 'r' needs when(...) or manual()");
    assertThatThrownBy(() -> Rule.named("r").when(EventPattern.touchpoint("x"))
        .notFollowedBy(EventPattern.touchpoint("y"), Duration.ZERO)
        .then(ActionSpec.internal("t", Map.of())).build())
        .hasMessage("within must be positive but was PT0S");
    assertThatThrownBy(() -> EventPattern.score("nps", 7, 6))
        .hasMessage("minScore 7 must not exceed maxScore 6");
    assertThatThrownBy(() -> ContactPolicy.custom().frequencyCap(0, Duration.ofDays(1)).build())
        .hasMessage("maxMessages must be at least 1 but was 0");
    assertThatThrownBy(() -> Scheduler.manual(T0).advanceTo(T0.minusSeconds(1)))
        .hasMessage("cannot move time back from 2026-03-02T10:00:00Z to 2026-03-02T09:59:59Z");
  }

  @Test
  void evaluate_awaitedEventUnderAnotherIdentityOfTheSameCustomer_cancels() {
    Fixture f = new Fixture();
    f.grantEmail("u1");
    f.orchestrator().rule(Fixture.cartRule()).build().start();
    f.cxs.ingest(io.cxs.core.ingest.TrackEvent.anonymous("a1", "anon-9", "Product Added", T0,
        Channel.WEB));
    f.cxs.ingest(IdentifyEvent.link("i9", "u1", "anon-9", T0.plusSeconds(60), Map.of()));
    f.track("o1", "u1", "Order Completed", T0.plusSeconds(120));
    f.scheduler.advance(Duration.ofDays(1));
    assertThat(f.delivered).isEmpty();
  }

  @Test
  void evaluate_anonymousCartOfAConsentingCustomer_remindsTheResolvedCustomer() {
    Fixture f = new Fixture();
    f.grantEmail("u1");
    Orchestrator o = f.orchestrator().rule(Fixture.cartRule()).build().start();
    f.cxs.ingest(io.cxs.core.ingest.TrackEvent.anonymous("a1", "anon-9", "Product Added", T0,
        Channel.WEB));
    f.cxs.ingest(IdentifyEvent.link("i9", "u1", "anon-9", T0.plusSeconds(60), Map.of()));
    f.scheduler.advance(Duration.ofDays(1));
    assertThat(f.delivered).extracting(r -> r.customer().id().value()).containsExactly("u1");
    assertThat(o.actionLog().timeline(io.cxs.core.customer.CustomerId.of("u1"))).hasSize(1);
  }

  @Test
  void run_erasedCustomer_dropsItsTimers() {
    Fixture f = new Fixture();
    f.grantEmail("u1");
    Orchestrator o = f.orchestrator().rule(Fixture.cartRule()).build().start();
    f.track("a1", "u1", "Product Added", T0);
    f.cxs.erase(io.cxs.core.customer.CustomerId.of("u1"));
    f.scheduler.advance(Duration.ofDays(1));
    assertThat(f.calls).isEmpty();
    assertThat(o.actionLog().all()).isEmpty();
    assertThat(o.timerStore().all()).isEmpty();
  }

  @Test
  void erase_afterAnActionWasSent_forgetsItsRecords() {
    Fixture f = new Fixture();
    f.grantEmail("u1");
    f.grantEmail("u2");
    Orchestrator o = f.orchestrator().rule(Fixture.cartRule()).build().start();
    f.track("a1", "u1", "Product Added", T0);
    f.track("a2", "u2", "Product Added", T0);
    f.scheduler.advance(Duration.ofDays(1));
    assertThat(o.actionLog().all()).hasSize(2);
    f.cxs.erase(io.cxs.core.customer.CustomerId.of("u1"));
    assertThat(o.actionLog().timeline(io.cxs.core.customer.CustomerId.of("u1"))).isEmpty();
    assertThat(o.actionLog().all()).extracting(r -> r.customer().value()).containsExactly("u2");
  }

  @Test
  void retry_consentWithdrawnBeforeRetry_suppresses() {
    Fixture f = new Fixture();
    f.grantEmail("u1");
    f.failuresToInject = 1;
    Orchestrator o = f.orchestrator().rule(Fixture.cartRule()).retry(3, Duration.ofMinutes(10))
        .build().start();
    f.track("a1", "u1", "Product Added", T0);
    f.scheduler.advanceTo(T0.plus(HOUR));
    f.consent("u1", "marketing", Channel.EMAIL, ConsentStatus.REVOKED,
        T0.plus(HOUR).plusSeconds(60));
    f.scheduler.advance(Duration.ofDays(1));
    assertThat(f.calls).hasSize(1);
    assertThat(f.delivered).isEmpty();
    ActionRecord r = o.actionLog().find("cart/a1/0").orElseThrow();
    assertThat(r.status()).isEqualTo(ActionStatus.SUPPRESSED);
    assertThat(r.detail()).hasValue(
        "no consent for purpose 'marketing' on channel email (withdrawn before retry 2)");
  }
}
