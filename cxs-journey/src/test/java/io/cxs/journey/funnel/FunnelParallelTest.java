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
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A parallel run cuts the store into ranges counted apart; its report must equal the one-thread
 * report. The data is large enough (about 100,000 events) to be cut, and a third of the
 * customers arrive anonymously and identify later, so some rows are merged after the ranges.
 */
final class FunnelParallelTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final String[] NAMES = {"View", "Add", "Checkout", "Buy", "Search"};
  private static Cxs cxs;
  private static ExecutorService pool;

  @BeforeAll
  static void load() {
    cxs = Cxs.builder().build();
    Random rnd = new Random(7);
    int id = 0;
    for (int c = 0; c < 10_000; c++) {
      boolean anonymousFirst = c % 3 == 0;
      long t = T0.toEpochMilli() + rnd.nextInt(30) * 86_400_000L;
      int events = 1 + rnd.nextInt(20);
      for (int e = 0; e < events; e++) {
        t += rnd.nextInt(3 * 86_400) * 1000L;
        String name = NAMES[rnd.nextInt(NAMES.length)];
        Instant at = Instant.ofEpochMilli(t);
        TrackEvent event = anonymousFirst && e < events / 2
            ? TrackEvent.anonymous("e" + id++, "a" + c, name, at, Channel.WEB)
            : TrackEvent.of("e" + id++, "u" + c, name, at, c % 2 == 0 ? Channel.WEB
                : Channel.MOBILE_APP);
        cxs.ingest(rnd.nextBoolean() ? event : event.withProperties(Map.of("size", e % 3)));
      }
      if (anonymousFirst) {
        cxs.ingest(IdentifyEvent.link("i" + c, "u" + c, "a" + c, T0, Map.of()));
      }
    }
    pool = Executors.newFixedThreadPool(3);
  }

  @AfterAll
  static void close() {
    pool.shutdownNow();
  }

  private static Funnel.Builder funnel() {
    return Funnel.builder().step("View").step("Add").step(FunnelStep.of("Checkout").asOptional())
        .step("Buy").window(Duration.ofDays(7)).breakdown(Breakdown.firstChannel());
  }

  @Test
  void run_parallel_equalsOneThread() {
    FunnelReport one = funnel().build().run(cxs);
    assertThat(one.customers()).isGreaterThan(9_000);
    for (int threads : new int[] {2, 3, 4}) {
      FunnelReport many = funnel().parallelism(threads).executor(pool).build().run(cxs);
      assertSameReport(many, one);
    }
  }

  /** Counts, times, segments and dropped customers agree (dropped ones in any order). */
  private static void assertSameReport(FunnelReport many, FunnelReport one) {
    assertThat(many.customers()).isEqualTo(one.customers());
    assertThat(many.steps()).isEqualTo(one.steps());
    assertThat(many.medianSecondsToConvert()).isEqualTo(one.medianSecondsToConvert());
    assertThat(many.segments()).isEqualTo(one.segments());
    for (int s = 1; s < one.steps().size(); s++) {
      assertThat(many.droppedAt(s)).containsExactlyInAnyOrderElementsOf(one.droppedAt(s));
    }
  }

  private static Funnel.Builder commonFunnel() {
    return Funnel.builder().step("View").step("Add").step("Buy").window(Duration.ofDays(7))
        .breakdown(Breakdown.firstChannel());
  }

  /**
   * The common funnel (required steps by name) runs straight over the store's arrays, a range of
   * customers per thread; the anonymous-then-identified customers come afterwards.
   */
  @Test
  void run_parallelCommonFunnel_equalsOneThread() {
    FunnelReport one = commonFunnel().build().run(cxs);
    assertThat(one.steps().get(2).count()).isPositive();
    for (int threads : new int[] {2, 3}) {
      FunnelReport many = commonFunnel().parallelism(threads).executor(pool).build().run(cxs);
      assertSameReport(many, one);
    }
  }

  @Test
  void run_parallelWithPropertyConditions_equalsOneThread() {
    Funnel.Builder b = Funnel.builder().step("View")
        .step(FunnelStep.of("Add size 1", EventPredicate.of("Add").withProperty("size", 1)))
        .step("Buy").window(Duration.ofDays(7))
        .exclude(EventPredicate.of("Search").withProperty("size", 2));
    FunnelReport one = b.build().run(cxs);
    assertThat(one.steps().get(1).count()).isPositive();
    FunnelReport three = Funnel.builder().step("View")
        .step(FunnelStep.of("Add size 1", EventPredicate.of("Add").withProperty("size", 1)))
        .step("Buy").window(Duration.ofDays(7))
        .exclude(EventPredicate.of("Search").withProperty("size", 2))
        .parallelism(3).executor(pool).build().run(cxs);
    assertThat(three.steps()).isEqualTo(one.steps());
  }

  @Test
  void run_parallelOnTheCommonPool_equalsOneThread() {
    FunnelReport one = funnel().build().run(cxs);
    FunnelReport two = funnel().parallelism(2).build().run(cxs);
    assertThat(two.steps()).isEqualTo(one.steps());
  }

  @Test
  void run_failingVisitorOnAnotherThread_propagates() {
    AtomicInteger made = new AtomicInteger();
    io.cxs.journey.timeline.TimelineScan scan = io.cxs.journey.timeline.TimelineScan.of(cxs);
    assertThatThrownBy(() -> scan.runParallel(2, pool, () -> {
      boolean second = made.getAndIncrement() == 1;
      return new io.cxs.journey.timeline.TimelineVisitor() {
        @Override
        public void begin(io.cxs.core.spi.ScanDictionary d,
            io.cxs.journey.timeline.Customers c) {}

        @Override
        public void visit(io.cxs.journey.timeline.Timeline t) {
          if (second) {
            throw new IllegalStateException("boom in the second range");
          }
        }
      };
    })).isInstanceOf(IllegalStateException.class).hasMessage("boom in the second range");
  }

  @Test
  void runParallel_visitsEveryCustomerOnce() {
    AtomicInteger visits = new AtomicInteger();
    java.util.Set<Integer> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    io.cxs.journey.timeline.Customers customers = io.cxs.journey.timeline.TimelineScan.of(cxs)
        .runParallel(3, pool, () -> new io.cxs.journey.timeline.TimelineVisitor() {
          @Override
          public void begin(io.cxs.core.spi.ScanDictionary d,
              io.cxs.journey.timeline.Customers c) {}

          @Override
          public void visit(io.cxs.journey.timeline.Timeline t) {
            visits.incrementAndGet();
            assertThat(seen.add(t.customer())).isTrue();
            for (int r = 1; r < t.size(); r++) {
              assertThat(t.epochMillis(r)).isGreaterThanOrEqualTo(t.epochMillis(r - 1));
            }
          }
        });
    assertThat(visits.get()).isEqualTo(customers.size()).isEqualTo(10_000);
    assertThat(customers.ordinal(CustomerId.of("u0"))).isPresent();
  }

  @Test
  void parallelism_outOfRange_isRejectedWithTheValue() {
    assertThatThrownBy(() -> Funnel.builder().parallelism(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parallelism must be in [1, 256] but was 0");
    assertThatThrownBy(() -> funnel().parallelism(2).parallelism(3))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("parallelism was already set to 2");
  }
}
