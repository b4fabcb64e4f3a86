package io.cxs.journey.action;

import static io.cxs.journey.action.Fixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cxs.core.customer.ConsentStatus;
import io.cxs.core.feedback.FeedbackKind;
import io.cxs.core.feedback.Scale;
import io.cxs.core.ingest.FeedbackEvent;
import io.cxs.core.touchpoint.Channel;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

final class ClosedLoopTest {

  private static FeedbackEvent complaint(String id, String user) {
    return new FeedbackEvent(id, Optional.of(user), Optional.empty(), T0, FeedbackKind.COMPLAINT,
        "delivery", Scale.STARS, OptionalInt.empty(), Optional.of("late"), Optional.empty(),
        Channel.CHAT, Optional.empty());
  }

  @Test
  void accept_detractorsAndComplaintsOpenCasesOnce() {
    Fixture f = new Fixture();
    ClosedLoop loop = ClosedLoop.builder(f.cxs).owner(fb -> "team-" + fb.survey())
        .dueWithin(Duration.ofHours(24)).build().start();
    f.cxs.ingest(FeedbackEvent.survey("n1", "u1", T0, "nps", 6));
    f.cxs.ingest(FeedbackEvent.survey("n2", "u2", T0, "nps", 7));
    f.cxs.ingest(complaint("c1", "u3"));
    assertThat(loop.cases()).extracting(FollowUpCase::id).containsExactly("case-n1", "case-c1");
    FollowUpCase c = loop.find("case-n1").orElseThrow();
    assertThat(c.owner()).isEqualTo("team-nps");
    assertThat(c.dueAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
    assertThat(c.reason()).isEqualTo("detractor: nps 6 (threshold 6)");
    assertThat(loop.find("case-c1").orElseThrow().reason()).isEqualTo("complaint about delivery");
    // redelivered feedback opens nothing new
    assertThat(loop.accept(f.cxs.customer(io.cxs.core.customer.Identity.userId("u1"))
        .orElseThrow().feedback().get(0))).isEmpty();
    assertThat(loop.cases()).hasSize(2);
  }

  @Test
  void erase_dropsTheCustomersCases() {
    Fixture f = new Fixture();
    ClosedLoop loop = ClosedLoop.builder(f.cxs).build().start();
    f.cxs.ingest(FeedbackEvent.survey("n1", "u1", T0, "nps", 2));
    f.cxs.ingest(FeedbackEvent.survey("n2", "u2", T0, "nps", 3));
    f.cxs.erase(io.cxs.core.customer.CustomerId.of("u1"));
    assertThat(loop.cases()).extracting(FollowUpCase::id).containsExactly("case-n2");
  }

  @Test
  void close_firesTheResurveyRuleAfterItsDelay() {
    Fixture f = new Fixture();
    f.consent("u1", "service", Channel.EMAIL, ConsentStatus.GRANTED, T0.minusSeconds(60));
    Rule resurvey = Rule.named("resurvey").manual().delay(Duration.ofDays(7))
        .then(ActionSpec.message("survey", Channel.EMAIL, "service", Map.of("survey", "nps")))
        .build();
    Orchestrator o = f.orchestrator().rule(resurvey).build().start();
    ClosedLoop loop = ClosedLoop.builder(f.cxs).resurvey(o, "resurvey").build().start();
    f.cxs.ingest(FeedbackEvent.survey("n1", "u1", T0, "nps", 2));
    f.scheduler.advance(Duration.ofHours(5));
    FollowUpCase closed = loop.close("case-n1", "called back");
    assertThat(closed.timeToClose()).hasValue(Duration.ofHours(5));
    f.scheduler.advanceTo(closed.closedAt().orElseThrow().plus(Duration.ofDays(7)).minusMillis(1));
    assertThat(f.delivered).isEmpty();
    f.scheduler.advance(Duration.ofMillis(1));
    assertThat(f.deliveredIds()).containsExactly("resurvey/case-n1/0");
    assertThatThrownBy(() -> loop.close("case-n1", "again"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("case 'case-n1' was already closed at");
    assertThatThrownBy(() -> loop.close("case-x", "r")).hasMessage("no case with id 'case-x'");
  }

  @Test
  void report_closureAndRecoveryOfFollowedUpVersusNot() {
    Fixture f = new Fixture();
    ClosedLoop loop = ClosedLoop.builder(f.cxs).dueWithin(Duration.ofHours(48)).build().start();
    for (int i = 1; i <= 4; i++) {
      f.cxs.ingest(FeedbackEvent.survey("n" + i, "u" + i, T0, "nps", i)); // scores 1..4
    }
    f.cxs.ingest(complaint("c1", "u5"));
    f.scheduler.advance(Duration.ofHours(2));
    loop.close("case-n1", "refund");
    f.scheduler.advance(Duration.ofHours(4));
    loop.close("case-n2", "apology");
    f.scheduler.advance(Duration.ofHours(2));
    loop.close("case-c1", "replaced");
    // re-survey answers a week later
    java.time.Instant later = T0.plus(Duration.ofDays(7));
    f.cxs.ingest(FeedbackEvent.survey("r1", "u1", later, "nps", 9));
    f.cxs.ingest(FeedbackEvent.survey("r2", "u2", later, "nps", 6));
    f.cxs.ingest(FeedbackEvent.survey("r3", "u3", later, "nps", 5));
    f.scheduler.advanceTo(later);
    ClosedLoopReport r = loop.report();
    assertThat(r.opened()).isEqualTo(5 + 2); // r2 and r3 are detractors again: new cases
    assertThat(r.closed()).isEqualTo(3);
    assertThat(r.closureRate().getAsDouble()).isCloseTo(3.0 / 7, within(1e-12));
    // times to close: 2 h, 6 h, 8 h
    assertThat(r.medianTimeToClose()).hasValue(Duration.ofHours(6));
    // n3, n4 (opened at T0) and r2, r3 (opened at T0 + 8 h) are all past 48 h by T0 + 7 d
    assertThat(r.overdue()).isEqualTo(4);
    ClosedLoopReport.Recovery yes = r.followedUp();
    assertThat(yes.cases()).isEqualTo(2);
    assertThat(yes.rescored()).isEqualTo(2);
    assertThat(yes.recovered()).isEqualTo(1);
    assertThat(yes.meanScoreChange().getAsDouble()).isEqualTo(((9 - 1) + (6 - 2)) / 2.0);
    assertThat(yes.npsAfter().getAsDouble()).isEqualTo(0.0);
    ClosedLoopReport.Recovery no = r.notFollowedUp();
    assertThat(no.cases()).isEqualTo(4); // n3, n4, r2, r3
    assertThat(no.rescored()).isEqualTo(1);
    assertThat(no.recovered()).isZero();
    assertThat(no.meanScoreChange().getAsDouble()).isEqualTo(5 - 3);
    assertThat(no.npsAfter().getAsDouble()).isEqualTo(-100.0);
  }

  @Test
  void report_withoutCases_isEmptyNotNaN() {
    Fixture f = new Fixture();
    ClosedLoopReport r = ClosedLoop.builder(f.cxs).build().report();
    assertThat(r.opened()).isZero();
    assertThat(r.closureRate()).isEmpty();
    assertThat(r.medianTimeToClose()).isEmpty();
    assertThat(r.followedUp().recoveryRate()).isEmpty();
  }

  @Test
  void builder_repeatedOrInvalidOptions_areRejected() {
    Fixture f = new Fixture();
    assertThatThrownBy(() -> ClosedLoop.builder(f.cxs).detractorThreshold(6).detractorThreshold(5))
        .hasMessage("detractor threshold was already set to 6");
    assertThatThrownBy(() -> ClosedLoop.builder(f.cxs).dueWithin(Duration.ZERO))
        .hasMessage("dueWithin must be positive but was PT0S");
    Orchestrator o = f.orchestrator().rule(Fixture.cartRule()).build();
    assertThatThrownBy(() -> ClosedLoop.builder(f.cxs).resurvey(o, "resurvey"))
        .hasMessage("no rule with id 'resurvey'");
  }
}
