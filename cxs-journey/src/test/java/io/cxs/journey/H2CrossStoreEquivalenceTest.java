package io.cxs.journey;

import io.cxs.core.jdbc.TestDatabases;
import javax.sql.DataSource;

/** The JDBC stores on an in-memory H2 database, one for all tenants of this class. */
final class H2CrossStoreEquivalenceTest extends CrossStoreEquivalenceContract {
  private final DataSource database = TestDatabases.h2();

  @Override
  Stores newStores(String tenant, int scanBatchRows) {
    return JdbcTestStores.of(database, tenant, scanBatchRows);
  }
}
