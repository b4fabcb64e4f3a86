package io.cxs.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

final class JdbcSchemaTest {

  @Test
  void migrate_isIdempotentAndRecordsTheVersion() {
    DriverManagerDataSource ds = DriverManagerDataSource.of("jdbc:h2:mem:schema-" + System.identityHashCode(this)
        + ";DB_CLOSE_DELAY=-1");
    assertThat(JdbcSchema.version(ds)).isEmpty();
    assertThat(JdbcSchema.migrate(ds, Dialect.H2)).isEqualTo(JdbcSchema.CURRENT_VERSION);
    assertThat(JdbcSchema.migrate(ds, Dialect.H2)).isZero();
    assertThat(JdbcSchema.version(ds)).hasValue(JdbcSchema.CURRENT_VERSION);
  }

  @Test
  void build_withoutSchema_namesTheMigrateStep() {
    DriverManagerDataSource ds = DriverManagerDataSource.of("jdbc:h2:mem:empty-" + System.identityHashCode(this)
        + ";DB_CLOSE_DELAY=-1");
    assertThatThrownBy(() -> JdbcStores.builder(ds).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the database has no cxs schema: run JdbcSchema.migrate(dataSource, Dialect.H2) first");
  }

  @Test
  void migrate_newerDatabase_isRefused() throws Exception {
    DriverManagerDataSource ds = TestDatabases.h2();
    try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
      st.execute("INSERT INTO cxs_schema_version (version, description) VALUES (99, 'future')");
    }
    assertThatThrownBy(() -> JdbcSchema.migrate(ds, Dialect.H2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("database schema version 99 is newer than this release's version " + JdbcSchema.CURRENT_VERSION);
    assertThatThrownBy(() -> JdbcStores.builder(ds).build())
        .hasMessageContaining("cxs schema version 99 but this release needs " + JdbcSchema.CURRENT_VERSION);
  }

  @Test
  void migrate_version1Database_appliesTheLaterVersions() throws Exception {
    DriverManagerDataSource ds = DriverManagerDataSource.of(
        "jdbc:h2:mem:cxs-v1-" + TestDatabases.uniqueTenant() + ";DB_CLOSE_DELAY=-1");
    try (java.sql.Connection c = ds.getConnection();
        java.sql.Statement st = c.createStatement()) {
      for (String name : new String[] {"V0__version.sql", "V1__stores.sql"}) {
        for (String s : JdbcSchema.script(Dialect.H2, name)) {
          st.execute(s);
        }
      }
      st.execute("INSERT INTO cxs_schema_version (version, description) VALUES (1, 'stores')");
      st.execute("INSERT INTO cxs_touchpoint (tenant, event_id, subject, ts, name, channel)"
          + " VALUES ('t', 'e1', 'user_id:u', 0, 'A', 'WEB')");
    }
    assertThat(JdbcSchema.version(ds)).hasValue(1);

    assertThat(JdbcSchema.migrate(ds, Dialect.H2)).isEqualTo(2);

    assertThat(JdbcSchema.version(ds)).hasValue(JdbcSchema.CURRENT_VERSION);
    assertThat(JdbcStores.builder(ds).tenant("t").build().touchpoints().count()).isEqualTo(1);
    try (java.sql.Connection c = ds.getConnection();
        java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM cxs_timer")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isZero();
    }
    ds.close();
  }

  @Test
  void script_splitsStatementsAndDropsComments() {
    assertThat(JdbcSchema.script(Dialect.POSTGRESQL, "V1__stores.sql"))
        .hasSize(5)
        .allSatisfy(s -> assertThat(s).doesNotContain("--").doesNotEndWith(";"));
  }

  @Test
  void dialect_isDetectedFromUrlAndDatabase() {
    assertThat(Dialect.fromUrl("jdbc:h2:./data/cxs")).contains(Dialect.H2);
    assertThat(Dialect.fromUrl("jdbc:postgresql://localhost/cxs")).contains(Dialect.POSTGRESQL);
    assertThat(Dialect.fromUrl("jdbc:mysql://localhost/cxs")).isEmpty();
    assertThat(JdbcStores.builder(TestDatabases.h2()).build().dialect()).isEqualTo(Dialect.H2);
  }

  @Test
  void builder_badTenant_namesTheValue() {
    JdbcStores.Builder b = JdbcStores.builder(TestDatabases.h2());
    assertThatThrownBy(() -> b.tenant("acme corp"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tenant must be 1 to 64 letters, digits, '_', '-' or '.' but was 'acme corp'");
    b.tenant("acme");
    assertThatThrownBy(() -> b.tenant("other"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("tenant was already set to acme");
    assertThatThrownBy(() -> b.fetchSize(0)).hasMessage("fetchSize must be > 0 but was 0");
    assertThatThrownBy(() -> b.customerCacheExpiry(Duration.ZERO))
        .hasMessage("customerCacheExpiry must be positive but was PT0S");
    assertThat(b.build().tenant()).isEqualTo("acme");
  }

  @Test
  void eventId_tooLongForTheSchema_isRejectedWithItsLength() {
    JdbcStores s = JdbcStores.builder(TestDatabases.h2()).build();
    String id = "e".repeat(600);
    assertThatThrownBy(() -> s.touchpoints().add(JdbcStoresContract.tp(id, JdbcStoresContract.ANN,
        "A", 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("eventId must be at most 512 characters for a JDBC store but had 600");
  }
}
