package io.cxs.core.jdbc;

import io.cxs.core.spi.TouchpointStore;
import io.cxs.core.spi.TouchpointStoreContract;

final class PostgresTouchpointStoreTest extends TouchpointStoreContract {
  @Override
  protected TouchpointStore newStore() {
    return JdbcStores.builder(TestDatabases.postgres()).tenant(TestDatabases.uniqueTenant())
        .build().touchpoints();
  }
}
