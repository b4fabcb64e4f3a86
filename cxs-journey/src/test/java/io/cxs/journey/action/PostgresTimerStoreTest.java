package io.cxs.journey.action;

import io.cxs.core.jdbc.TestDatabases;
import io.cxs.journey.action.jdbc.JdbcActionStores;

final class PostgresTimerStoreTest extends TimerStoreContract {
  @Override
  TimerStore newStore() {
    return JdbcActionStores.builder(TestDatabases.postgres()).tenant(TestDatabases.uniqueTenant()).build().timers();
  }
}
