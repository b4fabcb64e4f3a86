package io.cxs.journey.action.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxs.core.Cxs;
import io.cxs.core.customer.Consent;
import io.cxs.core.customer.ConsentStatus;
import io.cxs.core.ingest.IdentifyEvent;
import io.cxs.core.ingest.TrackEvent;
import io.cxs.core.jdbc.JdbcStores;
import io.cxs.core.jdbc.TestDatabases;
import io.cxs.core.touchpoint.Channel;
import io.cxs.journey.action.ActionRequest;
import io.cxs.journey.action.ActionSpec;
import io.cxs.journey.action.ActionStatus;
import io.cxs.journey.action.EventPattern;
import io.cxs.journey.action.ManualScheduler;
import io.cxs.journey.action.Orchestrator;
import io.cxs.journey.action.Rule;
import io.cxs.journey.action.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Durable timers and actions across a restart of the engine and the orchestrator. */
abstract class RestartContract {
  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);

  private final List<ActionRequest> delivered = new CopyOnWriteArrayList<>();
  private String tenant;

  /** @return a migrated database, shared by the tests of this class */
  abstract DataSource database();

  @BeforeEach
  void tenant() {
    tenant = TestDatabases.uniqueTenant();
  }

  private static Rule cartRule() {
    return Rule.named("cart")
        .when(EventPattern.touchpoint("Product Added"))
        .notFollowedBy(EventPattern.touchpoint("Order Completed"), HOUR)
        .then(ActionSpec.message("email", Channel.EMAIL, "marketing",
            Map.of("template", "cart-reminder")))
        .build();
  }

  /** A node: an engine and an orchestrator over the shared database, on its own clock. */
  private final class Node implements AutoCloseable {
    final ManualScheduler scheduler;
    final Cxs cxs;
    final Orchestrator orchestrator;
    final JdbcActionStores actions;

    Node(Instant now) {
      scheduler = Scheduler.manual(now);
      JdbcStores stores = JdbcStores.builder(database()).tenant(tenant).build();
      cxs = Cxs.builder().clock(scheduler.clock()).customerStore(stores.customers())
          .touchpointStore(stores.touchpoints()).feedbackStore(stores.feedback()).build();
      actions = JdbcActionStores.builder(database()).tenant(tenant).build();
      orchestrator = Orchestrator.builder(cxs).rule(cartRule()).scheduler(scheduler)
          .timerStore(actions.timers()).actionLog(actions.actionLog())
          .handler(delivered::add).build().start();
    }

    @Override
    public void close() {
      orchestrator.close();
      cxs.close();
    }
  }

  private static void grantAndAdd(Cxs cxs) {
    cxs.ingest(new IdentifyEvent("consent-u1", Optional.of("u1"), Optional.empty(),
        T0.minusSeconds(86_400), Map.of(), List.of(Consent.of("marketing", Channel.EMAIL,
            ConsentStatus.GRANTED, T0.minusSeconds(86_400)))));
    cxs.ingest(TrackEvent.of("a1", "u1", "Product Added", T0, Channel.WEB));
  }

  @Test
  @DisplayName("a timer pending at shutdown fires once after the orchestrator is rebuilt")
  void timer_pendingAtRestart_firesExactlyOnceAfterRebuild() {
    try (Node before = new Node(T0)) {
      grantAndAdd(before.cxs);
      before.scheduler.advanceTo(T0.plus(Duration.ofMinutes(30)));
      assertThat(before.actions.timers().all()).hasSize(1);
    }
    assertThat(delivered).isEmpty();

    try (Node after = new Node(T0.plus(Duration.ofMinutes(30)))) {
      after.scheduler.advanceTo(T0.plus(HOUR).minusMillis(1));
      assertThat(delivered).isEmpty();
      after.scheduler.advanceTo(T0.plus(HOUR));
      assertThat(delivered).extracting(ActionRequest::id).containsExactly("cart/a1/0");
      after.scheduler.advance(Duration.ofDays(2));
      assertThat(delivered).hasSize(1);
      assertThat(after.actions.timers().all()).isEmpty();
      assertThat(after.actions.actionLog().find("cart/a1/0").orElseThrow().status())
          .isEqualTo(ActionStatus.SENT);
    }

    try (Node again = new Node(T0.plus(Duration.ofDays(3)))) {
      again.scheduler.advance(Duration.ofDays(1));
      assertThat(delivered).hasSize(1);
      assertThat(again.actions.actionLog().all()).hasSize(1);
    }
  }

  @Test
  @DisplayName("timers that fell due while the host was down run at once on start")
  void timer_dueDuringDowntime_runsOnStart() {
    try (Node before = new Node(T0)) {
      grantAndAdd(before.cxs);
    }
    try (Node after = new Node(T0.plus(Duration.ofHours(3)))) {
      after.scheduler.runDue();
      assertThat(delivered).extracting(ActionRequest::id).containsExactly("cart/a1/0");
    }
  }

  @Test
  @DisplayName("two orchestrators over one database deliver a timer's action once")
  void twoNodes_sameTimer_deliverOnce() {
    try (Node one = new Node(T0)) {
      grantAndAdd(one.cxs);
      try (Node two = new Node(T0)) {
        two.scheduler.advanceTo(T0.plus(HOUR));
        one.scheduler.advanceTo(T0.plus(HOUR));
        assertThat(delivered).extracting(ActionRequest::id).containsExactly("cart/a1/0");
      }
    }
  }
}
