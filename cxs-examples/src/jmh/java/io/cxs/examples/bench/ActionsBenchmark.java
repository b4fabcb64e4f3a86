package io.cxs.examples.bench;

import io.cxs.core.Cxs;
import io.cxs.core.customer.Consent;
import io.cxs.core.customer.ConsentStatus;
import io.cxs.core.ingest.Event;
import io.cxs.core.ingest.FeedbackEvent;
import io.cxs.core.ingest.IdentifyEvent;
import io.cxs.core.ingest.TrackEvent;
import io.cxs.core.touchpoint.Channel;
import io.cxs.journey.action.ActionSpec;
import io.cxs.journey.action.EventPattern;
import io.cxs.journey.action.ManualScheduler;
import io.cxs.journey.action.Orchestrator;
import io.cxs.journey.action.Rule;
import io.cxs.journey.action.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What rules cost on ingestion: the same event stream ingested into an engine without rules
 * (the reference), with an orchestrator of three rules (timers only: the work on the ingesting
 * thread), and with the timers run to completion (all work, including consent, cap and
 * delivery to a no-op handler). Each invocation builds a fresh engine and ingests every event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ActionsBenchmark {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  @Param({"20000"})
  int events;

  private List<Event> stream;

  @Setup
  public void setup() {
    Random r = new Random(7);
    int customers = events / 10;
    stream = new ArrayList<>(events + customers);
    for (int c = 0; c < customers; c++) {
      stream.add(new IdentifyEvent("i" + c, Optional.of("c" + c), Optional.empty(), T0,
          Map.of("email", "c" + c + "@example.com"),
          r.nextBoolean() ? List.of(Consent.of("marketing", Channel.EMAIL,
              ConsentStatus.GRANTED, T0)) : List.of()));
    }
    String[] names = {"Product Viewed", "Product Added", "Order Completed", "Page Viewed"};
    for (int i = 0; i < events; i++) {
      Instant at = T0.plusSeconds(60L + i * 5L);
      String user = "c" + r.nextInt(customers);
      if (i % 20 == 0) {
        stream.add(FeedbackEvent.survey("f" + i, user, at, "nps", r.nextInt(11)));
      } else {
        stream.add(TrackEvent.of("t" + i, user, names[r.nextInt(names.length)], at,
            Channel.WEB));
      }
    }
  }

  private static List<Rule> rules() {
    return List.of(
        Rule.named("cart").when(EventPattern.touchpoint("Product Added"))
            .notFollowedBy(EventPattern.touchpoint("Order Completed"), Duration.ofHours(1))
            .then(ActionSpec.message("email", Channel.EMAIL, "marketing", Map.of())).build(),
        Rule.named("detractor").when(EventPattern.score("nps", 0, 6))
            .then(ActionSpec.internal("open_case", Map.of())).build(),
        Rule.named("ask").when(EventPattern.touchpoint("Order Completed"))
            .delay(Duration.ofDays(1))
            .then(ActionSpec.message("survey", Channel.EMAIL, "service", Map.of())).build());
  }

  /** Reference: ingestion alone. */
  @Benchmark
  public long ingestOnly() {
    Cxs cxs = Cxs.builder().clock(Scheduler.manual(T0).clock()).build();
    long n = 0;
    for (Event e : stream) {
      n += cxs.ingest(e).ordinal();
    }
    return n;
  }

  /** Ingestion with three rules: what the ingesting thread pays (timers are only scheduled). */
  @Benchmark
  public int ingestWithRules() {
    ManualScheduler s = Scheduler.manual(T0);
    Cxs cxs = Cxs.builder().clock(s.clock()).build();
    Orchestrator.builder(cxs).rules(rules()).scheduler(s).handler(r -> { }).build().start();
    for (Event e : stream) {
      cxs.ingest(e);
    }
    return s.pending();
  }

  /** Ingestion with three rules and every timer run: the whole work. */
  @Benchmark
  public int ingestAndRunRules() {
    ManualScheduler s = Scheduler.manual(T0);
    Cxs cxs = Cxs.builder().clock(s.clock()).build();
    Orchestrator o = Orchestrator.builder(cxs).rules(rules()).scheduler(s).handler(r -> { })
        .build().start();
    for (Event e : stream) {
      cxs.ingest(e);
    }
    s.drain(Integer.MAX_VALUE);
    return o.actionLog().all().size();
  }
}
