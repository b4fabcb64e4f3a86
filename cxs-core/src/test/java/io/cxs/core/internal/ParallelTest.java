package io.cxs.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

final class ParallelTest {

  private static List<Runnable> counting(AtomicInteger runs, Set<String> threads, int n) {
    List<Runnable> tasks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      tasks.add(() -> {
        runs.incrementAndGet();
        threads.add(Thread.currentThread().getName());
      });
    }
    return tasks;
  }

  @Test
  void runAll_onAPool_runsEveryTaskOnceAndUsesThePool() {
    ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "pool"));
    try {
      AtomicInteger runs = new AtomicInteger();
      Set<String> threads = ConcurrentHashMap.newKeySet();
      List<Runnable> tasks = counting(runs, threads, 3);
      // the first task waits until another one has run on the pool
      Runnable first = tasks.get(0);
      tasks.set(0, () -> {
        first.run();
        while (!threads.contains("pool")) {
          Thread.onSpinWait();
        }
      });
      Parallel.runAll(pool, tasks);
      assertThat(runs.get()).isEqualTo(3);
      assertThat(threads).contains("pool", Thread.currentThread().getName());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void runAll_executorThatNeverRuns_runsTheTasksHere() {
    List<Runnable> queued = new ArrayList<>();
    AtomicInteger runs = new AtomicInteger();
    Set<String> threads = ConcurrentHashMap.newKeySet();
    Parallel.runAll(queued::add, counting(runs, threads, 4));
    assertThat(runs.get()).isEqualTo(4);
    assertThat(threads).containsExactly(Thread.currentThread().getName());
    queued.forEach(Runnable::run); // running them late does not run the work again
    assertThat(runs.get()).isEqualTo(4);
  }

  @Test
  void runAll_rejectingExecutor_runsTheTasksHere() {
    AtomicInteger runs = new AtomicInteger();
    Parallel.runAll(r -> {
      throw new RejectedExecutionException("full");
    }, counting(runs, ConcurrentHashMap.newKeySet(), 3));
    assertThat(runs.get()).isEqualTo(3);
  }

  @Test
  void runAll_failures_propagateTheFirstWithTheOthersSuppressed() {
    List<Runnable> tasks = List.of(() -> {
      throw new IllegalArgumentException("first");
    }, () -> {
      throw new UncheckedIOException(new IOException("second"));
    }, () -> { });
    assertThatThrownBy(() -> Parallel.runAll(Runnable::run, tasks))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("first")
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1)
            .allSatisfy(s -> assertThat(s).isInstanceOf(UncheckedIOException.class)));
  }

  @Test
  void runAll_noTasks_doesNothing() {
    Parallel.runAll(r -> {
      throw new AssertionError("not called");
    }, List.of());
  }
}
