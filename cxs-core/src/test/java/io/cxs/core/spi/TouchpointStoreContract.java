package io.cxs.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxs.core.customer.Identity;
import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.JourneyStage;
import io.cxs.core.touchpoint.Money;
import io.cxs.core.touchpoint.Touchpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link TouchpointStore} must have. A store implementation's test extends
 * this class and supplies a new, empty store.
 */
public abstract class TouchpointStoreContract {
  protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  protected static final Identity ANN = Identity.userId("ann");
  protected static final Identity BOB = Identity.userId("bob");
  protected static final Identity VISITOR = Identity.anonymousId("a-9");

  protected TouchpointStore store;

  /** @return a new, empty store */
  protected abstract TouchpointStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  protected static Touchpoint tp(String id, Identity who, String name, long minutes) {
    return Touchpoint.of(id, who, Channel.WEB, name, T0.plusSeconds(60 * minutes));
  }

  @Test
  @DisplayName("a stored touchpoint is found by its event id with every field intact")
  void add_thenFind_returnsEqualTouchpoint() {
    Touchpoint t = new Touchpoint("e1", ANN, Channel.MOBILE_APP, "Order Completed", T0,
        java.util.Optional.of(JourneyStage.PURCHASE),
        Map.of("sku", "X1", "qty", 2L, "tags", List.of("a", "b")),
        java.util.Optional.of(Money.of("19.99", "EUR")));
    assertThat(store.add(t)).isTrue();
    assertThat(store.find("e1")).contains(t);
    assertThat(store.contains("e1")).isTrue();
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  @DisplayName("adding the same event id twice stores it once")
  void add_duplicateEventId_isRejected() {
    assertThat(store.add(tp("e1", ANN, "A", 0))).isTrue();
    assertThat(store.add(tp("e1", BOB, "B", 5))).isFalse();
    assertThat(store.count()).isEqualTo(1);
    assertThat(store.find("e1").orElseThrow().subject()).isEqualTo(ANN);
  }

  @Test
  @DisplayName("addAll stores each new event id once and counts what it stored")
  void addAll_skipsDuplicates() {
    store.add(tp("e1", ANN, "A", 0));
    int added = store.addAll(List.of(tp("e1", ANN, "A", 0), tp("e2", ANN, "B", 1),
        tp("e2", ANN, "B", 1), tp("e3", BOB, "C", 2)));
    assertThat(added).isEqualTo(2);
    assertThat(store.count()).isEqualTo(3);
  }

  @Test
  @DisplayName("an unknown event id or subject finds nothing")
  void find_unknown_isEmpty() {
    assertThat(store.find("nope")).isEmpty();
    assertThat(store.contains("nope")).isFalse();
    assertThat(store.timeline(ANN)).isEmpty();
  }

  @Test
  @DisplayName("a subject's timeline is in time order whatever the arrival order, ties by event id")
  void timeline_isTimeOrdered() {
    store.add(tp("e3", ANN, "C", 30));
    store.add(tp("e1", ANN, "A", 10));
    store.add(tp("x1", BOB, "X", 15));
    store.add(tp("e2b", ANN, "B2", 20));
    store.add(tp("e2a", ANN, "B1", 20));
    assertThat(store.timeline(ANN)).extracting(Touchpoint::eventId)
        .containsExactly("e1", "e2a", "e2b", "e3");
    assertThat(store.timeline(BOB)).extracting(Touchpoint::eventId).containsExactly("x1");
  }

  @Test
  @DisplayName("delete removes every touchpoint of one subject and nothing else")
  void delete_removesOnlyThatSubject() {
    store.add(tp("e1", ANN, "A", 0));
    store.add(tp("e2", VISITOR, "B", 1));
    store.add(tp("e3", ANN, "C", 2));
    assertThat(store.delete(ANN)).isEqualTo(2);
    assertThat(store.timeline(ANN)).isEmpty();
    assertThat(store.find("e1")).isEmpty();
    assertThat(store.find("e2")).isPresent();
    assertThat(store.count()).isEqualTo(1);
    assertThat(store.delete(ANN)).isZero();
  }

  @Test
  @DisplayName("a deleted event id can be stored again")
  void delete_thenAddSameId_isStored() {
    store.add(tp("e1", ANN, "A", 0));
    store.delete(ANN);
    assertThat(store.add(tp("e1", BOB, "A", 0))).isTrue();
    assertThat(store.timeline(BOB)).hasSize(1);
  }

  @Test
  @DisplayName("a scan sees every touchpoint once, grouped by subject, in time order within one")
  void scan_groupsBySubjectInTimeOrder() {
    Random random = new Random(42);
    List<Identity> subjects = List.of(ANN, BOB, VISITOR, Identity.userId("cy"));
    List<Touchpoint> all = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      Touchpoint t = tp("e" + i, subjects.get(random.nextInt(subjects.size())),
          "N" + random.nextInt(5), random.nextInt(10_000));
      all.add(t);
      store.add(t);
    }
    List<String> seen = new ArrayList<>();
    store.scan(batch -> {
      ScanDictionary d = batch.dictionary();
      List<Identity> finished = new ArrayList<>();
      Identity current = null;
      long last = Long.MIN_VALUE;
      for (int r = 0; r < batch.size(); r++) {
        Identity s = d.subject(batch.subject(r));
        if (!s.equals(current)) {
          assertThat(finished).as("subject %s seen in two runs", s).doesNotContain(s);
          if (current != null) {
            finished.add(current);
          }
          current = s;
          last = Long.MIN_VALUE;
        }
        assertThat(batch.epochMillis(r)).isGreaterThanOrEqualTo(last);
        last = batch.epochMillis(r);
        seen.add(s + "|" + d.name(batch.name(r)) + "|" + batch.epochMillis(r) + "|"
            + d.channel(batch.channel(r)));
      }
    });
    List<String> expected = new ArrayList<>();
    for (Touchpoint t : all) {
      expected.add(t.subject() + "|" + t.name() + "|" + t.timestamp().toEpochMilli() + "|"
          + t.channel());
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  @DisplayName("a scan past several batches decodes every row, with subjects, names and channels"
      + " that first appear in late batches; a complete dictionary covers them all at once")
  void scan_pastSeveralBatches_decodesLateCodes() {
    List<Touchpoint> all = new ArrayList<>();
    int n = rowsPastSeveralBatches();
    for (int i = 0; i < n; i++) {
      // subjects sort in insertion order, and the last ones bring names and channels of their own
      boolean late = i >= n - 20;
      all.add(Touchpoint.of("e" + i, Identity.userId(String.format("s%06d", i / 3)),
          late ? new Channel("late-" + i % 2) : Channel.WEB, late ? "Late " + i : "N" + i % 4,
          T0.plusSeconds(i)));
    }
    store.addAll(all);
    List<String> seen = new ArrayList<>();
    ScanDictionary[] first = new ScanDictionary[1];
    int[] firstCounts = new int[3];
    int[] batches = {0};
    store.scan(batch -> {
      ScanDictionary d = batch.dictionary();
      if (batches[0]++ == 0) {
        first[0] = d;
        firstCounts[0] = d.subjectCount();
        firstCounts[1] = d.nameCount();
        firstCounts[2] = d.channelCount();
      }
      for (int r = 0; r < batch.size(); r++) {
        assertThat(batch.subject(r)).isLessThan(d.subjectCount());
        assertThat(batch.name(r)).isLessThan(d.nameCount());
        assertThat(batch.channel(r)).isLessThan(d.channelCount());
        if (first[0].complete()) {
          assertThat(batch.subject(r)).isLessThan(firstCounts[0]);
          assertThat(batch.name(r)).isLessThan(firstCounts[1]);
          assertThat(batch.channel(r)).isLessThan(firstCounts[2]);
        }
        seen.add(d.subject(batch.subject(r)) + "|" + d.name(batch.name(r)) + "|"
            + batch.epochMillis(r) + "|" + d.channel(batch.channel(r)));
      }
    });
    List<String> expected = new ArrayList<>();
    for (Touchpoint t : all) {
      expected.add(t.subject() + "|" + t.name() + "|" + t.timestamp().toEpochMilli() + "|"
          + t.channel());
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(first[0].complete()).isEqualTo(dictionaryComplete());
  }

  /** @return rows enough for this store's scan to cut several batches (JDBC: 4,096 a batch) */
  protected int rowsPastSeveralBatches() {
    return 3 * 4096 + 100;
  }

  /**
   * @return true if this store promises a {@linkplain ScanDictionary#complete() complete}
   *     dictionary from a scan's first batch on (the in-memory and JDBC stores do)
   */
  protected boolean dictionaryComplete() {
    return true;
  }

  @Test
  @DisplayName("subjectRunEnd gives the end of each subject's run, also after a delete")
  void scan_subjectRunEnd_endsEachRun() {
    Random random = new Random(11);
    List<Identity> subjects = List.of(ANN, BOB, VISITOR, Identity.userId("cy"),
        Identity.userId("dee"));
    for (int i = 0; i < 400; i++) {
      store.add(tp("e" + i, subjects.get(random.nextInt(subjects.size())), "N", random.nextInt(1000)));
    }
    store.scan(batch -> { });
    store.delete(BOB);
    for (int i = 400; i < 600; i++) {
      store.add(tp("e" + i, subjects.get(random.nextInt(subjects.size())), "N", random.nextInt(1000)));
    }
    int[] rows = {0};
    store.scan(batch -> {
      for (int r = 0; r < batch.size(); r++) {
        int end = r + 1;
        while (end < batch.size() && batch.subject(end) == batch.subject(r)) {
          end++;
        }
        assertThat(batch.subjectRunEnd(r)).as("run end of row %s", r).isEqualTo(end);
      }
      rows[0] += batch.size();
    });
    assertThat(rows[0]).isEqualTo(store.count());
  }

  @Test
  @DisplayName("a scan reports amount, stage and channel of each row")
  void scan_exposesColumns() {
    store.add(tp("e1", ANN, "Viewed", 0));
    store.add(tp("e2", ANN, "Order Completed", 1).withValue(Money.of("12.50", "USD"))
        .withStage(JourneyStage.PURCHASE));
    List<String> rows = new ArrayList<>();
    store.scan(b -> {
      for (int r = 0; r < b.size(); r++) {
        rows.add(b.dictionary().name(b.name(r)) + "," + b.amount(r) + "," + b.stage(r));
      }
    });
    assertThat(rows).containsExactly("Viewed,NaN," + TouchpointBatch.NO_STAGE,
        "Order Completed,12.5," + JourneyStage.PURCHASE.ordinal());
  }

  @Test
  @DisplayName("a scan reports each row's properties equal to the stored ones, empty when none")
  void scan_exposesProperties() {
    Map<String, Object> nested = Map.of("size", 42L, "colors", List.of("red", "blue"));
    store.add(tp("e1", ANN, "Viewed", 0));
    store.add(tp("e2", ANN, "Order Completed", 5).withProperties(Map.of("category", "shoes",
        "qty", 2L, "gift", true, "price", 19.5, "item", nested)));
    store.add(tp("e3", ANN, "Order Completed", 9).withValue(Money.of("12.50", "USD")));
    store.add(tp("e4", VISITOR, "Viewed", 3).withProperties(Map.of("page", "/home")));
    store.add(tp("e5", BOB, "Viewed", 1));
    // a scan in between, then earlier rows: the in-memory store merges its tail into the base
    store.scan(b -> { });
    store.add(tp("e0", ANN, "Added", -5).withProperties(Map.of("category", "bags")));
    store.add(tp("e6", BOB, "Viewed", 2).withProperties(Map.of("page", "/sale"))
        .withValue(Money.of("3", "EUR")));
    Map<Identity, List<Map<String, Object>>> scanned = new java.util.HashMap<>();
    store.scan(b -> {
      for (int r = 0; r < b.size(); r++) {
        scanned.computeIfAbsent(b.dictionary().subject(b.subject(r)), k -> new ArrayList<>())
            .add(b.properties(r));
      }
    });
    Map<Identity, List<Map<String, Object>>> stored = new java.util.HashMap<>();
    for (Identity who : List.of(ANN, BOB, VISITOR)) {
      stored.put(who, store.timeline(who).stream().map(Touchpoint::properties).toList());
    }
    assertThat(scanned).isEqualTo(stored);
    assertThat(scanned.get(ANN)).containsExactly(Map.of("category", "bags"), Map.of(),
        Map.of("category", "shoes", "qty", 2L, "gift", true, "price", 19.5, "item", nested),
        Map.of());
    assertThat(scanned.get(BOB)).containsExactly(Map.of(), Map.of("page", "/sale"));
  }

  @Test
  @DisplayName("scanned properties are unmodifiable")
  void scan_propertiesAreUnmodifiable() {
    store.add(tp("e1", ANN, "Viewed", 0).withProperties(Map.of("page", "/home")));
    store.add(tp("e2", ANN, "Viewed", 1));
    List<Map<String, Object>> seen = new ArrayList<>();
    store.scan(b -> {
      for (int r = 0; r < b.size(); r++) {
        seen.add(b.properties(r));
      }
    });
    assertThat(seen).hasSize(2);
    for (Map<String, Object> m : seen) {
      assertThatThrownBy(() -> m.put("x", "y"))
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  /**
   * The number of touchpoints {@code add_manyRandom_timelinesAndScanAgree} adds one by one. The
   * default, 70,000, is enough to exercise the in-memory store's tail merge; a database store,
   * where each add is a round trip, may use fewer.
   */
  protected int manyRandomRows() {
    return 70_000;
  }

  @Test
  @DisplayName("many touchpoints in random order keep every timeline in time order")
  void add_manyRandom_timelinesAndScanAgree() {
    Random random = new Random(7);
    int n = manyRandomRows();
    for (int i = 0; i < n; i++) {
      store.add(tp("e" + i, Identity.userId("u" + random.nextInt(3000)), "N", random.nextInt(100_000)));
    }
    assertThat(store.count()).isEqualTo(n);
    List<Touchpoint> t = store.timeline(Identity.userId("u17"));
    for (int i = 1; i < t.size(); i++) {
      assertThat(t.get(i).timestamp()).isAfterOrEqualTo(t.get(i - 1).timestamp());
    }
    long[] rows = {0};
    store.scan(b -> rows[0] += b.size());
    assertThat(rows[0]).isEqualTo(n);
    assertThat(store.find("e" + (n - 1))).isPresent();
    assertThat(store.add(tp("e5", ANN, "dup", 0))).isFalse();
  }

  @Test
  @DisplayName("an empty store scans nothing")
  void scan_emptyStore_visitsNoRows() {
    int[] rows = {0};
    store.scan(b -> rows[0] += b.size());
    assertThat(rows[0]).isZero();
  }

  @Test
  @DisplayName("writes after a scan are seen by the next scan and by timelines")
  void scan_interleavedWithWrites() {
    store.add(tp("e1", ANN, "A", 10));
    store.scan(b -> { });
    store.add(tp("e0", ANN, "Z", 5));
    store.add(tp("e2", ANN, "B", 20));
    assertThat(store.timeline(ANN)).extracting(Touchpoint::eventId)
        .containsExactly("e0", "e1", "e2");
    List<String> names = new ArrayList<>();
    store.scan(b -> {
      for (int r = 0; r < b.size(); r++) {
        names.add(b.dictionary().name(b.name(r)));
      }
    });
    assertThat(names).containsExactly("Z", "A", "B");
  }

  @Test
  @DisplayName("concurrent writers lose nothing and duplicate nothing")
  void add_concurrently_keepsEveryEventOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int w = 0; w < 4; w++) {
      pool.submit(() -> {
        for (int i = 0; i < 2000; i++) {
          store.add(tp("e" + i, Identity.userId("u" + (i % 37)), "N", i));
        }
      });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    assertThat(store.count()).isEqualTo(2000);
    long[] scanned = {0};
    store.scan(b -> scanned[0] += b.size());
    assertThat(scanned[0]).isEqualTo(2000);
  }

  @Test
  @DisplayName("null arguments are rejected with the argument's name")
  void nullArguments_areRejected() {
    assertThatThrownBy(() -> store.add(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.find(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store.timeline(null)).isInstanceOf(NullPointerException.class);
  }
}
