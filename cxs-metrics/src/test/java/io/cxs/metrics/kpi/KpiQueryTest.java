package io.cxs.metrics.kpi;

import io.cxs.metrics.CalendarPeriod;
import static io.cxs.metrics.kpi.Fixtures.event;
import static io.cxs.metrics.kpi.Fixtures.feedback;
import static io.cxs.metrics.kpi.Fixtures.nps;
import static io.cxs.metrics.kpi.Fixtures.npsEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cxs.core.Cxs;
import io.cxs.core.IngestOutcome;
import io.cxs.core.feedback.Feedback;
import io.cxs.core.feedback.Scale;
import io.cxs.core.ingest.IdentifyEvent;
import io.cxs.core.spi.FeedbackStore;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class KpiQueryTest {

  private static final KpiQuery WEEKLY_BY_CHANNEL =
      KpiQuery.builder().period(CalendarPeriod.WEEK).by(Dimension.channel()).build();

  private static List<Feedback> twoWeeks() {
    return List.of(
        nps("f1", "u1", "2026-01-05T10:00:00Z", 10, "web"),
        nps("f2", "u2", "2026-01-06T10:00:00Z", 9, "web"),
        nps("f3", "u3", "2026-01-07T10:00:00Z", 3, "email"),
        nps("f4", "u1", "2026-01-12T10:00:00Z", 8, "web"),
        nps("f5", "u2", "2026-01-13T10:00:00Z", 0, "email"),
        feedback("f6", "u3", "2026-01-13T11:00:00Z", "csat", Scale.CSAT, 5, "email"),
        feedback("f7", "u4", "2026-01-13T12:00:00Z", "ces", Scale.CES, 6, "web"),
        feedback("f8", "u4", "2026-01-13T13:00:00Z", "ces", Scale.CES, 2, "web"));
  }

  @Test
  void run_byWeekAndChannel_countsEachCell() {
    KpiReport r = WEEKLY_BY_CHANNEL.run(twoWeeks());
    NpsResult all = r.overall().nps();
    assertThat(all.responses()).isEqualTo(5);
    assertThat(all.promoters()).isEqualTo(2);
    assertThat(all.passives()).isEqualTo(1);
    assertThat(all.detractors()).isEqualTo(2);
    assertThat(all.score()).isZero();
    assertThat(r.periods()).extracting(PeriodResult::period).containsExactly("2026-W02", "2026-W03");
    assertThat(r.periods().get(0).kpis().nps().score()).isCloseTo(100.0 / 3, within(1e-12));
    assertThat(r.groups().keySet()).containsExactly("email", "web");
    assertThat(r.groups().get("web").nps().score()).isCloseTo(200.0 / 3, within(1e-12));
    Map<String, List<PeriodResult>> byGroup = r.periodsByGroup();
    assertThat(byGroup.get("email")).extracting(p -> p.kpis().nps().score())
        .containsExactly(-100.0, -100.0);
    assertThat(byGroup.get("web").get(1).kpis().ces().mean()).isEqualTo(4.0);
    assertThat(r.overall().csat().satisfied()).isEqualTo(1);
  }

  @Test
  void run_zone_movesSundayNightIntoTheNextWeek() {
    List<Feedback> f = List.of(nps("a", "u", "2026-01-04T23:30:00Z", 10, "web"));
    KpiQuery berlin = KpiQuery.builder().period(CalendarPeriod.WEEK).zone(ZoneId.of("Europe/Berlin"))
        .build();
    assertThat(KpiQuery.builder().period(CalendarPeriod.WEEK).build().run(f).periods())
        .extracting(PeriodResult::period).containsExactly("2026-W01");
    assertThat(berlin.run(f).periods()).extracting(PeriodResult::period)
        .containsExactly("2026-W02");
  }

  @Test
  void run_daylightSavingZone_usesLocalDays() {
    // New York switched to EDT at 2026-03-08T07:00Z. 04:30Z is 23:30 EST on the 7th,
    // 2026-03-09T03:30Z is 23:30 EDT on the 8th, and 06:59Z/07:01Z straddle the switch.
    List<Feedback> f = List.of(
        nps("a", "u", "2026-03-08T04:30:00Z", 10, "web"),
        nps("b", "u", "2026-03-08T06:59:00Z", 10, "web"),
        nps("c", "u", "2026-03-08T07:01:00Z", 0, "web"),
        nps("d", "u", "2026-03-09T03:30:00Z", 0, "web"),
        nps("e", "u", "2026-03-09T04:30:00Z", 0, "web"));
    KpiQuery q = KpiQuery.builder().period(CalendarPeriod.DAY).zone(ZoneId.of("America/New_York")).build();
    List<PeriodResult> days = q.run(f).periods();
    assertThat(days).extracting(PeriodResult::period)
        .containsExactly("2026-03-07", "2026-03-08", "2026-03-09");
    assertThat(days).extracting(d -> d.kpis().nps().responses()).containsExactly(1L, 3L, 1L);
  }

  @Test
  void run_oddOffsetZone_isExact() {
    // Kathmandu is UTC+05:45; 18:14Z is 23:59 local and 18:16Z is 00:01 the next day.
    List<Feedback> f = List.of(
        nps("a", "u", "2026-05-01T18:14:00Z", 10, "web"),
        nps("b", "u", "2026-05-01T18:16:00Z", 10, "web"));
    KpiQuery q = KpiQuery.builder().period(CalendarPeriod.DAY).zone(ZoneId.of("Asia/Kathmandu")).build();
    assertThat(q.run(f).periods()).extracting(PeriodResult::period)
        .containsExactly("2026-05-01", "2026-05-02");
  }

  @Test
  void run_skippedAndOtherScales_stayOutOfTheDenominator() {
    List<Feedback> f = List.of(
        nps("a", "u", "2026-01-05T10:00:00Z", 10, "web"),
        feedback("b", "u", "2026-01-05T11:00:00Z", "nps", Scale.NPS, null, "web"),
        feedback("c", "u", "2026-01-05T12:00:00Z", "nps", Scale.of(1, 5), 1, "web"),
        feedback("d", "u", "2026-01-05T13:00:00Z", "csat", Scale.CSAT, null, "web"));
    KpiReport r = KpiQuery.ofDefaults().run(f);
    assertThat(r.overall().nps().responses()).isEqualTo(1);
    assertThat(r.overall().nps().skipped()).isEqualTo(1);
    assertThat(r.overall().nps().score()).isEqualTo(100);
    assertThat(r.overall().csat().skipped()).isEqualTo(1);
    assertThat(r.ignoredResponses()).isEqualTo(1);
  }

  @Test
  void run_iterable_duplicateEventIdsCountOnce() {
    List<Feedback> f = new ArrayList<>(twoWeeks());
    f.add(nps("f1", "u1", "2026-01-05T10:00:00Z", 10, "web"));
    assertThat(KpiQuery.ofDefaults().run(f).overall().nps().responses()).isEqualTo(5);
    assertThat(KpiQuery.ofDefaults().run(f.stream()).overall().nps().responses()).isEqualTo(5);
  }

  @Test
  void run_traitDimension_anonymousFeedbackCountsOnceForTheResolvedCustomer() {
    Cxs cxs = Cxs.builder().build();
    cxs.ingest(event("m1", Optional.empty(), Optional.of("a-9"), "2026-01-05T10:00:00Z", "nps",
        Scale.NPS, 10, "web"));
    cxs.ingest(IdentifyEvent.link("m2", "c-42", "a-9", Instant.parse("2026-01-05T11:00:00Z"),
        Map.of("plan", "gold")));
    cxs.ingest(npsEvent("m3", "c-42", "2026-01-06T10:00:00Z", 9, "web"));
    cxs.ingest(IdentifyEvent.of("m4", "c-7", Instant.parse("2026-01-05T11:00:00Z"),
        Map.of("plan", "basic")));
    cxs.ingest(npsEvent("m5", "c-7", "2026-01-06T10:00:00Z", 2, "email"));
    assertThat(cxs.ingest(npsEvent("m5", "c-7", "2026-01-06T10:00:00Z", 2, "email")))
        .isEqualTo(IngestOutcome.DUPLICATE);
    cxs.ingest(npsEvent("m6", "c-8", "2026-01-06T10:00:00Z", 8, "email"));

    KpiReport r = KpiQuery.builder().by(Dimension.trait("plan")).build().run(cxs);
    assertThat(r.groups().keySet()).containsExactly("basic", "gold", Dimension.NONE);
    assertThat(r.groups().get("gold").nps().promoters()).isEqualTo(2);
    assertThat(r.groups().get("basic").nps().responses()).isEqualTo(1);
    assertThat(r.overall().nps().responses()).isEqualTo(4);
  }

  @Test
  void run_traitDimensionOnAStore_needsAnEngine() {
    KpiQuery q = KpiQuery.builder().by(Dimension.trait("plan")).build();
    assertThatThrownBy(() -> q.run(FeedbackStore.inMemory()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("dimension trait:plan needs an identity resolver: run the query on a Cxs engine");
  }

  @Test
  void run_byStageSurveyAndTouchpoint() {
    List<Feedback> f = List.of(
        nps("a", "u", "2026-01-05T10:00:00Z", 10, "web")
            .withStage(io.cxs.core.touchpoint.JourneyStage.PURCHASE).withTouchpointId("t1"),
        nps("b", "u", "2026-01-05T11:00:00Z", 0, "web").withTouchpointId("t2"),
        feedback("c", "u", "2026-01-05T12:00:00Z", "csat", Scale.CSAT, 4, "web")
            .withTouchpointId("t1"));
    assertThat(KpiQuery.builder().by(Dimension.stage()).build().run(f).groups().keySet())
        .containsExactly("purchase", Dimension.NONE);
    assertThat(KpiQuery.builder().by(Dimension.survey()).build().run(f).groups().keySet())
        .containsExactly("csat", "nps");
    KpiReport byTouchpoint = KpiQuery.builder().by(Dimension.touchpoint()).build().run(f);
    assertThat(byTouchpoint.groups().get("t1").csat().satisfied()).isEqualTo(1);
    assertThat(byTouchpoint.groups().get("t2").nps().detractors()).isEqualTo(1);
  }

  @Test
  void trend_flagsASignificantDrop() {
    List<Feedback> f = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      f.add(nps("w1-" + i, "u" + i, "2026-01-05T10:00:00Z", i < 70 ? 10 : 3, "web"));
      f.add(nps("w2-" + i, "u" + i, "2026-01-12T10:00:00Z", i < 40 ? 10 : 3, "web"));
      f.add(nps("w3-" + i, "u" + i, "2026-01-19T10:00:00Z", i < 42 ? 10 : 3, "web"));
    }
    KpiReport r = WEEKLY_BY_CHANNEL.run(f);
    List<PeriodChange> trend = r.trend(Kpi.NPS);
    assertThat(trend).hasSize(2);
    assertThat(trend.get(0).from()).isEqualTo("2026-W02");
    assertThat(trend.get(0).change().difference()).isCloseTo(-60, within(1e-9));
    assertThat(trend.get(0).change().significant()).isTrue();
    assertThat(trend.get(1).change().significant()).isFalse();
    assertThat(r.trend(Kpi.NPS, "web")).isEqualTo(trend);
    assertThat(r.trend(Kpi.CES)).isEmpty();
  }

  @Test
  void compareGroups_testsTheDifference() {
    KpiReport r = KpiQuery.builder().by(Dimension.channel()).build().run(twoWeeks());
    assertThat(r.compareGroups(Kpi.NPS, "email", "web").orElseThrow().difference())
        .isCloseTo(200.0 / 3 + 100, within(1e-9));
    assertThat(r.compareGroups(Kpi.NPS, "email", "sms")).isEmpty();
  }

  @Test
  void merge_reportsOfPartsEqualTheReportOfTheWhole() {
    List<Feedback> all = twoWeeks();
    KpiReport whole = WEEKLY_BY_CHANNEL.run(all);
    KpiReport merged = WEEKLY_BY_CHANNEL.run(all.subList(0, 3))
        .merge(WEEKLY_BY_CHANNEL.run(all.subList(3, all.size())));
    assertThat(merged.periodsByGroup()).isEqualTo(whole.periodsByGroup());
    assertThat(merged.overall()).isEqualTo(whole.overall());
  }

  @Test
  void merge_differentQueries_isRejected() {
    KpiReport a = WEEKLY_BY_CHANNEL.run(twoWeeks());
    KpiReport b = KpiQuery.ofDefaults().run(twoWeeks());
    assertThatThrownBy(() -> a.merge(b)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("query must match KpiQuery{period=WEEK");
  }

  @Test
  void live_countsFeedbackAsItArrives() {
    Cxs cxs = Cxs.builder().build();
    LiveKpis live = WEEKLY_BY_CHANNEL.live(cxs);
    cxs.ingest(npsEvent("m1", "u1", "2026-01-05T10:00:00Z", 10, "web"));
    cxs.ingest(npsEvent("m1", "u1", "2026-01-05T10:00:00Z", 10, "web"));
    cxs.ingest(npsEvent("m2", "u2", "2026-01-12T10:00:00Z", 1, "email"));
    cxs.ingest(event("m3", Optional.of("u3"), Optional.empty(), "2026-01-12T11:00:00Z", "nps",
        Scale.NPS, null, "email"));
    KpiReport snapshot = live.report();
    assertThat(snapshot.overall().nps().responses()).isEqualTo(2);
    assertThat(snapshot.overall().nps().skipped()).isEqualTo(1);
    assertThat(snapshot.periodsByGroup()).isEqualTo(WEEKLY_BY_CHANNEL.run(cxs).periodsByGroup());
    live.close();
    cxs.ingest(npsEvent("m4", "u4", "2026-01-12T10:00:00Z", 1, "email"));
    assertThat(live.report().overall().nps().responses()).isEqualTo(2);
  }

  @Test
  void builder_repeatedOption_isRejected() {
    assertThatThrownBy(() -> KpiQuery.builder().period(CalendarPeriod.DAY).period(CalendarPeriod.WEEK))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("period was already set to DAY");
  }

  @Test
  void builder_sameSurveyForTwoKpis_isRejected() {
    assertThatThrownBy(() -> KpiQuery.builder().npsSurvey("csat").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("survey names must differ but were nps=csat, csat=csat, ces=ces");
  }

  @Test
  void dimension_fromCode() {
    assertThat(Dimension.fromCode("Channel")).contains(Dimension.channel());
    assertThat(Dimension.fromCode("trait:plan")).contains(Dimension.trait("plan"));
    assertThat(Dimension.fromCode("colour")).isEmpty();
    assertThat(Dimension.trait("plan").code()).isEqualTo("trait:plan");
  }

  static Map<String, Long> npsByPeriod(KpiReport r) {
    return r.periods().stream().collect(Collectors.toMap(PeriodResult::period,
        p -> p.kpis().nps().responses()));
  }
}
