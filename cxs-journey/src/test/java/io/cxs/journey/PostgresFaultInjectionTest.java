package io.cxs.journey;

import io.cxs.core.jdbc.TestDatabases;

/**
 * Faults on the JDBC stores over the PostgreSQL test server (skipped without one on a
 * developer's machine, failing without one under {@code CI=true}).
 */
final class PostgresFaultInjectionTest extends DurableFaultInjectionContract {
  @Override
  Stores open(String tenant) {
    return JdbcTestStores.of(TestDatabases.postgres(), tenant, 0);
  }
}
