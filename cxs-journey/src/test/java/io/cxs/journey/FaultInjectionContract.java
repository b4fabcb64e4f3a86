package io.cxs.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.cxs.core.Cxs;
import io.cxs.core.StorageException;
import io.cxs.core.customer.Consent;
import io.cxs.core.customer.ConsentStatus;
import io.cxs.core.customer.CustomerView;
import io.cxs.core.customer.Identity;
import io.cxs.core.feedback.FeedbackKind;
import io.cxs.core.feedback.Scale;
import io.cxs.core.ingest.Event;
import io.cxs.core.ingest.FeedbackEvent;
import io.cxs.core.ingest.IdentifyEvent;
import io.cxs.core.ingest.TrackEvent;
import io.cxs.core.jdbc.TestDatabases;
import io.cxs.core.spi.FaultyStores;
import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.Money;
import io.cxs.metrics.CalendarPeriod;
import io.cxs.metrics.kpi.Dimension;
import io.cxs.metrics.kpi.KpiQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Same answers under faults (#13): a stream is ingested event by event through stores that fail
 * one write call (see {@link FaultyStores}): for every write call the stream makes, once failing
 * before the write reaches the store (nothing written) and once after (written, but the caller
 * sees the error, as when a commit's acknowledgement is lost). The caller sees the
 * {@link StorageException}, goes on, and then redelivers the whole stream, as an at-least-once
 * pipeline does. The end state (counts, every customer's view, who each identity belongs to, KPI
 * tables and funnels) must then be a state that a fault-free engine reaches: either that of a
 * clean run (the failed event took effect after all) or that of a run in which the failed event
 * arrived only with the redelivery (it did not take effect the first time). A state between the
 * two (an event stored but its profile change lost, a merge half made) fails.
 *
 * <p>{@link DurableFaultInjectionContract} adds the crash: the engine is abandoned at the fault
 * and a new one, over the same durable data, gets the redelivery.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FaultInjectionContract {
  static final Instant T = Instant.parse("2026-02-02T09:00:00Z");
  /** The stream: identifies, anonymous visitors who identify, e-mail and phone merges, redeliveries. */
  static final List<Event> STREAM = stream();

  private Snapshot clean;
  private final Map<Integer, Snapshot> lateArrivals = new HashMap<>();
  private int writes;

  /**
   * @param tenant a tenant id
   * @return the tenant's stores; a durable store opens the same data again on a second call, as
   *     a new process would (in-memory stores are new on every call)
   */
  abstract Stores open(String tenant);

  /**
   * The answers compared after a fault.
   *
   * @param counts stored profiles, touchpoints and feedback
   * @param views every customer's 360 view
   * @param owners the customer of every identity the stream names
   * @param kpis KPI tables
   * @param funnels funnels with breakdowns
   */
  record Snapshot(CxsAnswers.Counts counts, SortedMap<String, CustomerView> views,
      SortedMap<String, String> owners, Map<String, CxsAnswers.KpiTables> kpis,
      Map<String, CxsAnswers.FunnelAnswer> funnels) {

    static Snapshot of(Cxs cxs) {
      Map<String, CxsAnswers.KpiTables> kpis = new LinkedHashMap<>();
      kpis.put("weekly by channel", CxsAnswers.KpiTables.of(KpiQuery.builder()
          .period(CalendarPeriod.WEEK).by(Dimension.channel()).build().run(cxs)));
      kpis.put("by survey", CxsAnswers.KpiTables.of(KpiQuery.builder()
          .by(Dimension.survey()).build().run(cxs)));
      kpis.put("by plan", CxsAnswers.KpiTables.of(KpiQuery.builder()
          .by(Dimension.trait("plan")).build().run(cxs)));
      return new Snapshot(CxsAnswers.counts(cxs), CxsAnswers.views(cxs),
          CxsAnswers.owners(cxs, EventStreams.identities(STREAM)), kpis,
          Map.of("shopping by first channel",
              CxsAnswers.FunnelAnswer.of(CxsAnswers.SHOPPING.run(cxs))));
    }
  }

  private static List<Event> stream() {
    List<Event> s = new ArrayList<>();
    s.add(TrackEvent.anonymous("m01", "a-1", "Page Viewed", at(0), Channel.WEB));
    // the anonymous visitor identifies
    s.add(IdentifyEvent.link("m02", "ann", "a-1", at(9),
        Map.of("email", "ann@example.com", "plan", "basic")));
    s.add(TrackEvent.of("m03", "ann", "Product Added", at(12), Channel.MOBILE_APP));
    s.add(both("m04", "ann", "a-1", "Order Completed", at(15))
        .withValue(Money.of("19.99", "EUR")));
    s.add(FeedbackEvent.survey("m05", "ann", at(60), "nps", 9));
    s.add(TrackEvent.anonymous("m06", "a-2", "Page Viewed", at(70), Channel.EMAIL));
    // a track that carries both ids links them
    s.add(both("m07", "bob", "a-2", "Product Viewed", at(72)));
    // a new user's first event is a survey answer
    s.add(FeedbackEvent.survey("m08", "cat", at(80), "nps", 3));
    s.add(IdentifyEvent.of("m09", "cat", at(81),
        Map.of("email", "cat@example.com", "phone", "+49301112233")));
    // shares ann's e-mail address: merges two users
    s.add(IdentifyEvent.of("m10", "dan", at(90), Map.of("email", "ann@example.com")));
    s.add(TrackEvent.of("m11", "dan", "Product Added", at(95), Channel.MOBILE_APP));
    // a new anonymous visitor's first event is a survey answer
    s.add(new FeedbackEvent("m12", Optional.empty(), Optional.of("a-3"), at(101),
        FeedbackKind.SURVEY, "csat", Scale.CSAT, OptionalInt.of(2), Optional.empty(),
        Optional.empty(), Channel.EMAIL, Optional.empty()));
    s.add(s.get(3)); // m04 again
    s.add(new IdentifyEvent("m14", Optional.of("bob"), Optional.empty(), at(120),
        Map.of("plan", "pro"), List.of(Consent.of("marketing", Channel.EMAIL,
            ConsentStatus.GRANTED, at(120)))));
    // a new visitor shares cat's phone number: merges cat, eve and a-4
    s.add(IdentifyEvent.link("m15", "eve", "a-4", at(142), Map.of("phone", "+49301112233")));
    s.add(TrackEvent.of("m16", "eve", "Order Completed", at(160), Channel.WEB)
        .withValue(Money.of("12.50", "EUR")));
    // arrives late: happened before everything else of ann's
    s.add(TrackEvent.of("m17", "ann", "Product Viewed", at(-30), Channel.EMAIL));
    // feedback under ann's old anonymous id
    s.add(new FeedbackEvent("m18", Optional.empty(), Optional.of("a-1"), at(180),
        FeedbackKind.SURVEY, "nps", Scale.NPS, OptionalInt.of(6), Optional.empty(),
        Optional.empty(), Channel.WEB, Optional.empty()));
    s.add(s.get(9)); // m10 again
    // a new customer whose first event names two identities
    s.add(both("m20", "gus", "a-6", "Product Viewed", at(210)));
    s.add(FeedbackEvent.survey("m21", "gus", at(215), "ces", 2));
    s.add(IdentifyEvent.of("m22", "ann", at(230), Map.of("plan", "pro")));
    return List.copyOf(s);
  }

  private static Instant at(long minutes) {
    return T.plus(Duration.ofMinutes(minutes));
  }

  private static TrackEvent both(String id, String user, String anon, String event,
      Instant at) {
    return new TrackEvent(id, Optional.of(user), Optional.of(anon), event, at, Channel.WEB,
        Optional.empty(), Map.of(), Optional.empty());
  }

  /** @return a clean run's answers: the stream ingested once on in-memory stores */
  final Snapshot clean() {
    if (clean == null) {
      clean = reference(STREAM);
    }
    return clean;
  }

  /**
   * @return the answers of a fault-free run in which event {@code k} did not take effect on its
   *     first delivery: the stream without it, then the whole stream again
   */
  final Snapshot arrivingLate(int k) {
    return lateArrivals.computeIfAbsent(k, i -> {
      List<Event> events = new ArrayList<>(STREAM);
      events.remove(i.intValue());
      events.addAll(STREAM);
      return reference(events);
    });
  }

  private static Snapshot reference(List<Event> events) {
    Cxs cxs = Stores.inMemory().engine();
    events.forEach(cxs::ingest);
    return Snapshot.of(cxs);
  }

  /** @return how many write calls the stream makes on a clean run on these stores */
  final int writes() {
    if (writes == 0) {
      FaultyStores counting = FaultyStores.none();
      Cxs cxs = faulty(open(TestDatabases.uniqueTenant()), counting).engine();
      STREAM.forEach(cxs::ingest);
      writes = counting.writes();
    }
    return writes;
  }

  static Stores faulty(Stores stores, FaultyStores faults) {
    return new Stores(faults.customers(stores.customers()),
        faults.touchpoints(stores.touchpoints()), faults.feedback(stores.feedback()));
  }

  /**
   * Ingests the stream to its end, or (with {@code stopAtFault}) up to the event during whose
   * ingestion the fault fired, catching the injected failure and no other.
   *
   * @return the index of the event during whose ingestion the fault fired
   */
  static int ingestThroughFault(Cxs cxs, FaultyStores faults, boolean stopAtFault) {
    int faultAt = -1;
    for (int i = 0; i < STREAM.size(); i++) {
      try {
        cxs.ingest(STREAM.get(i));
      } catch (StorageException e) {
        if (!e.getMessage().contains("injected fault")) {
          throw e;
        }
      }
      if (faultAt < 0 && faults.failed().isPresent()) {
        faultAt = i;
        if (stopAtFault) {
          break;
        }
      }
    }
    assertThat(faultAt).as("the fault %s fired", faults).isNotNegative();
    return faultAt;
  }

  static String describe(Event e) {
    String what = e instanceof TrackEvent t ? "track '" + t.event() + "'"
        : e instanceof FeedbackEvent f ? "feedback '" + f.survey() + "'" : "identify";
    return e.messageId() + " (" + what + " by "
        + e.identities().stream().map(Identity::key).toList() + ")";
  }

  /** Fails unless {@code actual} is a clean run's state or that of event k arriving late. */
  final void assertRecovered(Snapshot actual, FaultyStores faults, int k, boolean crashed) {
    Optional<String> vsClean = SameAnswers.difference("the answers", actual, clean());
    if (vsClean.isEmpty()) {
      return;
    }
    String context = "after " + faults.failed().orElseThrow() + " while ingesting event "
        + describe(STREAM.get(k))
        + (crashed ? ", a new engine over the same stores, " : ", the engine going on, ")
        + "and a redelivery of the whole stream, ";
    if (crashed) {
      fail(context + "the answers are not a clean run's:\n" + vsClean.get());
    }
    Snapshot late = arrivingLate(k);
    Optional<String> vsLate = SameAnswers.difference("the answers", actual, late);
    if (vsLate.isEmpty()) {
      return;
    }
    fail(context + "the answers are neither a clean run's nor those of a run in which "
        + STREAM.get(k).messageId() + " took effect only when redelivered:\n" + vsClean.get()
        + (late.equals(clean()) ? "" : "\n(against the late arrival)\n" + vsLate.get()));
  }

  @Test
  @DisplayName("a clean run on these stores gives the in-memory reference's answers, and a redelivery changes nothing")
  void cleanRun_sameAsReference() {
    Cxs cxs = open(TestDatabases.uniqueTenant()).engine();
    STREAM.forEach(cxs::ingest);
    SameAnswers.assertSame("a clean run's answers", Snapshot.of(cxs), clean());

    STREAM.forEach(cxs::ingest);
    SameAnswers.assertSame("the answers after a redelivery", Snapshot.of(cxs), clean());
  }

  @Test
  @DisplayName("a failed write reaches the caller as the injected StorageException, and the engine ingests the events after it")
  void faults_reachTheCaller() {
    assertThat(writes()).isGreaterThan(STREAM.size());
    FaultyStores faults = FaultyStores.failingWrite(1, FaultyStores.Mode.BEFORE_WRITE);
    Cxs cxs = faulty(open(TestDatabases.uniqueTenant()), faults).engine();
    assertThatThrownBy(() -> cxs.ingest(STREAM.get(0)))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("injected fault at write 1 (TouchpointStore.add) before the write");
    assertThat(cxs.touchpoints().contains("m01")).isFalse();
    for (int i = 1; i < STREAM.size(); i++) {
      cxs.ingest(STREAM.get(i));
    }
    // every later event wrote at least once
    assertThat(faults.writes()).isGreaterThanOrEqualTo(STREAM.size());
    assertThat(cxs.touchpoints().contains("m03")).isTrue();
  }

  @TestFactory
  @DisplayName("the same engine, after any one failed write and a redelivery of the stream, gives a fault-free run's answers")
  Stream<DynamicContainer> sameEngine_oneFailedWrite_redeliveryRecovers() {
    return Stream.of(FaultyStores.Mode.values()).map(mode -> DynamicContainer.dynamicContainer(
        "a write that fails " + modeText(mode),
        IntStream.rangeClosed(1, writes()).mapToObj(n ->
            DynamicTest.dynamicTest("write " + n + " fails " + modeText(mode), () -> {
              FaultyStores faults = FaultyStores.failingWrite(n, mode);
              Cxs cxs = faulty(open(TestDatabases.uniqueTenant()), faults).engine();
              int k = ingestThroughFault(cxs, faults, false);
              STREAM.forEach(cxs::ingest);
              assertRecovered(Snapshot.of(cxs), faults, k, false);
            }))));
  }

  static String modeText(FaultyStores.Mode mode) {
    return mode == FaultyStores.Mode.BEFORE_WRITE ? "before the write" : "after the write";
  }
}
