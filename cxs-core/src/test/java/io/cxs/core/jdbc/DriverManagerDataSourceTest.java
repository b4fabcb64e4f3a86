package io.cxs.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

final class DriverManagerDataSourceTest {

  @Test
  void getConnection_reusesReturnedConnectionWithTransactionRolledBack() throws Exception {
    try (DriverManagerDataSource ds = DriverManagerDataSource.of("jdbc:h2:mem:pool;DB_CLOSE_DELAY=-1")) {
      try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
        st.execute("CREATE TABLE t (x INT)");
      }
      String first;
      try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
        first = c.unwrap(Connection.class).toString();
        c.setAutoCommit(false);
        st.execute("INSERT INTO t VALUES (1)");
      }
      try (Connection c = ds.getConnection(); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM t")) {
        assertThat(c.getAutoCommit()).isTrue();
        assertThat(c.unwrap(Connection.class).toString()).isEqualTo(first);
        rs.next();
        assertThat(rs.getInt(1)).isZero();
      }
    }
  }

  @Test
  void closedConnection_refusesWork() throws Exception {
    try (DriverManagerDataSource ds = DriverManagerDataSource.of("jdbc:h2:mem:closed")) {
      Connection c = ds.getConnection();
      c.close();
      assertThat(c.isClosed()).isTrue();
      assertThatThrownBy(c::createStatement).isInstanceOf(SQLException.class)
          .hasMessage("connection was closed");
    }
  }

  @Test
  void of_badUrl_namesTheUrlWithoutPassword() {
    assertThatThrownBy(() -> DriverManagerDataSource.of("postgresql://h/db?user=a&password=secret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("url must start with 'jdbc:' but was 'postgresql://h/db?user=a&password=***'");
    assertThat(DriverManagerDataSource.of("jdbc:postgresql://h/db?password=secret&user=a").describe())
        .isEqualTo("jdbc:postgresql://h/db?password=***&user=a");
  }
}
