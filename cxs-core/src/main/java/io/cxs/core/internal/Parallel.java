package io.cxs.core.internal;

import com.google.common.base.Throwables;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs a few tasks at once for the opt-in parallel scans: the first on the calling thread, the
 * others on an executor. A task the executor has not started by the time the calling thread is
 * done with its own is run on the calling thread instead, so a busy or single-threaded executor
 * (or a caller that is itself one of its threads) slows a scan down but never deadlocks it. Tasks
 * go to the executor through {@link Executor#execute}, so a {@code ForkJoinPool} runs them on its
 * own threads.
 */
public final class Parallel {
  private Parallel() {}

  /**
   * Runs the tasks and returns when all are done.
   *
   * @param executor runs the tasks after the first
   * @param tasks the tasks; the first runs on the calling thread
   * @throws RuntimeException the first task failure (others added as suppressed); a checked
   *     cause is wrapped in an {@link IllegalStateException}
   */
  public static void runAll(Executor executor, List<? extends Runnable> tasks) {
    Objects.requireNonNull(executor, "executor");
    if (tasks.isEmpty()) {
      return;
    }
    List<FutureTask<Void>> others = new ArrayList<>(tasks.size() - 1);
    for (int i = 1; i < tasks.size(); i++) {
      FutureTask<Void> f = new FutureTask<>(tasks.get(i), null);
      others.add(f);
      try {
        executor.execute(f);
      } catch (RejectedExecutionException e) {
        // runs on the calling thread below
      }
    }
    Throwable failure = null;
    try {
      tasks.get(0).run();
    } catch (RuntimeException | Error e) {
      failure = e;
    }
    boolean interrupted = false;
    for (FutureTask<Void> f : others) {
      f.run(); // does nothing if the executor started it already
      while (true) {
        try {
          f.get();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException | CancellationException e) {
          Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
          if (failure == null) {
            failure = cause;
          } else if (failure != cause) {
            failure.addSuppressed(cause);
          }
          break;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      Throwables.throwIfUnchecked(failure);
      throw new IllegalStateException("a parallel task failed", failure);
    }
  }
}
