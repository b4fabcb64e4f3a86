package io.cxs.core.jdbc;

import io.cxs.core.spi.TouchpointStore;
import io.cxs.core.spi.TouchpointStoreContract;

final class PostgresTouchpointStoreTest extends TouchpointStoreContract {
  @Override
  protected TouchpointStore newStore() {
    return JdbcStores.builder(TestDatabases.postgres()).tenant(TestDatabases.uniqueTenant())
        .build().touchpoints();
  }

  /** Each add is a database round trip; 5,000 rows still spread over 3,000 subjects. */
  @Override
  protected int manyRandomRows() {
    return 5_000;
  }
}
