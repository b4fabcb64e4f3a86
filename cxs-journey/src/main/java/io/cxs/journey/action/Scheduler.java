package io.cxs.journey.action;

import java.time.Clock;
import java.time.Instant;

/**
 * Runs tasks at instants of a clock. The {@link Orchestrator} runs every evaluation, deferral and
 * retry through it, so the thread that ingests events never waits for a handler.
 *
 * <p>Two implementations: {@link #threaded(Clock)}, one daemon thread that the host starts and
 * closes, and {@link #manual(Instant)}, virtual time for tests and simulations that runs tasks
 * only when advanced. A host may supply its own (for example on its existing executor).
 *
 * @since 0.1
 */
public interface Scheduler extends AutoCloseable {

  /** @return the clock that {@link #schedule} instants are on */
  Clock clock();

  /**
   * Runs {@code task} once, at {@code at} or as soon as possible after it; an instant that has
   * passed means as soon as possible.
   *
   * @param at when
   * @param task what; a task that throws is logged and does not stop the scheduler
   */
  void schedule(Instant at, Runnable task);

  /** Stops running tasks; tasks not yet run are dropped (their timers stay in the store). */
  @Override
  void close();

  /**
   * @param clock the clock to schedule on
   * @return a scheduler with one daemon thread, created by {@link ThreadScheduler#start()}
   */
  static ThreadScheduler threaded(Clock clock) {
    return new ThreadScheduler(clock);
  }

  /**
   * @param start the virtual time to start at
   * @return a scheduler on virtual time that runs tasks only when advanced
   */
  static ManualScheduler manual(Instant start) {
    return new ManualScheduler(start);
  }
}
