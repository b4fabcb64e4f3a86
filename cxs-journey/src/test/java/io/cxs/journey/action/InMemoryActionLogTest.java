package io.cxs.journey.action;

final class InMemoryActionLogTest extends ActionLogContract {
  @Override
  ActionLog newLog() {
    return ActionLog.inMemory();
  }
}
