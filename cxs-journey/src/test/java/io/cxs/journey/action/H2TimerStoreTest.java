package io.cxs.journey.action;

import io.cxs.core.jdbc.DriverManagerDataSource;
import io.cxs.core.jdbc.TestDatabases;
import io.cxs.journey.action.jdbc.JdbcActionStores;

final class H2TimerStoreTest extends TimerStoreContract {
  private static final DriverManagerDataSource DB = TestDatabases.h2();

  @Override
  TimerStore newStore() {
    return JdbcActionStores.builder(DB).tenant(TestDatabases.uniqueTenant()).build().timers();
  }
}
