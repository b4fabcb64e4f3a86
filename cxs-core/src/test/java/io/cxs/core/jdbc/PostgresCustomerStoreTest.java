package io.cxs.core.jdbc;

import io.cxs.core.spi.CustomerStore;
import io.cxs.core.spi.CustomerStoreContract;

final class PostgresCustomerStoreTest extends CustomerStoreContract {
  @Override
  protected CustomerStore newStore() {
    return JdbcStores.builder(TestDatabases.postgres()).tenant(TestDatabases.uniqueTenant())
        .build().customers();
  }
}
