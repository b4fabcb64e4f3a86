package io.cxs.journey;

import io.cxs.core.jdbc.TestDatabases;
import javax.sql.DataSource;

/** Faults on the JDBC stores over an in-memory H2 database, one for all tenants of this class. */
final class H2FaultInjectionTest extends DurableFaultInjectionContract {
  private final DataSource database = TestDatabases.h2();

  @Override
  Stores open(String tenant) {
    return JdbcTestStores.of(database, tenant, 0);
  }
}
