package io.cxs.core.jdbc;

import javax.sql.DataSource;

final class PostgresJdbcStoresTest extends JdbcStoresContract {
  @Override
  DataSource database() {
    return TestDatabases.postgres();
  }
}
