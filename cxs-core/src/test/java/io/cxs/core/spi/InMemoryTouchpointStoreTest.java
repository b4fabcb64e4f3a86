package io.cxs.core.spi;

final class InMemoryTouchpointStoreTest extends TouchpointStoreContract {
  @Override
  protected TouchpointStore newStore() {
    return TouchpointStore.inMemory();
  }
}
