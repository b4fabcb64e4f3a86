package io.cxs.journey.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxs.core.Cxs;
import io.cxs.core.customer.CustomerId;
import io.cxs.core.ingest.IdentifyEvent;
import io.cxs.core.ingest.TrackEvent;
import io.cxs.core.spi.ScanDictionary;
import io.cxs.core.touchpoint.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class TimelineScanTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private final Cxs cxs = Cxs.builder().build();

  @BeforeEach
  void events() {
    // "solo" has one subject (range timeline); "c-1" has two (merged array timeline)
    cxs.ingest(TrackEvent.of("s1", "solo", "Viewed", T0, Channel.WEB)
        .withProperties(Map.of("page", "/a")));
    cxs.ingest(TrackEvent.of("s2", "solo", "Viewed", T0.plusSeconds(1), Channel.WEB));
    cxs.ingest(TrackEvent.anonymous("v1", "anon-1", "Viewed", T0, Channel.WEB)
        .withProperties(Map.of("page", "/home")));
    cxs.ingest(IdentifyEvent.link("v2", "c-1", "anon-1", T0.plusSeconds(2), Map.of()));
    cxs.ingest(TrackEvent.of("v3", "c-1", "Order Completed", T0.plusSeconds(3), Channel.WEB)
        .withProperties(Map.of("category", "shoes", "qty", 2L)));
    cxs.ingest(TrackEvent.anonymous("v4", "anon-1", "Viewed", T0.plusSeconds(4), Channel.WEB));
  }

  /** Collects each customer's properties in timeline order. */
  private static class Collector implements TimelineVisitor {
    final Map<CustomerId, List<Map<String, Object>>> seen = new HashMap<>();
    final boolean needs;
    Customers customers;

    Collector(boolean needs) {
      this.needs = needs;
    }

    @Override
    public void begin(ScanDictionary dictionary, Customers customers) {
      this.customers = customers;
    }

    @Override
    public void visit(Timeline t) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int r = 0; r < t.size(); r++) {
        rows.add(t.properties(r));
      }
      seen.put(customers.id(t.customer()), rows);
    }

    @Override
    public boolean needsProperties() {
      return needs;
    }
  }

  @Test
  void run_visitorAsksForProperties_seesThemOnSingleAndMergedTimelines() {
    Collector c = new Collector(true);
    TimelineScan.of(cxs).run(c);
    assertThat(c.seen).containsOnlyKeys(CustomerId.of("solo"), CustomerId.of("c-1"));
    assertThat(c.seen.get(CustomerId.of("solo"))).containsExactly(Map.of("page", "/a"), Map.of());
    assertThat(c.seen.get(CustomerId.of("c-1"))).containsExactly(Map.of("page", "/home"),
        Map.of("category", "shoes", "qty", 2L), Map.of());
  }

  @Test
  void run_visitorDidNotAsk_propertiesIsAnIllegalStateOnEveryTimeline() {
    List<String> failures = new ArrayList<>();
    TimelineScan.of(cxs).run(new TimelineVisitor() {
      @Override
      public void begin(ScanDictionary dictionary, Customers customers) {}

      @Override
      public void visit(Timeline t) {
        assertThatThrownBy(() -> t.properties(0)).isInstanceOf(IllegalStateException.class)
            .hasMessage("Timeline.properties(row) is available only to a visitor whose"
                + " needsProperties() returns true");
        failures.add("size " + t.size());
      }
    });
    assertThat(failures).containsExactlyInAnyOrder("size 2", "size 3");
  }

  @Test
  void properties_rowOutOfRange_isRejected() {
    List<Integer> sizes = new ArrayList<>();
    TimelineScan.of(cxs).run(new Collector(true) {
      @Override
      public void visit(Timeline t) {
        assertThatThrownBy(() -> t.properties(t.size()))
            .isInstanceOf(IndexOutOfBoundsException.class);
        sizes.add(t.size());
      }
    });
    assertThat(sizes).hasSize(2);
  }
}
