package io.cxs.journey;

import static io.cxs.journey.SameAnswers.assertSame;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxs.core.Cxs;
import io.cxs.core.IngestOutcome;
import io.cxs.core.ingest.Event;
import io.cxs.core.jdbc.TestDatabases;
import io.cxs.core.customer.Identity;
import io.cxs.core.spi.ScanDictionary;
import io.cxs.core.touchpoint.Channel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every store gives the same answers (#13): an engine over the stores under test and an engine
 * over the in-memory stores (the reference) ingest the same generated stream, and every answer
 * cxs gives above the stores must be equal: ingest outcomes, profile counts, every customer's
 * 360 view, who each identity belongs to, KPI tables, funnels with breakdowns, paths, journey
 * maps, retention and friction points.
 *
 * <p>The streams (see {@link EventStreams}) are read back in scan batches of a few rows, or, for
 * the large one, of the store's default size, so that subjects, event names, channels and
 * surveys first appear in late batches. Each stream is ingested once per test class; the tests
 * compare one kind of answer each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CrossStoreEquivalenceContract {
  /** Scan batch rows for the small streams: each spans many batches. */
  static final int SMALL_BATCH_ROWS = 50;

  /**
   * A stream and the scan batch size of the stores under test.
   *
   * @param stream the stream
   * @param scanBatchRows rows per scan batch, or 0 for the store's default
   */
  record Case(EventStreams.Spec stream, int scanBatchRows) {
    @Override
    public String toString() {
      return stream.name() + ", " + (scanBatchRows == 0 ? "default scan batches"
          : scanBatchRows + "-row scan batches");
    }
  }

  /** The ingested engines of one case. */
  private record Engines(List<Event> events, Cxs reference, Cxs tested,
      List<IngestOutcome> referenceOutcomes, List<IngestOutcome> testedOutcomes) {}

  private final Map<Case, Engines> engines = new HashMap<>();

  /**
   * @param tenant a tenant no other test uses (stores without tenants ignore it)
   * @param scanBatchRows rows per scan batch, or 0 for the store's default (stores that do not
   *     scan in batches ignore it)
   * @return fresh, empty stores; stores of different tenants share their database
   */
  abstract Stores newStores(String tenant, int scanBatchRows);

  /** A stream a little larger than one default scan batch, of touchpoints and of feedback. */
  static final Case LARGE = new Case(new EventStreams.Spec(
      "seed 14: 1,150 visitors, 40 late users, 6 survey rounds", 14, 1150, 40, 6), 0);

  /** @return the small streams, each read back in scan batches of a few rows */
  static List<Case> smallCases() {
    return List.of(
        new Case(new EventStreams.Spec("seed 11: 100 visitors, 12 late users", 11, 100, 12, 2),
            SMALL_BATCH_ROWS),
        new Case(new EventStreams.Spec("seed 12: 80 visitors, 20 late users", 12, 80, 20, 3),
            SMALL_BATCH_ROWS),
        new Case(new EventStreams.Spec("seed 13: 60 visitors, 8 late users", 13, 60, 8, 1), 7));
  }

  /** @return the cases this store runs: the small streams and {@link #LARGE} */
  List<Case> cases() {
    List<Case> all = new ArrayList<>(smallCases());
    all.add(LARGE);
    return all;
  }

  private Engines engines(Case c) {
    return engines.computeIfAbsent(c, k -> {
      List<Event> events = EventStreams.generate(k.stream());
      Cxs reference = Stores.inMemory().engine();
      Cxs tested = newStores(TestDatabases.uniqueTenant(), k.scanBatchRows()).engine();
      List<IngestOutcome> ro = new ArrayList<>(events.size());
      List<IngestOutcome> to = new ArrayList<>(events.size());
      for (Event e : events) {
        ro.add(reference.ingest(e));
        to.add(tested.ingest(e));
      }
      return new Engines(events, reference, tested, ro, to);
    });
  }

  @AfterAll
  void closeEngines() {
    engines.values().forEach(e -> {
      e.reference().close();
      e.tested().close();
    });
  }

  private void assertSameAnswer(Case c, String what, Function<Cxs, Object> answer) {
    Engines e = engines(c);
    Object reference = answer.apply(e.reference());
    assertSame(what, answer.apply(e.tested()), reference);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("every event is accepted or a duplicate exactly as on the reference")
  void ingest_sameOutcomes(Case c) {
    Engines e = engines(c);
    assertThat(e.testedOutcomes()).containsExactlyElementsOf(e.referenceOutcomes());
    assertThat(e.referenceOutcomes()).contains(IngestOutcome.DUPLICATE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("the stores hold as many profiles, touchpoints and pieces of feedback as the reference's")
  void counts_same(Case c) {
    assertSameAnswer(c, "counts", CxsAnswers::counts);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("every customer's 360 view (identities, traits, consents, merges, touchpoints, feedback) is the reference's")
  void customerViews_same(Case c) {
    assertSameAnswer(c, "customer views", CxsAnswers::views);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("every identity the stream names belongs to the same customer as on the reference")
  void identities_sameOwners(Case c) {
    Set<Identity> ids = EventStreams.identities(engines(c).events());
    assertSameAnswer(c, "identity owners", cxs -> CxsAnswers.owners(cxs, ids));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("KPI tables by period, channel, survey, stage and trait are the reference's")
  void kpis_same(Case c) {
    assertSameAnswer(c, "KPI tables", CxsAnswers::kpis);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("funnels (with breakdowns by first channel and by trait, dropped customers) are the reference's")
  void funnels_same(Case c) {
    assertSameAnswer(c, "funnels", CxsAnswers::funnels);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("paths after and before an anchor, and their Sankey graphs, are the reference's")
  void paths_same(Case c) {
    assertSameAnswer(c, "paths", CxsAnswers::paths);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("the journey map (stage reach, times, channels, feedback, current stages) is the reference's")
  void journeyMap_same(Case c) {
    assertSameAnswer(c, "journey map", CxsAnswers::journeyMap);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("cohort retention, churn and repeat purchases are the reference's")
  void retention_same(Case c) {
    assertSameAnswer(c, "retention", CxsAnswers::retention);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("friction points of the journey map and of the funnel are the reference's")
  void friction_same(Case c) {
    assertSameAnswer(c, "friction points", CxsAnswers::friction);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @DisplayName("a streaming store meets new subjects, names, channels and surveys in late scan batches (what this suite is for)")
  void streams_bringNewCodesInLateBatches(Case c) {
    Cxs tested = engines(c).tested();
    List<Codes> touchpoints = new ArrayList<>();
    tested.touchpoints().scan(b -> touchpoints.add(Codes.of(b.dictionary())));
    List<Codes> feedback = new ArrayList<>();
    tested.feedback().scan(b -> feedback.add(Codes.of(b.dictionary())));
    Assumptions.assumeFalse(touchpoints.get(0).complete(),
        "this store's first scan batch already has every code");

    // the small batches give many; the large stream is a little over one default batch
    assertThat(touchpoints).as("touchpoint scan batches")
        .hasSizeGreaterThanOrEqualTo(c.scanBatchRows() == 0 ? 2 : 3);
    Codes first = touchpoints.get(0);
    Codes last = touchpoints.get(touchpoints.size() - 1);
    assertThat(last.subjects()).isGreaterThan(first.subjects());
    assertThat(first.names()).doesNotContainAnyElementsOf(EventStreams.LATE_EVENTS);
    assertThat(last.names()).containsAll(EventStreams.LATE_EVENTS);
    assertThat(first.channels()).doesNotContain(EventStreams.LATE_CHANNEL);
    assertThat(last.channels()).contains(EventStreams.LATE_CHANNEL);
    assertThat(feedback).as("feedback scan batches").hasSizeGreaterThanOrEqualTo(2);
    assertThat(feedback.get(0).names()).doesNotContain(EventStreams.LATE_SURVEY);
    assertThat(feedback.get(feedback.size() - 1).names()).contains(EventStreams.LATE_SURVEY);
  }

  @Test
  @DisplayName("two engines on the same database with different tenants each give their own stream's answers")
  void tenants_doNotSeeEachOther() {
    List<Event> a = EventStreams.generate(new EventStreams.Spec("tenant a", 21, 40, 4, 1));
    List<Event> b = EventStreams.generate(new EventStreams.Spec("tenant b", 22, 30, 6, 2));
    Cxs referenceA = Stores.inMemory().engine();
    Cxs referenceB = Stores.inMemory().engine();
    Cxs testedA = newStores(TestDatabases.uniqueTenant(), 0).engine();
    Cxs testedB = newStores(TestDatabases.uniqueTenant(), 0).engine();
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      if (i < a.size()) {
        referenceA.ingest(a.get(i));
        testedA.ingest(a.get(i));
      }
      if (i < b.size()) {
        referenceB.ingest(b.get(i));
        testedB.ingest(b.get(i));
      }
    }

    Map<String, Function<Cxs, Object>> answers = new LinkedHashMap<>();
    answers.put("counts", CxsAnswers::counts);
    answers.put("customer views", CxsAnswers::views);
    answers.put("KPI tables", CxsAnswers::kpis);
    answers.put("funnels", CxsAnswers::funnels);
    answers.put("journey map", CxsAnswers::journeyMap);
    answers.forEach((what, answer) -> {
      assertSame("tenant a's " + what, answer.apply(testedA), answer.apply(referenceA));
      assertSame("tenant b's " + what, answer.apply(testedB), answer.apply(referenceB));
    });
  }

  /**
   * The codes a scan batch's dictionary had when the batch was handed over.
   *
   * @param subjects the number of subject codes
   * @param names the names (event names, or survey names for feedback)
   * @param channels the channels
   * @param complete whether the dictionary said it had every code of the scan
   */
  private record Codes(int subjects, List<String> names, List<Channel> channels,
      boolean complete) {
    static Codes of(ScanDictionary d) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < d.nameCount(); i++) {
        names.add(d.name(i));
      }
      List<Channel> channels = new ArrayList<>();
      for (int i = 0; i < d.channelCount(); i++) {
        channels.add(d.channel(i));
      }
      return new Codes(d.subjectCount(), names, channels, d.complete());
    }
  }
}
