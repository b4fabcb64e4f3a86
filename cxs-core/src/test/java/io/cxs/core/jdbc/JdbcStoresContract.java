package io.cxs.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxs.core.StorageException;
import io.cxs.core.customer.Customer;
import io.cxs.core.customer.CustomerId;
import io.cxs.core.customer.Identity;
import io.cxs.core.feedback.Feedback;
import io.cxs.core.feedback.Scale;
import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.Touchpoint;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the JDBC stores promise beyond the store contracts: durability across store instances,
 * tenant isolation, all-or-nothing batches and merges, one-transaction erasure, and streaming
 * scans cut at subject boundaries. Runs on every dialect.
 */
abstract class JdbcStoresContract {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  static final Identity ANN = Identity.userId("ann");
  static final Identity BOB = Identity.userId("bob");

  DataSource db;
  String tenant;

  /** @return a migrated database, possibly shared with other tests */
  abstract DataSource database();

  @BeforeEach
  void setUp() {
    db = database();
    tenant = TestDatabases.uniqueTenant();
  }

  JdbcStores stores(String tenantId) {
    return JdbcStores.builder(db).tenant(tenantId).build();
  }

  static Touchpoint tp(String id, Identity who, String name, long minutes) {
    return Touchpoint.of(id, who, Channel.WEB, name, T0.plusSeconds(60 * minutes));
  }

  static Feedback nps(String id, Identity who, int score) {
    return Feedback.survey(id, who, T0, "nps", Scale.NPS, score);
  }

  @Test
  @DisplayName("a new store instance over the same database sees earlier data and still rejects old event ids")
  void restart_keepsDataAndIdempotency() {
    JdbcStores first = stores(tenant);
    first.touchpoints().add(tp("e1", ANN, "A", 0));
    first.feedback().add(nps("f1", ANN, 9));
    first.customers().put(Customer.of(CustomerId.of("ann"), ANN, T0));

    JdbcStores second = stores(tenant);
    assertThat(second.touchpoints().find("e1")).contains(tp("e1", ANN, "A", 0));
    assertThat(second.touchpoints().add(tp("e1", BOB, "B", 1))).isFalse();
    assertThat(second.touchpoints().addAll(List.of(tp("e1", ANN, "A", 0), tp("e2", ANN, "B", 1))))
        .isEqualTo(1);
    assertThat(second.feedback().add(nps("f1", BOB, 1))).isFalse();
    assertThat(second.customers().find(CustomerId.of("ann"))).isPresent();
  }

  @Test
  @DisplayName("no operation of one tenant reads, counts, scans or deletes another tenant's rows")
  void tenants_areIsolated() {
    JdbcStores acme = stores(tenant);
    JdbcStores other = stores(tenant + "-other");
    acme.customers().put(Customer.of(CustomerId.of("ann"), ANN, T0));
    acme.touchpoints().add(tp("e1", ANN, "A", 0));
    acme.feedback().add(nps("f1", ANN, 9));
    other.touchpoints().add(tp("x1", BOB, "X", 0));

    assertThat(other.customers().find(CustomerId.of("ann"))).isEmpty();
    assertThat(other.customers().count()).isZero();
    List<CustomerId> seen = new ArrayList<>();
    other.customers().forEach(c -> seen.add(c.id()));
    assertThat(seen).isEmpty();
    assertThat(other.touchpoints().find("e1")).isEmpty();
    assertThat(other.touchpoints().contains("e1")).isFalse();
    assertThat(other.touchpoints().timeline(ANN)).isEmpty();
    assertThat(other.touchpoints().count()).isEqualTo(1);
    assertThat(other.feedback().find("f1")).isEmpty();
    assertThat(other.feedback().timeline(ANN)).isEmpty();
    assertThat(other.feedback().count()).isZero();
    List<Identity> scanned = new ArrayList<>();
    other.touchpoints().scan(b -> {
      for (int r = 0; r < b.size(); r++) {
        scanned.add(b.dictionary().subject(b.subject(r)));
      }
    });
    assertThat(scanned).containsExactly(BOB);
    int[] feedbackRows = {0};
    other.feedback().scan(b -> feedbackRows[0] += b.size());
    assertThat(feedbackRows[0]).isZero();

    // The same event id is a different event in another tenant.
    assertThat(other.touchpoints().add(tp("e1", BOB, "B", 1))).isTrue();
    // Deletes and erasure in one tenant leave the other alone.
    assertThat(other.touchpoints().delete(ANN)).isZero();
    assertThat(other.customers().delete(CustomerId.of("ann"))).isFalse();
    assertThat(other.feedback().delete(ANN)).isZero();
    other.erase(CustomerId.of("ann"), List.of(ANN));
    assertThat(acme.customers().find(CustomerId.of("ann"))).isPresent();
    assertThat(acme.touchpoints().find("e1").orElseThrow().subject()).isEqualTo(ANN);
    assertThat(acme.feedback().count()).isEqualTo(1);
    assertThat(acme.touchpoints().count()).isEqualTo(1);
  }

  @Test
  @DisplayName("a batch that fails part-way stores nothing")
  void addAll_failingRow_storesNothing() throws Exception {
    JdbcStores s = stores(tenant);
    addPoisonCheck("cxs_touchpoint", "name");
    try {
      assertThatThrownBy(() -> s.touchpoints().addAll(List.of(tp("e1", ANN, "A", 0),
          tp("e2", ANN, "B", 1), tp("e3", ANN, "poison", 2))))
          .isInstanceOf(StorageException.class)
          .hasMessageStartingWith("TouchpointStore.addAll: database failed");
      assertThat(s.touchpoints().count()).isZero();
      assertThat(s.touchpoints().addAll(List.of(tp("e1", ANN, "A", 0)))).isEqualTo(1);
    } finally {
      dropPoisonCheck("cxs_touchpoint");
    }
  }

  @Test
  @DisplayName("a merge that fails leaves every customer as it was")
  void replace_failing_changesNothing() throws Exception {
    JdbcStores s = JdbcStores.builder(db).tenant(tenant).customerCacheSize(0).build();
    s.customers().put(Customer.of(CustomerId.of("ann"), ANN, T0));
    s.customers().put(Customer.of(CustomerId.of("anonymous_id:a-9"), Identity.anonymousId("a-9"),
        T0));
    addPoisonCheck("cxs_customer", "customer_id");
    try {
      Customer merged = new Customer(CustomerId.of("poison"), List.of(ANN), Map.of(), Map.of(),
          List.of(), T0, T0, List.of());
      assertThatThrownBy(() -> s.customers().replace(merged,
          List.of(CustomerId.of("ann"), CustomerId.of("anonymous_id:a-9"))))
          .isInstanceOf(StorageException.class);
      assertThat(s.customers().count()).isEqualTo(2);
      assertThat(s.customers().find(CustomerId.of("ann"))).isPresent();
    } finally {
      dropPoisonCheck("cxs_customer");
    }
  }

  @Test
  @DisplayName("erase removes the customer's rows from every table and from the cache")
  void erase_removesEverywhere() {
    JdbcStores s = stores(tenant);
    Identity visitor = Identity.anonymousId("a-9");
    s.customers().put(new Customer(CustomerId.of("ann"), List.of(ANN, visitor), Map.of(),
        Map.of(), List.of(), T0, T0, List.of()));
    assertThat(s.customers().find(CustomerId.of("ann"))).isPresent();
    s.touchpoints().addAll(List.of(tp("e1", ANN, "A", 0), tp("e2", visitor, "B", 1),
        tp("e3", BOB, "C", 2)));
    s.feedback().add(nps("f1", visitor, 3));

    assertThat(s.erase(CustomerId.of("ann"), List.of(ANN, visitor))).isEqualTo(4);
    assertThat(s.customers().find(CustomerId.of("ann"))).isEmpty();
    assertThat(stores(tenant).customers().find(CustomerId.of("ann"))).isEmpty();
    assertThat(s.touchpoints().count()).isEqualTo(1);
    assertThat(s.feedback().count()).isZero();
  }

  @Test
  @DisplayName("a scan streams several batches, never splits a subject, and keeps codes stable")
  void scan_cutsBatchesAtSubjects() {
    JdbcStores s = JdbcStores.builder(db).tenant(tenant).scanBatchRows(10).fetchSize(7).build();
    List<Touchpoint> all = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      all.add(tp("e" + i, Identity.userId("u" + (i % 23)), "N" + (i % 4), 300 - i));
    }
    s.touchpoints().addAll(all);
    Set<Identity> finished = new HashSet<>();
    Map<Integer, Identity> codes = new HashMap<>();
    int[] batches = {0};
    int[] rows = {0};
    s.touchpoints().scan(b -> {
      batches[0]++;
      Set<Identity> inBatch = new HashSet<>();
      for (int r = 0; r < b.size(); r++) {
        Identity who = b.dictionary().subject(b.subject(r));
        assertThat(codes.putIfAbsent(b.subject(r), who)).isIn(null, who);
        assertThat(finished).doesNotContain(who);
        inBatch.add(who);
        rows[0]++;
      }
      finished.addAll(inBatch);
    });
    assertThat(rows[0]).isEqualTo(300);
    assertThat(batches[0]).isGreaterThan(1);
    assertThat(finished).hasSize(23);
  }

  @Test
  @DisplayName("properties read in one scan batch never leak into the reused rows of the next")
  void scan_propertiesAcrossReusedBatches() {
    JdbcStores s = JdbcStores.builder(db).tenant(tenant).scanBatchRows(1).build();
    for (int i = 0; i < 6; i++) {
      Touchpoint t = tp("e" + i, Identity.userId("u" + i), "N", i);
      s.touchpoints().add(i % 2 == 0 ? t.withProperties(Map.of("i", (long) i)) : t);
    }
    Map<Identity, Map<String, Object>> seen = new HashMap<>();
    int[] batches = {0};
    s.touchpoints().scan(b -> {
      batches[0]++;
      assertThat(b.size()).isEqualTo(1);
      // asked twice: the second answer comes from the parsed cache and must be the same
      Map<String, Object> first = b.properties(0);
      assertThat(b.properties(0)).isSameAs(first);
      assertThatThrownBy(() -> b.properties(1)).isInstanceOf(IndexOutOfBoundsException.class);
      seen.put(b.dictionary().subject(b.subject(0)), first);
    });
    assertThat(batches[0]).isEqualTo(6);
    for (int i = 0; i < 6; i++) {
      assertThat(seen.get(Identity.userId("u" + i)))
          .isEqualTo(i % 2 == 0 ? Map.of("i", (long) i) : Map.of());
    }
  }

  private void addPoisonCheck(String table, String column) throws Exception {
    try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
      st.execute("ALTER TABLE " + table + " ADD CONSTRAINT cxs_test_poison CHECK (" + column
          + " <> 'poison')");
    }
  }

  private void dropPoisonCheck(String table) throws Exception {
    try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
      st.execute("ALTER TABLE " + table + " DROP CONSTRAINT cxs_test_poison");
    }
  }
}
