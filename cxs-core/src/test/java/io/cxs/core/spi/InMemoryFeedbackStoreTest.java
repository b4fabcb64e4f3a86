package io.cxs.core.spi;

final class InMemoryFeedbackStoreTest extends FeedbackStoreContract {
  @Override
  protected FeedbackStore newStore() {
    return FeedbackStore.inMemory();
  }
}
