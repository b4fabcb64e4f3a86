package io.cxs.journey;

import io.cxs.core.jdbc.TestDatabases;
import java.util.List;

/**
 * The JDBC stores on the PostgreSQL test server (skipped without one on a developer's machine,
 * failing without one under {@code CI=true}).
 */
final class PostgresCrossStoreEquivalenceTest extends CrossStoreEquivalenceContract {
  /**
   * The small streams only: the large one (about 10,000 events, some 5 s of single-row inserts
   * here) exercises the same JDBC scan code with the default batch size as on H2, where it runs.
   */
  @Override
  List<Case> cases() {
    return smallCases();
  }

  @Override
  Stores newStores(String tenant, int scanBatchRows) {
    return JdbcTestStores.of(TestDatabases.postgres(), tenant, scanBatchRows);
  }
}
