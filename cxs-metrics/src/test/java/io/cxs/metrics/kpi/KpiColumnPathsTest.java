package io.cxs.metrics.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxs.core.Cxs;
import io.cxs.core.customer.Identity;
import io.cxs.core.feedback.Feedback;
import io.cxs.core.feedback.FeedbackKind;
import io.cxs.core.feedback.Scale;
import io.cxs.core.ingest.FeedbackEvent;
import io.cxs.core.ingest.IdentifyEvent;
import io.cxs.core.jdbc.Dialect;
import io.cxs.core.jdbc.DriverManagerDataSource;
import io.cxs.core.jdbc.JdbcSchema;
import io.cxs.core.jdbc.JdbcStores;
import io.cxs.core.spi.FeedbackBatch;
import io.cxs.core.spi.FeedbackStore;
import io.cxs.core.spi.PlainBatches;
import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.JourneyStage;
import io.cxs.metrics.CalendarPeriod;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The KPI scan counts the in-memory store's column arrays directly and copies other stores' rows
 * into chunks of arrays first; both must give the same report. The other store here is the same
 * in-memory store behind {@link PlainBatches}, whose batches only have the {@link FeedbackBatch}
 * accessors, and a JDBC store.
 */
class KpiColumnPathsTest {
  private static final List<String> ZONES = List.of("UTC", "+05:30", "-09:30", "+01:00:30",
      "Europe/Berlin", "Asia/Kathmandu");
  private static final List<Optional<Dimension>> DIMENSIONS = List.of(Optional.empty(),
      Optional.of(Dimension.channel()), Optional.of(Dimension.survey()),
      Optional.of(Dimension.stage()), Optional.of(Dimension.touchpoint()));
  private static final JourneyStage[] STAGES = JourneyStage.values();

  @Provide
  Arbitrary<List<Feedback>> feedback() {
    Arbitrary<Long> seconds = Arbitraries.longs()
        .between(Instant.parse("2025-12-20T00:00:00Z").getEpochSecond(),
            Instant.parse("2026-04-10T00:00:00Z").getEpochSecond());
    Arbitrary<String> survey = Arbitraries.of("nps", "nps", "csat", "ces", "other");
    Arbitrary<Integer> score = Arbitraries.integers().between(-1, 10);
    Arbitrary<Integer> other = Arbitraries.integers().between(0, 5);
    return Combinators.combine(seconds, survey, score, other, other).as((t, s, sc, u, x) -> {
      Scale scale = switch (s) {
        case "nps" -> x == 5 ? Scale.of(1, 10) : Scale.NPS; // some rows on a scale the KPI skips
        case "csat" -> Scale.CSAT;
        case "ces" -> Scale.CES;
        default -> Scale.of(0, 10);
      };
      OptionalInt value = sc < 0 ? OptionalInt.empty()
          : OptionalInt.of(scale.min() + sc % scale.points());
      FeedbackKind kind = sc < 0 && x == 0 ? FeedbackKind.COMPLAINT : FeedbackKind.SURVEY;
      return new Feedback("id", Identity.userId("u" + u), Instant.ofEpochSecond(t), kind, s,
          scale, value, Optional.empty(),
          x % 2 == 0 ? Optional.of("tp" + x) : Optional.empty(),
          Channel.of("ch" + (u + x) % 4), x == 4 ? Optional.empty() : Optional.of(STAGES[u]));
    }).list().ofMaxSize(80).map(Fixtures::withDistinctIds);
  }

  @Property(tries = 300)
  void copiedChunks_countAsTheStoreArrays(@ForAll("feedback") List<Feedback> feedback,
      @ForAll @IntRange(min = 0, max = 5) int zoneIndex,
      @ForAll @IntRange(min = 0, max = 4) int periodIndex,
      @ForAll @IntRange(min = 0, max = 4) int dimensionIndex) {
    KpiQuery.Builder b = KpiQuery.builder().zone(ZoneId.of(ZONES.get(zoneIndex)));
    if (periodIndex < CalendarPeriod.values().length) {
      b.period(CalendarPeriod.values()[periodIndex]);
    }
    DIMENSIONS.get(dimensionIndex).ifPresent(b::by);
    KpiQuery q = b.build();
    FeedbackStore store = FeedbackStore.inMemory();
    store.addAll(feedback);
    assertSameReport(q.run(PlainBatches.feedback(store)), q.run(store));
  }

  /**
   * A JDBC store's batches go through the copied chunks. Here they hold more distinct scales than
   * one chunk's scale table (128; the in-memory store takes at most 127) over more rows than one
   * chunk (2,048): a chunk ends early and the next one goes on, so every row is counted, or
   * skipped for its scale, exactly as folding the records one by one says.
   */
  @Test
  void jdbcStore_manyScalesAndChunks_countsEveryRowAsTheRecords() {
    Instant t0 = Instant.parse("2026-01-05T00:00:00Z");
    int rows = 5_000;
    List<Feedback> feedback = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      // every 20th row is NPS on the 0-10 scale; the others rate on one of 300 other scales
      Scale scale = i % 20 == 0 ? Scale.NPS : Scale.of(i % 300 - 100, i % 300 - 100 + 10);
      feedback.add(new Feedback("e" + i, Identity.userId("u" + i / 7),
          t0.plusSeconds(3_600L * i), FeedbackKind.SURVEY, "nps", scale,
          OptionalInt.of(scale.min() + i % 11), Optional.empty(), Optional.empty(),
          Channel.of("ch" + i % 3), Optional.empty()));
    }
    DriverManagerDataSource ds = DriverManagerDataSource.of("jdbc:h2:mem:kpi-chunks");
    try {
      JdbcSchema.migrate(ds, Dialect.H2);
      FeedbackStore store = JdbcStores.builder(ds).scanBatchRows(1_000).build().feedback();
      assertThat(store.addAll(feedback)).isEqualTo(rows);
      KpiQuery q = KpiQuery.builder().period(CalendarPeriod.WEEK).by(Dimension.channel())
          .build();
      KpiReport report = q.run(store);

      Map<String, Map<String, KpiResults>> expected = new TreeMap<>();
      Map<String, Map<String, Kpis>> folded = new TreeMap<>();
      for (Feedback f : feedback) {
        if (!q.scaleMatches(f)) {
          continue; // counted as ignored, checked below
        }
        String week = CalendarPeriod.WEEK.label(CalendarPeriod.WEEK.index(f.timestamp(),
            q.zone()));
        folded.computeIfAbsent(week, x -> new TreeMap<>())
            .merge(f.channel().name(), q.add(Kpis.empty(), f), Kpis::merge);
      }
      folded.forEach((w, row) -> row.forEach((g, k) -> {
        if (!k.hasNoAnswers()) {
          expected.computeIfAbsent(w, x -> new TreeMap<>()).put(g, k.result(q.minimumSample()));
        }
      }));
      Map<String, Map<String, KpiResults>> actual = new TreeMap<>();
      report.periodsByGroup().forEach((g, periods) -> periods.forEach(p ->
          actual.computeIfAbsent(p.period(), x -> new TreeMap<>()).put(g, p.kpis())));
      assertThat(actual).isEqualTo(expected);
      assertThat(report.overall().nps().responses()).isEqualTo(rows / 20);
      assertThat(report.ignoredResponses()).isEqualTo(rows - rows / 20);
    } finally {
      ds.close();
    }
  }

  /**
   * One in-memory batch of 5,000 rows is copied in three chunks, so the rated-touchpoint groups
   * (computed per batch row) must be read at the chunk's offset in the batch.
   */
  @Test
  void severalChunksOfOneBatch_countAsTheArrays() {
    FeedbackStore store = FeedbackStore.inMemory();
    Instant t0 = Instant.parse("2026-01-05T00:00:00Z");
    for (int i = 0; i < 5_000; i++) {
      store.add(new Feedback("e" + i, Identity.userId("u" + i / 3), t0.plusSeconds(977L * i),
          FeedbackKind.SURVEY, "nps", Scale.NPS, OptionalInt.of(i * 7 % 11), Optional.empty(),
          i % 4 == 0 ? Optional.empty() : Optional.of("tp" + i % 9), Channel.of("ch" + i % 5),
          Optional.of(STAGES[i % STAGES.length])));
    }
    for (Dimension d : List.of(Dimension.touchpoint(), Dimension.stage(), Dimension.channel())) {
      KpiQuery q = KpiQuery.builder().period(CalendarPeriod.DAY).by(d).build();
      KpiReport arrays = q.run(store);
      assertThat(arrays.groups()).hasSizeGreaterThan(4);
      assertSameReport(q.run(PlainBatches.feedback(store)), arrays);
    }
  }

  /** A customer-trait dimension reads the subject column; through an engine on both paths. */
  @Test
  void traitDimension_countsAsTheArrays() {
    Cxs arrays = Cxs.builder().build();
    Cxs chunks =
        Cxs.builder().feedbackStore(PlainBatches.feedback(FeedbackStore.inMemory())).build();
    Instant t0 = Instant.parse("2026-02-02T10:00:00Z");
    for (Cxs cxs : List.of(arrays, chunks)) {
      for (int u = 0; u < 40; u++) {
        cxs.ingest(IdentifyEvent.of("i" + u, "u" + u, t0, Map.of("plan", "p" + u % 3)));
        for (int k = 0; k < 5; k++) {
          cxs.ingest(FeedbackEvent.survey("f" + u + "-" + k, "u" + u,
              t0.plusSeconds(86_400L * (u + k)), "nps", (u + k) % 11));
        }
      }
    }
    KpiQuery q = KpiQuery.builder().period(CalendarPeriod.WEEK).by(Dimension.trait("plan"))
        .build();
    KpiReport expected = q.run(arrays);
    assertThat(expected.groups()).containsOnlyKeys("p0", "p1", "p2");
    assertSameReport(q.run(chunks), expected);
  }

  private static void assertSameReport(KpiReport actual, KpiReport expected) {
    assertThat(actual.periodsByGroup()).isEqualTo(expected.periodsByGroup());
    assertThat(actual.groups()).isEqualTo(expected.groups());
    assertThat(actual.overall()).isEqualTo(expected.overall());
    assertThat(actual.ignoredResponses()).isEqualTo(expected.ignoredResponses());
  }
}
