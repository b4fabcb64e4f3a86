package io.cxs.examples;

import io.cxs.core.Cxs;
import io.cxs.core.customer.Consent;
import io.cxs.core.customer.ConsentStatus;
import io.cxs.core.customer.CustomerId;
import io.cxs.core.ingest.FeedbackEvent;
import io.cxs.core.ingest.IdentifyEvent;
import io.cxs.core.ingest.TrackEvent;
import io.cxs.core.touchpoint.Channel;
import io.cxs.journey.action.ActionSpec;
import io.cxs.journey.action.ClosedLoop;
import io.cxs.journey.action.ClosedLoopReport;
import io.cxs.journey.action.Condition;
import io.cxs.journey.action.ContactPolicy;
import io.cxs.journey.action.EventPattern;
import io.cxs.journey.action.FollowUpCase;
import io.cxs.journey.action.ManualScheduler;
import io.cxs.journey.action.Orchestrator;
import io.cxs.journey.action.Rule;
import io.cxs.journey.action.Scheduler;
import io.cxs.journey.personalize.ActionCandidate;
import io.cxs.journey.personalize.CoOccurrenceRecommender;
import io.cxs.journey.personalize.NextBestAction;
import io.cxs.journey.personalize.RankedAction;
import io.cxs.journey.personalize.Recommendation;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Acting on the experience, end to end, on a virtual clock: a cart-abandonment reminder (sent to
 * one customer, cancelled by a purchase for another, suppressed for lack of consent for a third),
 * a detractor who gets a follow-up case, is called back and re-surveyed, the closed-loop report,
 * the next best action for the agent, and recommendations.
 *
 * <p>Run it with {@code java -cp cxs.jar io.cxs.examples.ActionsExample}, or call
 * {@link #run(PrintStream)}.
 */
public final class ActionsExample {
  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  private ActionsExample() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  /**
   * Runs the example, printing what happens.
   *
   * @param out where to print
   */
  public static void run(PrintStream out) {
    ManualScheduler clock = Scheduler.manual(T0.minus(Duration.ofDays(1)));
    try (Cxs cxs = Cxs.builder().clock(clock.clock()).build()) {
      Rule cart = Rule.named("cart-abandonment")
          .when(EventPattern.touchpoint("Product Added"))
          .notFollowedBy(EventPattern.touchpoint("Order Completed"), Duration.ofHours(1))
          .then(ActionSpec.message("email", Channel.EMAIL, "marketing",
              Map.of("template", "cart-reminder", "discount", "5%")))
          .build();
      Rule resurvey = Rule.named("resurvey").manual().delay(Duration.ofDays(7))
          .then(ActionSpec.message("survey", Channel.EMAIL, "service", Map.of("survey", "nps")))
          .build();
      Orchestrator orchestrator = Orchestrator.builder(cxs).rule(cart).rule(resurvey)
          .scheduler(clock)
          .policy(ContactPolicy.custom().frequencyCap(2, Duration.ofDays(7)).build())
          .handler(r -> out.printf(Locale.ROOT, "%s  deliver %-6s to %s %s%n", clock.now(),
              r.action().type(), r.customer().trait("email").orElse(r.customer().id()),
              r.action().params()))
          .build();
      orchestrator.onAction(r -> out.printf(Locale.ROOT, "%s  %-10s %s for %s%s%n", r.at(),
          r.status().code(), r.ruleId(), r.customer(),
          r.detail().map(d -> " (" + d + ")").orElse("")));
      orchestrator.start();
      ClosedLoop loop = ClosedLoop.builder(cxs).owner(f -> "agent-ann")
          .dueWithin(Duration.ofHours(48)).resurvey(orchestrator, "resurvey").build().start();
      loop.onOpen(c -> out.printf(Locale.ROOT, "%s  opened %s for %s: %s, owner %s, due %s%n",
          c.openedAt(), c.id(), c.customer(), c.reason(), c.owner(), c.dueAt()));
      CoOccurrenceRecommender recommender = CoOccurrenceRecommender.builder(cxs).build().start();

      out.println("== customers and consent");
      identify(cxs, "c-1", "ann@example.com", true);
      identify(cxs, "c-2", "bob@example.com", true);
      identify(cxs, "c-3", "cy@example.com", false);
      purchase(cxs, "p1", "c-9", T0.minus(Duration.ofHours(20)), "tent", "stove");
      purchase(cxs, "p2", "c-8", T0.minus(Duration.ofHours(19)), "tent", "lamp");
      purchase(cxs, "p3", "c-7", T0.minus(Duration.ofHours(18)), "mug");
      purchase(cxs, "p4", "c-6", T0.minus(Duration.ofHours(17)), "mug");

      out.println("== cart abandonment: added to cart, no purchase within an hour");
      clock.advanceTo(T0);
      track(cxs, "m1", "c-1", "Product Added", T0, "tent");
      track(cxs, "m2", "c-2", "Product Added", T0.plus(Duration.ofMinutes(5)), "tent");
      track(cxs, "m3", "c-3", "Product Added", T0.plus(Duration.ofMinutes(10)), "mug");
      clock.advance(Duration.ofMinutes(20));
      purchase(cxs, "m4", "c-2", clock.now(), "tent");
      clock.advance(Duration.ofHours(2));

      out.println("== detractor follow-up: NPS 4, a case, a call back, a re-survey");
      cxs.ingest(FeedbackEvent.survey("m5", "c-2", clock.now(), "nps", 4)
          .withComment("Delivery took two weeks"));
      clock.advance(Duration.ofHours(3));
      FollowUpCase closed = loop.close("case-m5", "called back, refunded shipping");
      out.printf(Locale.ROOT, "%s  closed %s after %s: %s%n", clock.now(), closed.id(),
          closed.timeToClose().orElseThrow(), closed.resolution().orElseThrow());
      clock.advance(Duration.ofDays(7));
      cxs.ingest(FeedbackEvent.survey("m6", "c-2", clock.now(), "nps", 9));
      ClosedLoopReport report = loop.report();
      out.printf(Locale.ROOT, "closed loop: %d opened, %d closed, closure rate %.0f%%, median "
          + "time to close %s, followed-up detractors recovered %d of %d re-surveyed%n",
          report.opened(), report.closed(), 100 * report.closureRate().orElse(0),
          report.medianTimeToClose().map(Duration::toString).orElse("-"),
          report.followedUp().recovered(), report.followedUp().rescored());

      out.println("== next best action for the agent talking to c-1");
      NextBestAction nba = NextBestAction.builder(cxs)
          .candidate(ActionCandidate.of("retention-call", ActionSpec.internal("call", Map.of()),
              50, Condition.lastScore("nps", 0, 6)))
          .candidate(ActionCandidate.of("accessory-offer",
              ActionSpec.message("email", Channel.EMAIL, "marketing", Map.of()), 20))
          .candidate(ActionCandidate.of("sms-coupon",
              ActionSpec.message("sms", Channel.SMS, "marketing", Map.of()), 30))
          .sharing(orchestrator).clock(clock.clock()).build();
      for (RankedAction a : nba.rank(CustomerId.of("c-1"))) {
        out.printf(Locale.ROOT, "  %d. %-16s %s%n", a.rank(), a.candidate().name(), a.reason());
      }

      out.println("== recommendations");
      for (String c : List.of("c-2", "c-3")) {
        for (Recommendation r : recommender.recommend(CustomerId.of(c), 2)) {
          out.printf(Locale.ROOT, "  %s: %-6s %s%n", c, r.sku(), r.reason());
        }
      }
      orchestrator.close();
    }
  }

  private static void identify(Cxs cxs, String id, String email, boolean consent) {
    cxs.ingest(new IdentifyEvent("i-" + id, Optional.of(id), Optional.empty(),
        T0.minus(Duration.ofDays(1)), Map.of("email", email), consent
            ? List.of(Consent.of("marketing", Channel.EMAIL, ConsentStatus.GRANTED,
                T0.minus(Duration.ofDays(1))),
                Consent.of("service", ConsentStatus.GRANTED, T0.minus(Duration.ofDays(1))))
            : List.of()));
  }

  private static void track(Cxs cxs, String id, String user, String event, Instant at,
      String sku) {
    cxs.ingest(TrackEvent.of(id, user, event, at, Channel.WEB).withProperties(Map.of("sku", sku)));
  }

  private static void purchase(Cxs cxs, String id, String user, Instant at, String... skus) {
    List<Map<String, String>> products = new java.util.ArrayList<>();
    for (String s : skus) {
      products.add(Map.of("sku", s));
    }
    cxs.ingest(TrackEvent.of(id, user, "Order Completed", at, Channel.WEB)
        .withProperties(Map.of("products", products)));
  }
}
