package io.cxs.journey.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxs.core.Cxs;
import io.cxs.core.ingest.Event;
import io.cxs.core.ingest.IdentifyEvent;
import io.cxs.core.ingest.TrackEvent;
import io.cxs.core.jdbc.JdbcStores;
import io.cxs.core.jdbc.TestDatabases;
import io.cxs.core.touchpoint.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: 200,000 events ingested through 8 threads into H2 gave a funnel of 2048 / 0 / 0
 * instead of 20,000 at each step, because the JDBC scan's dictionary only held the subjects of
 * its first batch. Smaller here, but past several 4,096-row batches, with visitors who browse
 * anonymously and identify later.
 */
final class Issue13ConcurrentIngestTest {
  private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
  private static final int CUSTOMERS = 2_500;

  @Test
  void funnel_afterEightThreadsIngestIntoH2_countsEveryCustomer() throws Exception {
    List<Event> events = new ArrayList<>();
    for (int c = 0; c < CUSTOMERS; c++) {
      Instant at = T0.plusSeconds(c);
      events.add(TrackEvent.anonymous("v" + c, "a" + c, "Product Viewed", at, Channel.WEB));
      events.add(IdentifyEvent.link("i" + c, "u" + c, "a" + c, at.plusSeconds(60), Map.of()));
      events.add(TrackEvent.of("p" + c, "u" + c, "Product Added", at.plusSeconds(120),
          Channel.WEB));
      events.add(TrackEvent.of("o" + c, "u" + c, "Order Completed", at.plusSeconds(180),
          Channel.MOBILE_APP));
    }
    Collections.shuffle(events, new Random(13));
    JdbcStores stores = JdbcStores.builder(TestDatabases.h2())
        .tenant(TestDatabases.uniqueTenant()).build();
    Cxs h2 = Cxs.builder().customerStore(stores.customers()).touchpointStore(stores.touchpoints())
        .feedbackStore(stores.feedback()).build();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int slice = t;
        done.add(pool.submit(() -> {
          for (int i = slice; i < events.size(); i += 8) {
            h2.ingest(events.get(i));
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    Cxs memory = Cxs.builder().build();
    events.forEach(memory::ingest);

    Funnel funnel = Funnel.builder().step("Product Viewed").step("Product Added")
        .step("Order Completed").window(Duration.ofDays(1)).build();
    FunnelReport fromH2 = funnel.run(h2);
    assertThat(fromH2.steps()).extracting(FunnelStepResult::count)
        .containsExactly((long) CUSTOMERS, (long) CUSTOMERS, (long) CUSTOMERS);
    assertThat(fromH2.steps()).isEqualTo(funnel.run(memory).steps());
    assertThat(h2.customers().count()).isEqualTo(CUSTOMERS);
  }
}
