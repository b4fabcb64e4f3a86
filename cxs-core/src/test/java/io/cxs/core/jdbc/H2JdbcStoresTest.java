package io.cxs.core.jdbc;

import javax.sql.DataSource;

final class H2JdbcStoresTest extends JdbcStoresContract {
  @Override
  DataSource database() {
    return TestDatabases.h2();
  }
}
