package io.cxs.metrics.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxs.core.customer.Identity;
import io.cxs.core.feedback.Feedback;
import io.cxs.core.feedback.FeedbackKind;
import io.cxs.core.feedback.Scale;
import io.cxs.core.spi.FeedbackStore;
import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.JourneyStage;
import io.cxs.metrics.CalendarPeriod;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A parallel scan cuts a large batch into parts counted apart and added up: the report must be
 * the one-thread report, for every period and dimension. The store holds enough responses
 * (200,000) to be cut into parts.
 */
final class KpiParallelTest {
  private static final String[] SURVEYS = {"nps", "csat", "ces", "other"};
  private static FeedbackStore store;
  private static ExecutorService pool;

  @BeforeAll
  static void load() {
    store = FeedbackStore.inMemory();
    Random rnd = new Random(3);
    long from = Instant.parse("2025-12-01T00:00:00Z").toEpochMilli();
    JourneyStage[] stages = JourneyStage.values();
    for (int i = 0; i < 200_000; i++) {
      String survey = SURVEYS[rnd.nextInt(SURVEYS.length)];
      Scale scale = survey.equals("nps") ? Scale.NPS : survey.equals("csat") ? Scale.CSAT
          : survey.equals("ces") ? (rnd.nextInt(10) == 0 ? Scale.of(1, 5) : Scale.CES)
          : Scale.of(1, 3);
      OptionalInt score = rnd.nextInt(20) == 0 ? OptionalInt.empty()
          : OptionalInt.of(scale.min() + rnd.nextInt(scale.max() - scale.min() + 1));
      store.add(new Feedback("f" + i, Identity.userId("u" + rnd.nextInt(30_000)),
          Instant.ofEpochMilli(from + (long) (rnd.nextDouble() * 90 * 86_400_000L)),
          FeedbackKind.SURVEY, survey, scale, score, Optional.empty(), Optional.empty(),
          Channel.of("ch" + rnd.nextInt(7)),
          rnd.nextBoolean() ? Optional.empty() : Optional.of(stages[rnd.nextInt(stages.length)])));
    }
    pool = Executors.newFixedThreadPool(3);
  }

  @AfterAll
  static void close() {
    pool.shutdownNow();
  }

  @Test
  void run_parallel_equalsOneThread() {
    KpiQuery.Builder[] queries = {
        KpiQuery.builder(),
        KpiQuery.builder().period(CalendarPeriod.WEEK).by(Dimension.channel()),
        KpiQuery.builder().period(CalendarPeriod.DAY).zone(ZoneId.of("America/New_York"))
            .by(Dimension.stage()),
        KpiQuery.builder().period(CalendarPeriod.MONTH).by(Dimension.survey())};
    KpiQuery.Builder[] again = {
        KpiQuery.builder(),
        KpiQuery.builder().period(CalendarPeriod.WEEK).by(Dimension.channel()),
        KpiQuery.builder().period(CalendarPeriod.DAY).zone(ZoneId.of("America/New_York"))
            .by(Dimension.stage()),
        KpiQuery.builder().period(CalendarPeriod.MONTH).by(Dimension.survey())};
    for (int q = 0; q < queries.length; q++) {
      KpiReport one = queries[q].build().run(store);
      KpiReport three = again[q].parallelism(3).executor(pool).build().run(store);
      assertThat(three.totals()).isEqualTo(one.totals());
      assertThat(three.ignoredResponses()).isEqualTo(one.ignoredResponses()).isPositive();
      assertThat(three.periods()).isEqualTo(one.periods());
      assertThat(three.groups()).isEqualTo(one.groups());
      assertThat(three.periodsByGroup()).isEqualTo(one.periodsByGroup());
    }
    assertThat(KpiQuery.builder().parallelism(2).build().run(store).totals())
        .isEqualTo(KpiQuery.ofDefaults().run(store).totals());
  }

  @Test
  void parallelism_outOfRange_isRejectedWithTheValue() {
    assertThatThrownBy(() -> KpiQuery.builder().parallelism(257))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parallelism must be in [1, 256] but was 257");
    assertThatThrownBy(() -> KpiQuery.builder().parallelism(2).parallelism(2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("parallelism was already set to 2");
  }
}
