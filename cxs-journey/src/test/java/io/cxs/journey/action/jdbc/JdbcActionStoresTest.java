package io.cxs.journey.action.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxs.core.customer.CustomerId;
import io.cxs.core.jdbc.Dialect;
import io.cxs.core.jdbc.DriverManagerDataSource;
import io.cxs.core.jdbc.TestDatabases;
import io.cxs.core.touchpoint.Channel;
import io.cxs.journey.action.ActionRecord;
import io.cxs.journey.action.ActionStatus;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class JdbcActionStoresTest {
  private static final DriverManagerDataSource DB = TestDatabases.h2();

  @Test
  void build_detectsDialectAndDefaultsTenant() {
    JdbcActionStores s = JdbcActionStores.builder(DB).build();
    assertThat(s.dialect()).isEqualTo(Dialect.H2);
    assertThat(s.tenant()).isEqualTo(JdbcActionStores.DEFAULT_TENANT);
  }

  @Test
  void build_withoutSchema_namesTheFix() {
    DriverManagerDataSource empty = DriverManagerDataSource.of(
        "jdbc:h2:mem:cxs-empty-" + TestDatabases.uniqueTenant() + ";DB_CLOSE_DELAY=-1");
    assertThatThrownBy(() -> JdbcActionStores.builder(empty).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the database needs cxs schema version 2 for timers and actions but has none:"
            + " run JdbcSchema.migrate(dataSource, Dialect.H2) first");
    empty.close();
  }

  @Test
  void tenant_invalidOrRepeated_isRejected() {
    assertThatThrownBy(() -> JdbcActionStores.builder(DB).tenant("a b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tenant must be 1 to 64 letters, digits, '_', '-' or '.' but was 'a b'");
    assertThatThrownBy(() -> JdbcActionStores.builder(DB).tenant("a").tenant("b"))
        .isInstanceOf(IllegalStateException.class).hasMessage("tenant was already set to a");
  }

  @Test
  void tenants_doNotSeeEachOther() {
    JdbcActionStores a = JdbcActionStores.builder(DB).tenant(TestDatabases.uniqueTenant()).build();
    JdbcActionStores b = JdbcActionStores.builder(DB).tenant(TestDatabases.uniqueTenant()).build();
    ActionRecord r = new ActionRecord("r/x/0", "r", CustomerId.of("c1"), "email",
        Optional.of(Channel.EMAIL), "marketing", "x", Instant.parse("2026-03-02T10:00:00.123456789Z"),
        ActionStatus.PENDING, "because", Optional.empty(), 0);
    assertThat(a.actionLog().claim(r)).isTrue();
    assertThat(b.actionLog().claim(r)).isTrue();
    assertThat(a.actionLog().find("r/x/0")).contains(r);
    assertThat(a.actionLog().claim(r)).isFalse();
    assertThat(b.actionLog().all()).hasSize(1);
  }
}
