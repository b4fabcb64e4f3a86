package io.cxs.journey.action;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.PriorityQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Scheduler} on virtual time, for tests and simulations: {@link #clock()} shows the
 * virtual now, and tasks run on the calling thread only inside {@link #advanceTo},
 * {@link #advance} and {@link #runDue}, in order of their instants (ties in scheduling order),
 * with the clock set to each task's instant while it runs (or left at now for overdue tasks).
 * Tasks scheduled while advancing run in the same call if they are due.
 *
 * <p>Thread-safe, but meant to be driven from one thread.
 *
 * @since 0.1
 */
public final class ManualScheduler implements Scheduler {
  private static final Logger LOG = LoggerFactory.getLogger(ManualScheduler.class);

  private final PriorityQueue<Entry> queue = new PriorityQueue<>();
  private final VirtualClock clock;
  private long seq;
  private boolean closed;

  ManualScheduler(Instant start) {
    this.clock = new VirtualClock(Objects.requireNonNull(start, "start"));
  }

  @Override
  public Clock clock() {
    return clock;
  }

  /** @return the virtual now */
  public Instant now() {
    return clock.instant();
  }

  @Override
  public synchronized void schedule(Instant at, Runnable task) {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(task, "task");
    if (!closed) {
      queue.add(new Entry(at, seq++, task));
    }
  }

  /** @return how many tasks are waiting */
  public synchronized int pending() {
    return queue.size();
  }

  /**
   * Moves virtual time forward to {@code to}, running every task due by then.
   *
   * @param to the new now
   * @throws IllegalArgumentException if {@code to} is before now
   */
  public void advanceTo(Instant to) {
    Objects.requireNonNull(to, "to");
    checkArgument(!to.isBefore(clock.instant()), "cannot move time back from %s to %s",
        clock.instant(), to);
    while (true) {
      Entry e;
      synchronized (this) {
        e = queue.peek();
        if (e == null || e.at.isAfter(to)) {
          break;
        }
        queue.poll();
        if (e.at.isAfter(clock.instant())) {
          clock.set(e.at);
        }
      }
      run(e.task);
    }
    clock.set(to);
  }

  /**
   * @param by how far to move virtual time; not negative
   * @throws IllegalArgumentException if {@code by} is negative
   */
  public void advance(Duration by) {
    checkArgument(!by.isNegative(), "cannot advance by a negative duration %s", by);
    advanceTo(clock.instant().plus(by));
  }

  /** Runs every task due now, without moving time. */
  public void runDue() {
    advanceTo(clock.instant());
  }

  /**
   * Runs every task, moving time to each one's instant, until none is left.
   *
   * @param limit stop after this many tasks (a guard against tasks that reschedule forever)
   * @return how many ran
   */
  public int drain(int limit) {
    int n = 0;
    while (n < limit) {
      Instant next;
      synchronized (this) {
        Entry e = queue.peek();
        if (e == null) {
          break;
        }
        next = e.at.isAfter(clock.instant()) ? e.at : clock.instant();
      }
      int before = pending();
      advanceTo(next);
      n += Math.max(1, before - pending());
    }
    return n;
  }

  private static void run(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      LOG.warn("a scheduled task failed", e);
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    queue.clear();
  }

  private static final class Entry implements Comparable<Entry> {
    final Instant at;
    final long seq;
    final Runnable task;

    Entry(Instant at, long seq, Runnable task) {
      this.at = at;
      this.seq = seq;
      this.task = task;
    }

    @Override
    public int compareTo(Entry o) {
      int c = at.compareTo(o.at);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  /** A clock whose instant the scheduler sets. */
  private static final class VirtualClock extends Clock {
    private volatile Instant now;

    VirtualClock(Instant now) {
      this.now = now;
    }

    void set(Instant t) {
      now = t;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("the virtual clock is in UTC");
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
