package io.cxs.core.jdbc;

import io.cxs.core.spi.FeedbackStore;
import io.cxs.core.spi.FeedbackStoreContract;

final class PostgresFeedbackStoreTest extends FeedbackStoreContract {
  @Override
  protected FeedbackStore newStore() {
    return JdbcStores.builder(TestDatabases.postgres()).tenant(TestDatabases.uniqueTenant())
        .build().feedback();
  }
}
