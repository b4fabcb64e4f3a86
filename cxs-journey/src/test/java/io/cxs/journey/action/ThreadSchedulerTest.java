package io.cxs.journey.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxs.core.Cxs;
import io.cxs.core.ingest.TrackEvent;
import io.cxs.core.touchpoint.Channel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class ThreadSchedulerTest {
  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  @Test
  void schedule_beforeStart_runsOnceStarted() throws Exception {
    CountDownLatch ran = new CountDownLatch(1);
    List<String> threads = new CopyOnWriteArrayList<>();
    try (ThreadScheduler s = Scheduler.threaded(Clock.fixed(T0, ZoneOffset.UTC))) {
      s.schedule(T0.minusSeconds(1), () -> {
        threads.add(Thread.currentThread().getName());
        ran.countDown();
      });
      s.start();
      assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(threads).containsExactly("cxs-action-scheduler");
      assertThatThrownBy(s::start).hasMessage("scheduler was already started or closed");
    }
  }

  @Test
  void orchestrator_withDefaultScheduler_deliversOffTheIngestingThread() throws Exception {
    Cxs cxs = Cxs.builder().clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    CountDownLatch delivered = new CountDownLatch(1);
    List<String> threads = new CopyOnWriteArrayList<>();
    Rule r = Rule.named("case").when(EventPattern.touchpoint("Refund Requested"))
        .then(ActionSpec.internal("open_case", Map.of())).build();
    try (Orchestrator o = Orchestrator.builder(cxs).rule(r).handler(req -> {
      threads.add(Thread.currentThread().getName());
      delivered.countDown();
    }).build().start()) {
      cxs.ingest(TrackEvent.of("e1", "u1", "Refund Requested", T0, Channel.WEB));
      assertThat(delivered.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(threads).containsExactly("cxs-action-scheduler");
    }
  }
}
