package io.cxs.metrics.kpi;

import io.cxs.metrics.CalendarPeriod;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxs.core.feedback.Feedback;
import io.cxs.core.feedback.Scale;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

final class KpiPropertiesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Zones with offset changes, odd offsets, and fixed offsets (one of them not whole minutes). */
  private static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "America/New_York",
      "Asia/Kathmandu", "Pacific/Apia", "+05:30", "-09:30", "+01:00:30");

  private static NpsAggregate nps(List<Integer> scores) {
    NpsAggregate a = NpsAggregate.empty();
    for (int s : scores) {
      a = s < 0 ? a.addSkipped() : a.add(s);
    }
    return a;
  }

  private static CesAggregate ces(List<Integer> scores) {
    CesAggregate a = CesAggregate.empty();
    for (int s : scores) {
      a = s < 1 ? a.addSkipped() : a.add(s);
    }
    return a;
  }

  private static CsatAggregate csat(List<Integer> scores) {
    CsatAggregate a = CsatAggregate.empty();
    for (int s : scores) {
      a = s < 1 || s > 5 ? a.addSkipped() : a.add(s);
    }
    return a;
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  @Property
  void nps_mergeEqualsWhole(@ForAll List<@IntRange(min = -1, max = 10) Integer> a,
      @ForAll List<@IntRange(min = -1, max = 10) Integer> b) {
    assertThat(nps(a).merge(nps(b))).isEqualTo(nps(concat(a, b)));
    assertThat(nps(a).merge(nps(b)).result()).isEqualTo(nps(concat(a, b)).result());
  }

  @Property
  void nps_mergeIsAssociativeWithIdentity(@ForAll List<@IntRange(min = -1, max = 10) Integer> a,
      @ForAll List<@IntRange(min = -1, max = 10) Integer> b,
      @ForAll List<@IntRange(min = -1, max = 10) Integer> c) {
    assertThat(nps(a).merge(nps(b)).merge(nps(c))).isEqualTo(nps(a).merge(nps(b).merge(nps(c))));
    assertThat(nps(a).merge(NpsAggregate.empty())).isEqualTo(nps(a));
    assertThat(NpsAggregate.empty().merge(nps(a))).isEqualTo(nps(a));
  }

  @Property
  void nps_resultIsInRange(@ForAll List<@IntRange(min = -1, max = 10) Integer> a) {
    NpsResult r = nps(a).result();
    assertThat(r.score()).isBetween(-100.0, 100.0);
    assertThat(r.ci95().lower()).isBetween(-100.0, r.score());
    assertThat(r.ci95().upper()).isBetween(r.score(), 100.0);
  }

  @Property
  void csat_mergeLaws(@ForAll List<@IntRange(min = 0, max = 5) Integer> a,
      @ForAll List<@IntRange(min = 0, max = 5) Integer> b,
      @ForAll List<@IntRange(min = 0, max = 5) Integer> c) {
    assertThat(csat(a).merge(csat(b))).isEqualTo(csat(concat(a, b)));
    assertThat(csat(a).merge(csat(b)).merge(csat(c))).isEqualTo(csat(a).merge(csat(b).merge(csat(c))));
    assertThat(csat(a).merge(CsatAggregate.empty())).isEqualTo(csat(a));
    CsatResult r = csat(a).result();
    assertThat(r.score()).isBetween(r.ci95().lower(), r.ci95().upper());
  }

  @Property
  void ces_mergeLaws(@ForAll List<@IntRange(min = 0, max = 7) Integer> a,
      @ForAll List<@IntRange(min = 0, max = 7) Integer> b,
      @ForAll List<@IntRange(min = 0, max = 7) Integer> c) {
    assertThat(ces(a).merge(ces(b))).isEqualTo(ces(concat(a, b)));
    assertThat(ces(a).merge(ces(b)).merge(ces(c))).isEqualTo(ces(a).merge(ces(b).merge(ces(c))));
    assertThat(ces(a).merge(CesAggregate.empty())).isEqualTo(ces(a));
    CesResult r = ces(a).result();
    assertThat(r.mean()).isBetween(r.responses() == 0 ? 0.0 : 1.0, 7.0);
  }

  @Property(tries = 200)
  void results_roundTripThroughJson(@ForAll List<@IntRange(min = -1, max = 10) Integer> a)
      throws Exception {
    NpsResult nps = nps(a).result();
    assertThat(JSON.readValue(JSON.writeValueAsString(nps), NpsResult.class)).isEqualTo(nps);
    List<Integer> small = a.stream().map(s -> s < 0 ? s : s % 8).toList();
    CesResult ces = ces(small).result();
    assertThat(JSON.readValue(JSON.writeValueAsString(ces), CesResult.class)).isEqualTo(ces);
    CsatResult csat = csat(small).result();
    assertThat(JSON.readValue(JSON.writeValueAsString(csat), CsatResult.class)).isEqualTo(csat);
    Kpis kpis = new Kpis(nps(a), csat(small), ces(small));
    assertThat(JSON.readValue(JSON.writeValueAsString(kpis), Kpis.class)).isEqualTo(kpis);
  }

  @Provide
  Arbitrary<List<Feedback>> feedback() {
    Arbitrary<Long> seconds = Arbitraries.longs()
        .between(Instant.parse("2025-12-20T00:00:00Z").getEpochSecond(),
            Instant.parse("2026-04-10T00:00:00Z").getEpochSecond());
    Arbitrary<String> channel = Arbitraries.of("web", "email", "sms");
    Arbitrary<String> survey = Arbitraries.of("nps", "nps", "csat", "ces", "other");
    Arbitrary<Integer> score = Arbitraries.integers().between(-1, 10);
    Arbitrary<Integer> user = Arbitraries.integers().between(0, 5);
    return Combinators.combine(seconds, channel, survey, score, user).as((t, ch, s, sc, u) -> {
      Scale scale = s.equals("nps") ? Scale.NPS : s.equals("csat") ? Scale.CSAT
          : s.equals("ces") ? Scale.CES : Scale.of(0, 10);
      Integer value = sc < 0 ? null : scale.min() + sc % scale.points();
      return Fixtures.feedback("id", "u" + u, Instant.ofEpochSecond(t).toString(), s, scale,
          value, ch);
    }).list().ofMaxSize(60).map(Fixtures::withDistinctIds);
  }

  @Property(tries = 300)
  void columnarScan_equalsFoldingRecords(@ForAll("feedback") List<Feedback> feedback,
      @ForAll @IntRange(min = 0, max = 7) int zoneIndex,
      @ForAll @IntRange(min = 0, max = 3) int periodIndex) {
    ZoneId zone = ZoneId.of(ZONES.get(zoneIndex));
    CalendarPeriod period = CalendarPeriod.values()[periodIndex];
    KpiQuery q = KpiQuery.builder().period(period).zone(zone).by(Dimension.channel()).build();
    Map<String, Map<String, Kpis>> expected = new TreeMap<>();
    for (Feedback f : feedback) {
      String label = period.label(period.index(f.timestamp(), zone));
      Map<String, Kpis> row = expected.computeIfAbsent(label, x -> new TreeMap<>());
      Kpis k = row.getOrDefault(f.channel().name(), Kpis.empty());
      Kpis after = q.add(k, f);
      if (after != k) {
        row.put(f.channel().name(), after);
      }
    }
    expected.values().removeIf(Map::isEmpty);
    Map<String, Map<String, KpiResults>> expectedResults = new TreeMap<>();
    expected.forEach((p, row) -> row.forEach((g, k) -> expectedResults
        .computeIfAbsent(p, x -> new TreeMap<>()).put(g, k.result(q.minimumSample()))));

    Map<String, Map<String, KpiResults>> actual = new TreeMap<>();
    q.run(feedback).periodsByGroup().forEach((g, periods) -> periods.forEach(p ->
        actual.computeIfAbsent(p.period(), x -> new TreeMap<>()).put(g, p.kpis())));
    assertThat(actual).isEqualTo(expectedResults);
  }

  @Property(tries = 200)
  void reportMerge_equalsTheReportOfTheUnion(@ForAll("feedback") List<Feedback> feedback,
      @ForAll @IntRange(min = 0, max = 60) int cut) {
    KpiQuery q = KpiQuery.builder().period(CalendarPeriod.WEEK).by(Dimension.channel()).build();
    int k = Math.min(cut, feedback.size());
    KpiReport merged = q.run(feedback.subList(0, k)).merge(q.run(feedback.subList(k, feedback.size())));
    KpiReport whole = q.run(feedback);
    assertThat(merged.periodsByGroup()).isEqualTo(whole.periodsByGroup());
    assertThat(merged.overall()).isEqualTo(whole.overall());
    assertThat(merged.ignoredResponses()).isEqualTo(whole.ignoredResponses());
  }

  @Property(tries = 100)
  void nps_scoreMatchesTheDefinition(@ForAll @Size(min = 1, max = 200)
      List<@IntRange(min = 0, max = 10) Integer> scores) {
    long promoters = scores.stream().filter(s -> s >= 9).count();
    long detractors = scores.stream().filter(s -> s <= 6).count();
    assertThat(nps(scores).result().score())
        .isEqualTo(100.0 * (promoters - detractors) / scores.size());
  }
}
