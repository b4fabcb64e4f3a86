package io.cxs.core.jdbc;

import io.cxs.core.spi.CustomerStore;
import io.cxs.core.spi.CustomerStoreContract;

final class H2CustomerStoreTest extends CustomerStoreContract {
  private static final DriverManagerDataSource DB = TestDatabases.h2();

  @Override
  protected CustomerStore newStore() {
    return JdbcStores.builder(DB).tenant(TestDatabases.uniqueTenant()).build().customers();
  }
}
