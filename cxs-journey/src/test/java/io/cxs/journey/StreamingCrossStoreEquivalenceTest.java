package io.cxs.journey;

import io.cxs.core.jdbc.JdbcStores;
import io.cxs.core.spi.CustomerStore;
import io.cxs.core.spi.FeedbackStore;
import io.cxs.core.spi.GrowingDictionaries;
import io.cxs.core.spi.TouchpointStore;

/**
 * In-memory stores scanned like a streaming database ({@link GrowingDictionaries}: small batches,
 * codes assigned as they first appear), so the analytics' handling of late codes is tested
 * apart from any database.
 */
final class StreamingCrossStoreEquivalenceTest extends CrossStoreEquivalenceContract {
  @Override
  Stores newStores(String tenant, int scanBatchRows) {
    int rows = scanBatchRows == 0 ? JdbcStores.DEFAULT_SCAN_BATCH_ROWS : scanBatchRows;
    return new Stores(CustomerStore.inMemory(),
        GrowingDictionaries.touchpoints(TouchpointStore.inMemory(), rows),
        GrowingDictionaries.feedback(FeedbackStore.inMemory(), rows));
  }
}
