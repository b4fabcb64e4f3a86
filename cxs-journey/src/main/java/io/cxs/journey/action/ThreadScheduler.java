package io.cxs.journey.action;

import static com.google.common.base.Preconditions.checkState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link Scheduler}: one daemon thread, created by {@link #start()} and stopped by
 * {@link #close()}. Tasks scheduled before {@code start} wait and run once it is called. Delays
 * are computed from the clock when a task is scheduled.
 *
 * <p>Thread-safe.
 *
 * @since 0.1
 */
public final class ThreadScheduler implements Scheduler {
  private static final Logger LOG = LoggerFactory.getLogger(ThreadScheduler.class);

  private final Clock clock;
  private final List<Early> early = new ArrayList<>();
  private ScheduledThreadPoolExecutor executor;
  private boolean closed;

  ThreadScheduler(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Starts the thread.
   *
   * @return this scheduler
   * @throws IllegalStateException if already started or closed
   */
  public synchronized ThreadScheduler start() {
    checkState(executor == null && !closed, "scheduler was already started or closed");
    executor = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "cxs-action-scheduler");
      t.setDaemon(true);
      return t;
    });
    executor.setRemoveOnCancelPolicy(true);
    for (Early e : early) {
      submit(e.at(), e.task());
    }
    early.clear();
    return this;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public synchronized void schedule(Instant at, Runnable task) {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(task, "task");
    if (closed) {
      return;
    }
    if (executor == null) {
      early.add(new Early(at, task));
    } else {
      submit(at, task);
    }
  }

  private void submit(Instant at, Runnable task) {
    long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
    executor.schedule(() -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.warn("a scheduled task failed", e);
      }
    }, delay, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    closed = true;
    early.clear();
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  /** A task scheduled before {@link #start()}. */
  private record Early(Instant at, Runnable task) {}
}
