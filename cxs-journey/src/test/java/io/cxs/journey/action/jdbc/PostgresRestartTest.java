package io.cxs.journey.action.jdbc;

import io.cxs.core.jdbc.TestDatabases;
import javax.sql.DataSource;

final class PostgresRestartTest extends RestartContract {
  @Override
  DataSource database() {
    return TestDatabases.postgres();
  }
}
