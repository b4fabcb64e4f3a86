package io.cxs.core.spi;

final class InMemoryCustomerStoreTest extends CustomerStoreContract {
  @Override
  protected CustomerStore newStore() {
    return CustomerStore.inMemory();
  }
}
