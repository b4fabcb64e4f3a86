package io.cxs.core.jdbc;

import io.cxs.core.spi.FeedbackStore;
import io.cxs.core.spi.FeedbackStoreContract;

final class H2FeedbackStoreTest extends FeedbackStoreContract {
  private static final DriverManagerDataSource DB = TestDatabases.h2();

  @Override
  protected FeedbackStore newStore() {
    return JdbcStores.builder(DB).tenant(TestDatabases.uniqueTenant()).build().feedback();
  }
}
