package io.cxs.journey.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxs.core.Cxs;
import io.cxs.core.customer.Consent;
import io.cxs.core.customer.ConsentStatus;
import io.cxs.core.ingest.IdentifyEvent;
import io.cxs.core.ingest.TrackEvent;
import io.cxs.core.touchpoint.Channel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The code of the README paragraph and of the Rule and Orchestrator javadoc, as tests. */
final class SnippetsTest {
  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  @Test
  void readme_cartAbandonment() throws Exception {
    // the engine's clock is two hours after the cart, so the one-hour deadline has passed
    Cxs cxs = Cxs.builder().clock(Clock.fixed(T0.plus(Duration.ofHours(2)), ZoneOffset.UTC))
        .build();
    cxs.ingest(new IdentifyEvent("i1", Optional.of("c-42"), Optional.empty(), T0,
        Map.of("email", "ann@example.com"),
        List.of(Consent.of("marketing", Channel.EMAIL, ConsentStatus.GRANTED, T0))));
    List<ActionRequest> mailer = new CopyOnWriteArrayList<>();
    CountDownLatch sent = new CountDownLatch(1);

    Orchestrator orchestrator = Orchestrator.builder(cxs)
        .rule(Rule.named("cart-abandonment")
            .when(EventPattern.touchpoint("Product Added"))
            .notFollowedBy(EventPattern.touchpoint("Order Completed"), Duration.ofHours(1))
            .then(ActionSpec.message("email", Channel.EMAIL, "marketing",
                Map.of("template", "cart-reminder", "discount", "5%")))
            .build())
        .handler(request -> mailer.add(request)) // the host's delivery
        .policy(ContactPolicy.custom().frequencyCap(2, Duration.ofDays(7)).build())
        .build();
    orchestrator.onAction(record -> sent.countDown()); // called once the record is final
    orchestrator.start(); // starts the default scheduler's thread; close() stops it

    cxs.ingest(TrackEvent.of("m1", "c-42", "Product Added", T0, Channel.WEB));
    assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
    orchestrator.close();
    assertThat(mailer).extracting(ActionRequest::id).containsExactly("cart-abandonment/m1/0");
    assertThat(orchestrator.actionLog().timeline(io.cxs.core.customer.CustomerId.of("c-42")))
        .extracting(ActionRecord::status).containsExactly(ActionStatus.SENT);
  }
}
