package io.cxs.journey;

/** Faults on in-memory stores, which do not outlive their engine: no crash variant. */
final class InMemoryFaultInjectionTest extends FaultInjectionContract {
  @Override
  Stores open(String tenant) {
    return Stores.inMemory();
  }
}
