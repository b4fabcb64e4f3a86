package io.cxs.journey.action;

import java.util.List;
import java.util.Optional;

/**
 * Keeps the {@link Orchestrator}'s pending timers, so that with a durable store they survive a
 * restart: {@link Orchestrator#start()} reschedules every timer in the store, and timers that
 * fell due while the host was down run at once.
 *
 * <p>The SPI is three row operations on a table keyed by {@link Timer#id()}, so a JDBC store
 * maps it directly: {@code put} is an insert that ignores a duplicate key, {@code take} a
 * {@code DELETE ... WHERE id = ?} whose row count decides who runs the timer (which also makes it
 * safe with several nodes), and {@code all} a select ordered by {@code due_at}. The in-memory
 * default is {@link #inMemory()}; a durable JDBC store is a separate piece of work.
 *
 * <p>Implementations must be thread-safe.
 *
 * @since 0.1
 */
public interface TimerStore {

  /** @return a new empty thread-safe in-memory store */
  static TimerStore inMemory() {
    return new InMemoryTimerStore();
  }

  /**
   * @param timer a timer
   * @return true if stored, false if a timer with that id is already pending
   */
  boolean put(Timer timer);

  /**
   * Removes a timer so that exactly one caller runs it.
   *
   * @param id a timer id
   * @return the timer if it was pending, else empty (already run or never stored)
   */
  Optional<Timer> take(String id);

  /** @return every pending timer, earliest due first */
  List<Timer> all();
}
