package io.cxs.journey;

import io.cxs.core.jdbc.JdbcStores;
import javax.sql.DataSource;

/** JDBC stores for the cross-store suites. */
final class JdbcTestStores {
  private JdbcTestStores() {}

  /**
   * @param database a migrated database
   * @param tenant the tenant
   * @param scanBatchRows rows per scan batch, or 0 for the default
   * @return the tenant's stores, as a new process would open them (with an empty profile cache)
   */
  static Stores of(DataSource database, String tenant, int scanBatchRows) {
    JdbcStores.Builder b = JdbcStores.builder(database).tenant(tenant);
    if (scanBatchRows > 0) {
      b.scanBatchRows(scanBatchRows);
    }
    JdbcStores s = b.build();
    return new Stores(s.customers(), s.touchpoints(), s.feedback());
  }
}
