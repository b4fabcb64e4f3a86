package io.cxs.journey;

import io.cxs.core.jdbc.TestDatabases;

/**
 * The JDBC stores on the PostgreSQL test server (skipped without one on a developer's machine,
 * failing without one under {@code CI=true}).
 */
final class PostgresCrossStoreEquivalenceTest extends CrossStoreEquivalenceContract {
  @Override
  Stores newStores(String tenant, int scanBatchRows) {
    return JdbcTestStores.of(TestDatabases.postgres(), tenant, scanBatchRows);
  }
}
