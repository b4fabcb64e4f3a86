package io.cxs.journey.action;

import io.cxs.core.Cxs;
import io.cxs.core.customer.Consent;
import io.cxs.core.customer.ConsentStatus;
import io.cxs.core.ingest.IdentifyEvent;
import io.cxs.core.ingest.TrackEvent;
import io.cxs.core.touchpoint.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A Cxs engine on a manual scheduler and a recording handler. */
final class Fixture {
  static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  final ManualScheduler scheduler;
  final Cxs cxs;
  final List<ActionRequest> delivered = new CopyOnWriteArrayList<>();
  final List<ActionRequest> calls = new CopyOnWriteArrayList<>();
  int failuresToInject;

  Fixture() {
    this(T0);
  }

  Fixture(Instant start) {
    scheduler = Scheduler.manual(start);
    cxs = Cxs.builder().clock(scheduler.clock()).build();
  }

  ActionHandler handler() {
    return r -> {
      calls.add(r);
      if (failuresToInject > 0) {
        failuresToInject--;
        throw new IllegalStateException("mail server down");
      }
      delivered.add(r);
    };
  }

  Orchestrator.Builder orchestrator() {
    return Orchestrator.builder(cxs).handler(handler()).scheduler(scheduler);
  }

  void consent(String user, String purpose, Channel channel, ConsentStatus status, Instant at) {
    cxs.ingest(new IdentifyEvent("id-" + user + "-" + purpose + "-" + at.toEpochMilli()
        + "-" + status, Optional.of(user), Optional.empty(), at, Map.of(),
        List.of(Consent.of(purpose, channel, status, at))));
  }

  void grantEmail(String user) {
    consent(user, "marketing", Channel.EMAIL, ConsentStatus.GRANTED, T0.minusSeconds(86_400));
  }

  void track(String id, String user, String event, Instant at) {
    cxs.ingest(TrackEvent.of(id, user, event, at, Channel.WEB));
  }

  static Rule cartRule() {
    return Rule.named("cart")
        .when(EventPattern.touchpoint("Product Added"))
        .notFollowedBy(EventPattern.touchpoint("Order Completed"), java.time.Duration.ofHours(1))
        .then(ActionSpec.message("email", Channel.EMAIL, "marketing",
            Map.of("template", "cart-reminder", "discount", "5%")))
        .build();
  }

  List<String> deliveredIds() {
    List<String> ids = new ArrayList<>();
    delivered.forEach(r -> ids.add(r.id()));
    return ids;
  }
}
