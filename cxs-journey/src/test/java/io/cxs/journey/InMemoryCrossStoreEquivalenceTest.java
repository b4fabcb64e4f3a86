package io.cxs.journey;

/** The in-memory stores against themselves: the suite's own determinism. */
final class InMemoryCrossStoreEquivalenceTest extends CrossStoreEquivalenceContract {
  @Override
  Stores newStores(String tenant, int scanBatchRows) {
    return Stores.inMemory();
  }
}
