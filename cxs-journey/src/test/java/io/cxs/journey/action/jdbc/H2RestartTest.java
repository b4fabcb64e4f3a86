package io.cxs.journey.action.jdbc;

import io.cxs.core.jdbc.DriverManagerDataSource;
import io.cxs.core.jdbc.TestDatabases;
import javax.sql.DataSource;

final class H2RestartTest extends RestartContract {
  private static final DriverManagerDataSource DB = TestDatabases.h2();

  @Override
  DataSource database() {
    return DB;
  }
}
