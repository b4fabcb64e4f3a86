package io.cxs.metrics.retention;

import io.cxs.metrics.CalendarPeriod;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxs.core.json.CxsJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

final class RetentionPropertiesTest {

  /** An event: customer 0..7, an instant within about two years, and a kind. */
  record Ev(int customer, long epochSecond, int kind) {
    String name() {
      return kind == 0 ? "Page Viewed" : "Order Completed";
    }

    double amount() {
      return kind == 0 ? Double.NaN : kind;
    }
  }

  @Provide
  Arbitrary<List<Ev>> events() {
    Arbitrary<Ev> ev = Combinators.combine(
            Arbitraries.integers().between(0, 7),
            Arbitraries.longs().between(1_767_225_600L, 1_767_225_600L + 2L * 366 * 86_400),
            Arbitraries.integers().between(0, 2))
        .as(Ev::new);
    return ev.list().ofMaxSize(60);
  }

  @Provide
  Arbitrary<RetentionAnalysis> analyses() {
    return Combinators.combine(
            Arbitraries.of(CalendarPeriod.class),
            Arbitraries.of("UTC", "Europe/Berlin", "Pacific/Kiritimati", "America/St_Johns"),
            Arbitraries.of(Activity.any(), Activity.withValue(), Activity.named("Order Completed")))
        .as((g, z, a) -> RetentionAnalysis.builder(g).zone(java.time.ZoneId.of(z)).activity(a).build());
  }

  private static RetentionReport run(RetentionAnalysis analysis, List<Ev> events) {
    RetentionAccumulator acc = analysis.newAccumulator();
    for (Ev e : events) {
      acc.add("c" + e.customer(), Instant.ofEpochSecond(e.epochSecond()), e.name(), e.amount());
    }
    return acc.result();
  }

  @Property(tries = 300)
  void report_invariants(@ForAll("analyses") RetentionAnalysis analysis, @ForAll("events") List<Ev> events) {
    RetentionReport r = run(analysis, events);

    Set<Integer> activeCustomers = new HashSet<>();
    for (Ev e : events) {
      if (analysis.activity().test(e.name(), e.amount())) {
        activeCustomers.add(e.customer());
      }
    }
    assertThat(r.customers()).isEqualTo(activeCustomers.size());
    assertThat(r.cohorts().stream().mapToInt(Cohort::customers).sum()).isEqualTo(r.customers());
    List<String> periods = new ArrayList<>();
    if (!r.cohorts().isEmpty()) {
      periods.add(r.cohorts().get(0).period());
    }
    for (ChurnPeriod p : r.churn()) {
      assertThat(p.retained() + p.churned()).isEqualTo(p.activeBefore());
      p.churnRate().ifPresent(x -> assertThat(x).isBetween(0.0, 1.0));
      periods.add(p.period());
    }
    assertThat(periods).doesNotHaveDuplicates();
    for (Cohort c : r.cohorts()) {
      assertThat(c.rate(0)).isEqualTo(1.0);
      for (CohortCell cell : c.retention()) {
        assertThat(cell.active()).isBetween(0, c.customers());
      }
      // every cohort row runs from its own period to the last period of the data
      assertThat(c.retention()).hasSize(periods.size() - periods.indexOf(c.period()));
    }
    r.repeatPurchaseRate().ifPresent(x -> assertThat(x).isBetween(0.0, 1.0));
    assertThat(r.repeatPurchaseRate().isPresent()).isEqualTo(r.purchasers() > 0);
  }

  @Property(tries = 200)
  void result_isIndependentOfArrivalOrder(
      @ForAll("analyses") RetentionAnalysis analysis, @ForAll("events") List<Ev> events, @ForAll long seed) {
    List<Ev> shuffled = new ArrayList<>(events);
    Collections.shuffle(shuffled, new Random(seed));
    assertThat(run(analysis, shuffled)).isEqualTo(run(analysis, events));
  }

  @Property(tries = 200)
  void merge_ofAnySplit_equalsTheWhole(
      @ForAll("analyses") RetentionAnalysis analysis, @ForAll("events") List<Ev> events,
      @ForAll @Size(max = 60) List<Boolean> sides) {
    List<Ev> left = new ArrayList<>();
    List<Ev> right = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      (i < sides.size() && sides.get(i) ? left : right).add(events.get(i));
    }
    RetentionAccumulator a = analysis.newAccumulator();
    RetentionAccumulator b = analysis.newAccumulator();
    left.forEach(e -> a.add("c" + e.customer(), Instant.ofEpochSecond(e.epochSecond()), e.name(), e.amount()));
    right.forEach(e -> b.add("c" + e.customer(), Instant.ofEpochSecond(e.epochSecond()), e.name(), e.amount()));
    assertThat(a.merge(b).result()).isEqualTo(run(analysis, events));
  }

  @Property(tries = 100)
  void report_jsonRoundTrip(@ForAll("analyses") RetentionAnalysis analysis, @ForAll("events") List<Ev> events)
      throws Exception {
    ObjectMapper json = CxsJson.newMapper();
    RetentionReport r = run(analysis, events);
    assertThat(json.readValue(json.writeValueAsString(r), RetentionReport.class)).isEqualTo(r);
  }

  @Property(tries = 60)
  void analyze_store_equalsPlainInput(
      @ForAll("analyses") RetentionAnalysis analysis, @ForAll("events") List<Ev> events) {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < events.size(); i++) {
      Ev e = events.get(i);
      lines.append("{\"type\":\"track\",\"messageId\":\"m").append(i).append("\",\"userId\":\"u")
          .append(e.customer()).append("\",\"event\":\"").append(e.name()).append("\",\"timestamp\":\"")
          .append(Instant.ofEpochSecond(e.epochSecond())).append('"');
      if (!Double.isNaN(e.amount())) {
        lines.append(",\"properties\":{\"revenue\":").append(e.amount()).append('}');
      }
      lines.append("}\n");
    }
    try (io.cxs.core.Cxs cxs = io.cxs.core.Cxs.builder().build()) {
      assertThat(cxs.ingestJsonLines(new java.io.StringReader(lines.toString())).accepted()).isEqualTo(events.size());
      assertThat(analysis.analyze(cxs.touchpoints(), cxs.resolver())).isEqualTo(run(analysis, events));
    }
  }
}
