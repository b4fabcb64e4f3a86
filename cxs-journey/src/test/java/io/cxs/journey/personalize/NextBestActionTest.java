package io.cxs.journey.personalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxs.core.Cxs;
import io.cxs.core.customer.Consent;
import io.cxs.core.customer.ConsentStatus;
import io.cxs.core.customer.CustomerId;
import io.cxs.core.ingest.FeedbackEvent;
import io.cxs.core.ingest.IdentifyEvent;
import io.cxs.core.touchpoint.Channel;
import io.cxs.journey.action.ActionLog;
import io.cxs.journey.action.ActionRecord;
import io.cxs.journey.action.ActionSpec;
import io.cxs.journey.action.ActionStatus;
import io.cxs.journey.action.Condition;
import io.cxs.journey.action.ContactPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class NextBestActionTest {
  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
  private final Cxs cxs = Cxs.builder().clock(Clock.fixed(T0, ZoneOffset.UTC)).build();

  private void customer(String id, String segment, boolean emailConsent, int nps) {
    cxs.ingest(new IdentifyEvent("i-" + id, Optional.of(id), Optional.empty(),
        T0.minusSeconds(3600), Map.of("segment", segment), emailConsent
            ? List.of(Consent.of("marketing", Channel.EMAIL, ConsentStatus.GRANTED, T0))
            : List.of()));
    cxs.ingest(FeedbackEvent.survey("n-" + id, id, T0.minusSeconds(60), "nps", nps));
  }

  private NextBestAction.Builder nba() {
    return NextBestAction.builder(cxs)
        .candidate(ActionCandidate.of("retention-call", ActionSpec.internal("call", Map.of()), 50,
            Condition.lastScore("nps", 0, 6)))
        .candidate(ActionCandidate.of("upsell-email",
            ActionSpec.message("email", Channel.EMAIL, "marketing", Map.of()), 20))
        .candidate(new ActionCandidate("vip-offer",
            ActionSpec.message("email", Channel.EMAIL, "marketing", Map.of()),
            List.of(Condition.segment("vip")),
            v -> v.customer().trait("segment").map("vip"::equals).orElse(false) ? 80 : 0));
  }

  @Test
  void rank_ordersEligibleByValueAndExplainsEachRank() {
    customer("c-1", "vip", true, 3);
    List<RankedAction> r = nba().build().rank(CustomerId.of("c-1"));
    assertThat(r).extracting(a -> a.candidate().name())
        .containsExactly("vip-offer", "retention-call", "upsell-email");
    assertThat(r).extracting(RankedAction::rank).containsExactly(1, 2, 3);
    assertThat(r.get(0).reason()).isEqualTo("eligible: value 80.00 (trait segment = vip)");
    assertThat(r.get(1).reason()).isEqualTo("eligible: value 50.00 (last nps score in [0, 6])");
  }

  @Test
  void rank_withoutConsentOrEligibility_putsCandidatesLastWithTheReason() {
    customer("c-2", "standard", false, 9);
    List<RankedAction> r = nba().build().rank(CustomerId.of("c-2"));
    assertThat(r).allSatisfy(a -> assertThat(a.eligible()).isFalse());
    assertThat(r).extracting(RankedAction::reason).containsExactly(
        "not eligible: last nps score in [0, 6] does not hold",
        "blocked: no consent for purpose 'marketing' on channel email",
        "not eligible: trait segment = vip does not hold");
    assertThat(nba().build().best(CustomerId.of("c-2"))).isEmpty();
  }

  @Test
  void rank_overFrequencyCap_blocksOutboundOnly() {
    customer("c-3", "vip", true, 2);
    ActionLog log = ActionLog.inMemory();
    for (int i = 0; i < 2; i++) {
      log.claim(new ActionRecord("r/e" + i + "/0", "r", CustomerId.of("c-3"), "email",
          Optional.of(Channel.EMAIL), "marketing", "e" + i, T0.minus(Duration.ofDays(i + 1)),
          ActionStatus.SENT, "test", Optional.empty(), 1));
    }
    List<RankedAction> r = nba().actionLog(log).policy(ContactPolicy.ofDefaults()).build()
        .rank(CustomerId.of("c-3"));
    assertThat(r.get(0).candidate().name()).isEqualTo("retention-call");
    assertThat(r.get(0).eligible()).isTrue();
    assertThat(r.get(1).reason())
        .isEqualTo("blocked: frequency cap: 2 messages in the last PT168H (max 2)");
  }

  @Test
  void rank_unknownCustomer_isEmpty() {
    assertThat(nba().build().rank(CustomerId.of("nobody"))).isEmpty();
  }

  @Test
  void builder_invalid_isRejected() {
    assertThatThrownBy(() -> NextBestAction.builder(cxs).build())
        .hasMessage("next-best-action needs at least one candidate");
    assertThatThrownBy(() -> nba().candidate(ActionCandidate.of("upsell-email",
        ActionSpec.internal("x", Map.of()), 1))).hasMessage("candidate name 'upsell-email' was given twice");
    assertThatThrownBy(() -> ActionCandidate.of("x", ActionSpec.internal("x", Map.of()),
        Double.NaN)).hasMessage("value must be finite but was NaN");
  }
}
