package io.cxs.journey.action;

import io.cxs.core.jdbc.TestDatabases;
import io.cxs.journey.action.jdbc.JdbcActionStores;

final class PostgresActionLogTest extends ActionLogContract {
  @Override
  ActionLog newLog() {
    return JdbcActionStores.builder(TestDatabases.postgres()).tenant(TestDatabases.uniqueTenant()).build()
        .actionLog();
  }
}
