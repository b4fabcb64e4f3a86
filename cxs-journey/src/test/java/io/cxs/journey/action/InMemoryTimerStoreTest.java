package io.cxs.journey.action;

final class InMemoryTimerStoreTest extends TimerStoreContract {
  @Override
  TimerStore newStore() {
    return TimerStore.inMemory();
  }
}
