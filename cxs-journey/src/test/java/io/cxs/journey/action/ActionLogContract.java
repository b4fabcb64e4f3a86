package io.cxs.journey.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxs.core.customer.CustomerId;
import io.cxs.core.touchpoint.Channel;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link ActionLog} must do; a durable log extends this with its own factory. */
abstract class ActionLogContract {
  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  /** @return a new, empty log */
  abstract ActionLog newLog();

  private static ActionRecord record(String occurrence, String customer) {
    return new ActionRecord("r/" + occurrence + "/0", "r", CustomerId.of(customer), "email",
        Optional.of(Channel.EMAIL), "marketing", occurrence, T0, ActionStatus.PENDING, "why",
        Optional.empty(), 0);
  }

  @Test
  @DisplayName("an id can be claimed once")
  void claim_sameIdTwice_failsTheSecondTime() {
    ActionLog log = newLog();
    assertThat(log.claim(record("a", "c1"))).isTrue();
    assertThat(log.claim(record("a", "c1").with(ActionStatus.SUPPRESSED, Optional.of("x"), 0)))
        .isFalse();
    assertThat(log.find("r/a/0").orElseThrow().status()).isEqualTo(ActionStatus.PENDING);
  }

  @Test
  @DisplayName("forget removes every record of one customer and nothing else")
  void forget_removesOneCustomersRecords() {
    ActionLog log = newLog();
    log.claim(record("a", "c1"));
    log.claim(record("b", "c1"));
    log.claim(record("c", "c2"));
    assertThat(log.forget(CustomerId.of("c1"))).isEqualTo(2);
    assertThat(log.timeline(CustomerId.of("c1"))).isEmpty();
    assertThat(log.find("r/a/0")).isEmpty();
    assertThat(log.all()).extracting(ActionRecord::id).containsExactly("r/c/0");
    assertThat(log.forget(CustomerId.of("c1"))).isZero();
  }

  @Test
  @DisplayName("update replaces a claimed record and rejects an unknown one")
  void update_replacesTheRecord() {
    ActionLog log = newLog();
    log.claim(record("a", "c1"));
    log.update(record("a", "c1").with(ActionStatus.SENT, Optional.empty(), 1));
    assertThat(log.find("r/a/0").orElseThrow().status()).isEqualTo(ActionStatus.SENT);
    assertThatThrownBy(() -> log.update(record("b", "c1")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("no action record with id 'r/b/0'");
  }

  @Test
  @DisplayName("the timeline of a customer holds its records in claim order")
  void timeline_isPerCustomerInClaimOrder() {
    ActionLog log = newLog();
    log.claim(record("b", "c1"));
    log.claim(record("a", "c2"));
    log.claim(record("c", "c1"));
    assertThat(log.timeline(CustomerId.of("c1"))).extracting(ActionRecord::occurrenceId)
        .containsExactly("b", "c");
    assertThat(log.timeline(CustomerId.of("nobody"))).isEmpty();
    assertThat(log.all()).hasSize(3);
  }
}
