package io.cxs.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxs.core.customer.Identity;
import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.JourneyStage;
import io.cxs.core.touchpoint.Money;
import io.cxs.core.touchpoint.Touchpoint;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class InMemoryTouchpointStoreTest extends TouchpointStoreContract {
  @Override
  protected TouchpointStore newStore() {
    return TouchpointStore.inMemory();
  }

  private static Touchpoint touchpoint(String id, String subject, String name, long millis) {
    return new Touchpoint(id, Identity.userId(subject), Channel.WEB, name,
        Instant.ofEpochMilli(millis), Optional.empty(), Map.of(), Optional.empty());
  }

  @Test
  void add_moreThan65536DistinctNames_keepsEveryNameCode() {
    TouchpointStore store = newStore();
    int n = 70_000;
    for (int i = 0; i < n; i++) {
      store.add(touchpoint("e" + i, "c" + (i % 100), "name-" + i, 1_000L + i));
      if (i == 40_000) {
        store.scan(b -> { }); // a merge while the codes still fit in 16 bits
      }
    }
    int[] mismatches = new int[1];
    int[] rows = new int[1];
    store.scan(b -> {
      for (int r = 0; r < b.size(); r++) {
        String name = b.dictionary().name(b.name(r));
        long i = b.epochMillis(r) - 1_000L;
        if (!name.equals("name-" + i)) {
          mismatches[0]++;
        }
        rows[0]++;
      }
    });
    assertThat(rows[0]).isEqualTo(n);
    assertThat(mismatches[0]).isZero();
    assertThat(store.find("e69999").map(Touchpoint::name)).contains("name-69999");
    assertThat(store.find("e123").map(Touchpoint::name)).contains("name-123");
  }

  @Test
  void add_manyIdsAcrossIndexGrowthAndMerges_findsEveryIdAndRejectsRepeats() {
    TouchpointStore store = newStore();
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      assertThat(store.add(touchpoint("id-" + i, "c" + (i % 997), "x", i))).isTrue();
      if (i % 50_000 == 0) {
        store.scan(b -> { });
      }
    }
    assertThat(store.delete(Identity.userId("c5"))).isPositive();
    for (int i = 0; i < n; i++) {
      boolean erased = i % 997 == 5;
      assertThat(store.contains("id-" + i)).isEqualTo(!erased);
      assertThat(store.add(touchpoint("id-" + i, "c" + (i % 997), "x", i))).isEqualTo(erased);
    }
    assertThat(store.count()).isEqualTo(n);
    assertThat(store.find("id-199999").map(Touchpoint::timestamp))
        .contains(Instant.ofEpochMilli(199_999));
  }

  @Test
  void scan_someRowsWithValueOrProperties_keepsEachRowsOwnAcrossMergesAndErasure() {
    TouchpointStore store = newStore();
    int n = 5_000;
    for (int i = n - 1; i >= 0; i--) { // arrival order differs from time order
      Optional<Money> value = i % 7 == 0
          ? Optional.of(new Money(BigDecimal.valueOf(i), "EUR")) : Optional.empty();
      Map<String, Object> props = i % 11 == 0 ? Map.of("i", i) : Map.of();
      Optional<JourneyStage> stage = i % 3 == 0 ? Optional.of(JourneyStage.values()[i % 7])
          : Optional.empty();
      store.add(new Touchpoint("e" + i, Identity.userId("c" + (i % 13)), Channel.WEB, "x",
          Instant.ofEpochMilli(i), stage, props, value));
      if (i % 1_000 == 0) {
        store.scan(b -> { });
      }
    }
    store.delete(Identity.userId("c0"));
    int[] bad = new int[1];
    store.scan(b -> {
      for (int r = 0; r < b.size(); r++) {
        int i = (int) b.epochMillis(r);
        double want = i % 7 == 0 ? i : Double.NaN;
        int wantStage = i % 3 == 0 ? i % 7 : TouchpointBatch.NO_STAGE;
        if (Double.compare(b.amount(r), want) != 0 || b.stage(r) != wantStage
            || i % 13 == 0) {
          bad[0]++;
        }
      }
    });
    assertThat(bad[0]).isZero();
    assertThat(store.find("e22").map(t -> String.valueOf(t.properties().get("i"))))
        .contains("22");
    assertThat(store.find("e14").flatMap(Touchpoint::value).map(m -> m.amount().intValue()))
        .contains(14);
    assertThat(store.find("e5").map(Touchpoint::properties)).contains(Map.of());
    assertThat(store.find("e26")).isEmpty();
  }

  @Test
  void add_idsShortAndLong_roundTripAndTieBreakByIdBytes() {
    TouchpointStore store = newStore();
    String[] ids = {"a".repeat(127), "a".repeat(128), "b", "a".repeat(300), "é".repeat(40),
        "z".repeat(65_535)};
    for (String id : ids) {
      assertThat(store.add(touchpoint(id, "c", "x", 5))).isTrue();
    }
    store.scan(b -> { });
    for (String id : ids) {
      assertThat(store.find(id).map(Touchpoint::eventId)).contains(id);
      assertThat(store.add(touchpoint(id, "c", "x", 5))).isFalse();
    }
    assertThat(store.timeline(Identity.userId("c"))).extracting(Touchpoint::eventId)
        .containsExactly("a".repeat(127), "a".repeat(128), "a".repeat(300), "b",
            "z".repeat(65_535), "é".repeat(40));
  }
}
