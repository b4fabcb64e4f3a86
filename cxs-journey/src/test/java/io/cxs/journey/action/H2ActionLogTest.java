package io.cxs.journey.action;

import io.cxs.core.jdbc.DriverManagerDataSource;
import io.cxs.core.jdbc.TestDatabases;
import io.cxs.journey.action.jdbc.JdbcActionStores;

final class H2ActionLogTest extends ActionLogContract {
  private static final DriverManagerDataSource DB = TestDatabases.h2();

  @Override
  ActionLog newLog() {
    return JdbcActionStores.builder(DB).tenant(TestDatabases.uniqueTenant()).build()
        .actionLog();
  }
}
