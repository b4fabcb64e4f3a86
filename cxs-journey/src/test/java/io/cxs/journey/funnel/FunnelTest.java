package io.cxs.journey.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

final class FunnelTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private final Cxs cxs = Cxs.builder().build();
  private final AtomicInteger ids = new AtomicInteger();

  private void track(String user, String event, Duration at) {
    track(user, event, at, Channel.WEB);
  }

  private void track(String user, String event, Duration at, Channel channel) {
    cxs.ingest(TrackEvent.of("m" + ids.incrementAndGet(), user, event, T0.plus(at), channel));
  }

  private static Funnel abc(Duration window) {
    return Funnel.builder().step("A").step("B").step("C").window(window).build();
  }

  private static List<Long> counts(FunnelReport r) {
    return r.steps().stream().map(FunnelStepResult::count).toList();
  }

  @Test
  void run_windowEdgeIsInclusive() {
    track("in", "A", Duration.ZERO);
    track("in", "B", Duration.ofDays(1));
    track("in", "C", Duration.ofDays(7));
    track("out", "A", Duration.ZERO);
    track("out", "B", Duration.ofDays(1));
    track("out", "C", Duration.ofDays(7).plusMillis(1));

    FunnelReport r = abc(Duration.ofDays(7)).run(cxs);

    assertThat(counts(r)).containsExactly(2L, 2L, 1L);
    assertThat(r.droppedAt(2)).containsExactly(CustomerId.of("out"));
    assertThat(r.steps().get(2).conversionFromStart()).isEqualTo(0.5);
    assertThat(r.steps().get(2).conversionFromPrevious()).isEqualTo(0.5);
    assertThat(r.steps().get(2).dropOff()).isEqualTo(1);
    assertThat(r.steps().get(2).medianSecondsFromPrevious()).hasValue(6 * 86400.0);
  }

  @Test
  void run_laterAttemptCountsWhenTheFirstTimesOut() {
    track("u", "A", Duration.ZERO);
    track("u", "B", Duration.ofDays(1));
    track("u", "A", Duration.ofDays(10));
    track("u", "B", Duration.ofDays(10).plusHours(1));
    track("u", "C", Duration.ofDays(10).plusHours(3));

    FunnelReport r = abc(Duration.ofDays(2)).run(cxs);

    assertThat(counts(r)).containsExactly(1L, 1L, 1L);
    // times come from the best (second) attempt, not the first
    assertThat(r.steps().get(1).medianSecondsFromPrevious()).hasValue(3600.0);
    assertThat(r.steps().get(2).medianSecondsFromPrevious()).hasValue(7200.0);
    assertThat(r.medianSecondsToConvert()).hasValue(3 * 3600.0);
  }

  @Test
  void run_stepsMustFollowInTimeNotInArrivalOrder() {
    // arrives C, B, A but happened A, B, C
    track("u", "C", Duration.ofHours(3));
    track("u", "B", Duration.ofHours(2));
    track("u", "A", Duration.ofHours(1));
    // happened C, B, A: only A is reached
    track("v", "A", Duration.ofHours(3));
    track("v", "B", Duration.ofHours(2));
    track("v", "C", Duration.ofHours(1));

    FunnelReport r = abc(Duration.ofDays(1)).run(cxs);

    assertThat(counts(r)).containsExactly(2L, 1L, 1L);
    assertThat(r.droppedAt(1)).containsExactly(CustomerId.of("v"));
  }

  @Test
  void run_anonymousVisitorWhoLogsInIsOneConversion() {
    cxs.ingest(TrackEvent.anonymous("m1", "a-9", "A", T0, Channel.WEB));
    cxs.ingest(TrackEvent.anonymous("m2", "a-9", "B", T0.plusSeconds(60), Channel.WEB));
    cxs.ingest(IdentifyEvent.link("m3", "c-42", "a-9", T0.plusSeconds(90), Map.of()));
    cxs.ingest(TrackEvent.of("m4", "c-42", "C", T0.plusSeconds(120), Channel.MOBILE_APP));

    FunnelReport r = abc(Duration.ofHours(1)).run(cxs);

    assertThat(r.customers()).isEqualTo(1);
    assertThat(counts(r)).containsExactly(1L, 1L, 1L);
    assertThat(r.steps().get(2).medianSecondsFromPrevious()).hasValue(60.0);
  }

  @Test
  void run_strictOrderEndsAnAttemptAtAnotherFunnelStep() {
    track("u", "A", Duration.ofMinutes(1));
    track("u", "C", Duration.ofMinutes(2));
    track("u", "B", Duration.ofMinutes(3));
    track("u", "C", Duration.ofMinutes(4));
    track("v", "A", Duration.ofMinutes(1));
    track("v", "A", Duration.ofMinutes(2)); // a repeat of the current step is allowed
    track("v", "X", Duration.ofMinutes(3)); // not a funnel step: ignored
    track("v", "B", Duration.ofMinutes(4));
    track("v", "C", Duration.ofMinutes(5));

    Funnel strict = Funnel.builder().step("A").step("B").step("C").window(Duration.ofHours(1))
        .strictOrder().build();

    assertThat(counts(strict.run(cxs))).containsExactly(2L, 1L, 1L);
    assertThat(counts(abc(Duration.ofHours(1)).run(cxs))).containsExactly(2L, 2L, 2L);
  }

  @Test
  void run_exclusionEndsTheRunningAttempt() {
    track("u", "A", Duration.ofMinutes(1));
    track("u", "Refund", Duration.ofMinutes(2));
    track("u", "B", Duration.ofMinutes(3));
    track("v", "A", Duration.ofMinutes(1));
    track("v", "B", Duration.ofMinutes(2));
    track("v", "Refund", Duration.ofMinutes(3));
    track("w", "A", Duration.ofMinutes(1));
    track("w", "Refund", Duration.ofMinutes(2));
    track("w", "A", Duration.ofMinutes(3)); // a new attempt after the exclusion
    track("w", "B", Duration.ofMinutes(4));

    Funnel f = Funnel.builder().step("A").step("B").window(Duration.ofHours(1))
        .exclude(EventPredicate.of("Refund")).build();
    FunnelReport r = f.run(cxs);

    assertThat(counts(r)).containsExactly(3L, 2L);
    assertThat(r.droppedAt(1)).containsExactly(CustomerId.of("u"));
  }

  @Test
  void run_optionalStepMayBeSkipped() {
    track("skips", "A", Duration.ofMinutes(1));
    track("skips", "C", Duration.ofMinutes(2));
    track("takes", "A", Duration.ofMinutes(1));
    track("takes", "B", Duration.ofMinutes(2));
    track("takes", "C", Duration.ofMinutes(5));

    Funnel f = Funnel.builder().step("A").step(FunnelStep.of("B").asOptional()).step("C")
        .window(Duration.ofHours(1)).build();
    FunnelReport r = f.run(cxs);

    assertThat(counts(r)).containsExactly(2L, 1L, 2L);
    assertThat(r.steps().get(1).optional()).isTrue();
    // C's previous required step is A: nobody dropped
    assertThat(r.steps().get(2).conversionFromPrevious()).isEqualTo(1.0);
    assertThat(r.droppedAt(2)).isEmpty();
    // from the previous matched step: 60 s (skips, from A) and 180 s (takes, from B)
    assertThat(r.steps().get(2).medianSecondsFromPrevious()).hasValue(120.0);
  }

  @Test
  void run_stepOnChannelAndBreakdownByFirstChannel() {
    track("u", "A", Duration.ofMinutes(1), Channel.WEB);
    track("u", "B", Duration.ofMinutes(2), Channel.WEB);
    track("v", "A", Duration.ofMinutes(1), Channel.MOBILE_APP);
    track("v", "B", Duration.ofMinutes(2), Channel.MOBILE_APP);
    track("w", "A", Duration.ofMinutes(1), Channel.MOBILE_APP);

    Funnel f = Funnel.builder().step("A").step(FunnelStep.of("B").onChannel(Channel.MOBILE_APP))
        .window(Duration.ofHours(1)).breakdown(Breakdown.firstChannel()).build();
    FunnelReport r = f.run(cxs);

    assertThat(counts(r)).containsExactly(3L, 1L);
    assertThat(r.breakdown()).hasValue("firstChannel");
    assertThat(r.segments()).containsExactly(
        Map.entry("mobile_app", List.of(2L, 1L)), Map.entry("web", List.of(1L, 0L)));
  }

  @Test
  void run_breakdownByTrait() {
    cxs.ingest(IdentifyEvent.link("i1", "u", "a-u", T0, Map.of("plan", "pro")));
    track("u", "A", Duration.ofMinutes(1));
    track("v", "A", Duration.ofMinutes(1));
    Funnel f = Funnel.builder().step("A").window(Duration.ofHours(1))
        .breakdown(Breakdown.trait(cxs.customers(), "plan")).build();

    assertThat(f.run(cxs).segments()).containsExactly(
        Map.entry("(none)", List.of(1L)), Map.entry("pro", List.of(1L)));
  }

  @Test
  void run_emptyStoreGivesZeros() {
    FunnelReport r = abc(Duration.ofDays(1)).run(cxs);
    assertThat(r.customers()).isZero();
    assertThat(counts(r)).containsExactly(0L, 0L, 0L);
    assertThat(r.steps().get(1).conversionFromStart()).isZero();
    assertThat(r.steps().get(1).medianSecondsFromPrevious()).isEmpty();
  }

  @Test
  void droppedAt_firstStep_isRejected() {
    FunnelReport r = abc(Duration.ofDays(1)).run(cxs);
    assertThatThrownBy(() -> r.droppedAt(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("step must be in [1, 2] but was 0");
  }

  @Test
  void builder_rejectsBadOptions() {
    assertThatThrownBy(() -> Funnel.builder().window(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("window must be positive but was PT0S");
    assertThatThrownBy(() -> Funnel.builder().window(Duration.ofDays(1)).window(Duration.ofDays(2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("window was already set to PT24H");
    assertThatThrownBy(() -> Funnel.builder().window(Duration.ofDays(1)).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a funnel needs at least one step but had none");
    assertThatThrownBy(() -> Funnel.builder().step(FunnelStep.of("A").asOptional())
        .window(Duration.ofDays(1)).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the first step must not be optional but 'A' was");
    assertThatThrownBy(() -> EventPredicate.of(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("event must not be blank but was ' '");
  }
}
