package io.cxs.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * A scan's order is exactly the subject index's, so H2 reads that index in order instead of
 * sorting the tenant's rows (a sort of rows that arrived with customers interleaved was about 4×
 * slower). H2 says so in its plan as {@code index sorted}.
 */
final class H2ScanPlanTest {
  private static final DriverManagerDataSource DB = TestDatabases.h2();

  @Test
  void touchpointAndFeedbackScans_readTheSubjectIndexInOrder() throws SQLException {
    JdbcStores stores = JdbcStores.builder(DB).tenant(TestDatabases.uniqueTenant()).build();
    for (EventTable<?> table : new EventTable<?>[] {
        (EventTable<?>) stores.touchpoints(), (EventTable<?>) stores.feedback()}) {
      String plan = explain(table.scanSql("subject, ts"), stores.tenant());
      assertThat(plan).containsIgnoringCase("_subject").contains("index sorted");
    }
  }

  private static String explain(String sql, String tenant) throws SQLException {
    try (Connection c = DB.getConnection();
        PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
      ps.setString(1, tenant);
      try (ResultSet rs = ps.executeQuery()) {
        StringBuilder plan = new StringBuilder();
        while (rs.next()) {
          plan.append(rs.getString(1));
        }
        return plan.toString();
      }
    }
  }
}
