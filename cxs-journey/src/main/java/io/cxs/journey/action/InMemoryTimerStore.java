package io.cxs.journey.action;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory {@link TimerStore}. */
final class InMemoryTimerStore implements TimerStore {
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  @Override
  public boolean put(Timer timer) {
    return timers.putIfAbsent(timer.id(), timer) == null;
  }

  @Override
  public Optional<Timer> take(String id) {
    return Optional.ofNullable(timers.remove(id));
  }

  @Override
  public List<Timer> all() {
    List<Timer> out = new ArrayList<>(timers.values());
    out.sort(Comparator.comparing(Timer::dueAt).thenComparing(Timer::id));
    return out;
  }
}
