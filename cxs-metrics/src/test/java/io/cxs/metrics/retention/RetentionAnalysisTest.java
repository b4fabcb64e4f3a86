package io.cxs.metrics.retention;

import io.cxs.metrics.CalendarPeriod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxs.core.Cxs;
import io.cxs.core.customer.CustomerId;
import io.cxs.core.json.CxsJson;
import io.cxs.metrics.clv.HistoricalValue;
import io.cxs.metrics.clv.PeriodUnit;
import io.cxs.metrics.clv.RfmSummaries;
import io.cxs.metrics.clv.Transaction;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class RetentionAnalysisTest {

  private static Transaction t(String customer, String date) {
    return new Transaction(customer, LocalDate.parse(date), 10);
  }

  /**
   * A: Jan, Feb, Apr; B: Jan only; C: Feb, Mar; D: Apr (twice on one day); E: Jun. May is empty.
   */
  private static final List<Transaction> MONTHLY = List.of(
      t("A", "2026-01-05"), t("B", "2026-01-20"), t("A", "2026-02-10"), t("C", "2026-02-03"),
      t("C", "2026-03-03"), t("A", "2026-04-01"), t("D", "2026-04-15"), t("D", "2026-04-15"),
      t("E", "2026-06-01"));

  private static List<Integer> active(Cohort c) {
    return c.retention().stream().map(CohortCell::active).collect(Collectors.toList());
  }

  @Test
  void analyzeTransactions_monthly_handComputedCohortTable() {
    RetentionReport r = RetentionAnalysis.of(CalendarPeriod.MONTH).analyzeTransactions(MONTHLY);

    assertThat(r.customers()).isEqualTo(5);
    assertThat(r.cohorts()).extracting(Cohort::period).containsExactly("2026-01", "2026-02", "2026-04", "2026-06");
    assertThat(r.cohorts()).extracting(Cohort::customers).containsExactly(2, 1, 1, 1);
    // Jan cohort {A, B}: offset 1 = Feb (A), 2 = Mar (nobody), 3 = Apr (A), 4 = May, 5 = Jun
    assertThat(active(r.cohorts().get(0))).containsExactly(2, 1, 0, 1, 0, 0);
    assertThat(r.cohorts().get(0).rate(1)).isEqualTo(0.5);
    assertThat(r.cohorts().get(0).rate(0)).isEqualTo(1.0);
    assertThat(active(r.cohorts().get(1))).containsExactly(1, 1, 0, 0, 0);
    assertThat(active(r.cohorts().get(2))).containsExactly(1, 0, 0);
    assertThat(active(r.cohorts().get(3))).containsExactly(1);
  }

  @Test
  void analyzeTransactions_monthly_handComputedChurn() {
    RetentionReport r = RetentionAnalysis.of(CalendarPeriod.MONTH).analyzeTransactions(MONTHLY);

    assertThat(r.churn()).containsExactly(
        new ChurnPeriod("2026-02", 2, 1, 1), // Jan {A, B} -> A stays, B (only active in Jan) churns
        new ChurnPeriod("2026-03", 2, 1, 1), // Feb {A, C} -> C stays
        new ChurnPeriod("2026-04", 1, 0, 1), // Mar {C} -> gone; A returns, D is new: not counted
        new ChurnPeriod("2026-05", 2, 0, 2), // Apr {A, D} -> empty May
        new ChurnPeriod("2026-06", 0, 0, 0)); // nobody active in May: no rate
    assertThat(r.churn().get(0).churnRate()).hasValue(0.5);
    assertThat(r.churn().get(0).retentionRate()).hasValue(0.5);
    assertThat(r.churn().get(2).churnRate()).hasValue(1.0);
    assertThat(r.churn().get(4).churnRate()).isEmpty();
    assertThat(r.churn().get(4).retentionRate()).isEmpty();
  }

  @Test
  void repeatPurchaseRate_countsPurchaseDaysNotOrders() {
    RetentionReport r = RetentionAnalysis.of(CalendarPeriod.MONTH).analyzeTransactions(MONTHLY);

    // A (3 days) and C (2 days) repeat; D bought twice on one day: not a repeat purchaser
    assertThat(r.purchasers()).isEqualTo(5);
    assertThat(r.repeatPurchasers()).isEqualTo(2);
    assertThat(r.repeatPurchaseRate()).hasValue(0.4);
  }

  @Test
  void result_empty_hasNoCohortsAndNoRates() {
    RetentionReport r = RetentionAnalysis.of(CalendarPeriod.WEEK).newAccumulator()
        .add("c-1", Instant.parse("2026-01-01T00:00:00Z"), "Page Viewed", Double.NaN)
        .result();

    assertThat(r.customers()).isZero();
    assertThat(r.cohorts()).isEmpty();
    assertThat(r.churn()).isEmpty();
    assertThat(r.purchasers()).isZero();
    assertThat(r.repeatPurchaseRate()).isEmpty();
  }

  @Test
  void add_zone_midnightBoundaryDecidesThePeriod() {
    Instant lateJan = Instant.parse("2026-01-31T23:30:00Z"); // 00:30 on 1 February in Berlin
    Instant midnight = Instant.parse("2026-02-01T00:00:00Z");
    RetentionAnalysis utc = RetentionAnalysis.of(CalendarPeriod.MONTH);
    RetentionAnalysis berlin =
        RetentionAnalysis.builder(CalendarPeriod.MONTH).zone(ZoneId.of("Europe/Berlin")).build();

    RetentionReport inUtc = utc.newAccumulator()
        .add("c", lateJan, "Order Completed", 5).add("c", midnight, "Order Completed", 5).result();
    RetentionReport inBerlin = berlin.newAccumulator()
        .add("c", lateJan, "Order Completed", 5).add("c", midnight, "Order Completed", 5).result();

    assertThat(inUtc.cohorts()).extracting(Cohort::period).containsExactly("2026-01");
    assertThat(active(inUtc.cohorts().get(0))).containsExactly(1, 1);
    assertThat(inUtc.repeatPurchasers()).isEqualTo(1);
    assertThat(inBerlin.cohorts()).extracting(Cohort::period).containsExactly("2026-02");
    assertThat(active(inBerlin.cohorts().get(0))).containsExactly(1);
    assertThat(inBerlin.repeatPurchasers()).as("same Berlin day").isZero();
    assertThat(inBerlin.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
  }

  @Test
  void analyzeTransactions_isoWeek53_acrossTheYearBoundary() {
    RetentionReport r = RetentionAnalysis.of(CalendarPeriod.WEEK).analyzeTransactions(List.of(
        t("a", "2020-12-28"), // Monday of 2020-W53
        t("a", "2021-01-03"), // Sunday, still 2020-W53
        t("b", "2021-01-03"),
        t("b", "2021-01-04"), // Monday of 2021-W01
        t("c", "2024-12-30"))); // Monday of 2025-W01, a day of calendar year 2024

    assertThat(r.cohorts()).extracting(Cohort::period).containsExactly("2020-W53", "2025-W01");
    assertThat(r.cohorts().get(0).customers()).isEqualTo(2);
    assertThat(r.cohorts().get(0).retention().get(1).active()).isEqualTo(1); // b in 2021-W01
    assertThat(r.churn().get(0)).isEqualTo(new ChurnPeriod("2021-W01", 2, 1, 1));
    assertThat(r.churn()).last().extracting(ChurnPeriod::period).isEqualTo("2025-W01");
  }

  @Test
  void granularity_labelsAndIndices() {
    long day = LocalDate.parse("2026-05-31").toEpochDay();
    assertThat(CalendarPeriod.DAY.label(CalendarPeriod.DAY.index(day))).isEqualTo("2026-05-31");
    assertThat(CalendarPeriod.MONTH.label(CalendarPeriod.MONTH.index(day))).isEqualTo("2026-05");
    assertThat(CalendarPeriod.QUARTER.label(CalendarPeriod.QUARTER.index(day))).isEqualTo("2026-Q2");
    assertThat(CalendarPeriod.WEEK.label(CalendarPeriod.WEEK.index(day))).isEqualTo("2026-W22");
    assertThat(CalendarPeriod.WEEK.label(CalendarPeriod.WEEK.index(LocalDate.parse("1969-12-28").toEpochDay())))
        .isEqualTo("1969-W52");
    assertThat(CalendarPeriod.QUARTER.index(LocalDate.parse("2027-01-01").toEpochDay())
        - CalendarPeriod.QUARTER.index(LocalDate.parse("2026-12-31").toEpochDay())).isEqualTo(1);
    assertThat(CalendarPeriod.of("Quarter")).isEqualTo(CalendarPeriod.QUARTER);
    assertThatThrownBy(() -> CalendarPeriod.of("year"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("period must be day, week, month or quarter but was 'year'");
  }

  @Test
  void analyze_store_mergesAnonymousVisitorWithLaterIdentity() {
    String events = String.join("\n",
        "{\"type\":\"track\",\"messageId\":\"m1\",\"anonymousId\":\"a-1\",\"event\":\"Order Completed\","
            + "\"timestamp\":\"2026-01-10T10:00:00Z\",\"properties\":{\"revenue\":20}}",
        "{\"type\":\"track\",\"messageId\":\"m2\",\"anonymousId\":\"a-1\",\"event\":\"Page Viewed\","
            + "\"timestamp\":\"2026-02-10T10:00:00Z\"}",
        "{\"type\":\"identify\",\"messageId\":\"m3\",\"userId\":\"u-1\",\"anonymousId\":\"a-1\","
            + "\"timestamp\":\"2026-03-01T10:00:00Z\",\"traits\":{}}",
        "{\"type\":\"track\",\"messageId\":\"m4\",\"userId\":\"u-1\",\"event\":\"Order Completed\","
            + "\"timestamp\":\"2026-03-05T10:00:00Z\",\"properties\":{\"revenue\":30}}",
        "{\"type\":\"track\",\"messageId\":\"m5\",\"userId\":\"u-2\",\"event\":\"Order Completed\","
            + "\"timestamp\":\"2026-02-01T10:00:00Z\",\"properties\":{\"revenue\":5}}",
        "{\"type\":\"track\",\"messageId\":\"m6\",\"userId\":\"u-2\",\"event\":\"Refund Issued\","
            + "\"timestamp\":\"2026-03-01T10:00:00Z\",\"properties\":{\"revenue\":-5}}");
    try (Cxs cxs = Cxs.builder().build()) {
      assertThat(cxs.ingestJsonLines(new StringReader(events)).accepted()).isEqualTo(6);

      RetentionReport purchases = RetentionAnalysis.of(CalendarPeriod.MONTH).analyze(cxs.touchpoints(), cxs.resolver());
      // one customer (a-1 = u-1) bought in Jan and Mar; u-2 in Feb; the refund is no purchase
      assertThat(purchases.customers()).isEqualTo(2);
      assertThat(purchases.cohorts()).extracting(Cohort::period).containsExactly("2026-01", "2026-02");
      assertThat(active(purchases.cohorts().get(0))).containsExactly(1, 0, 1);
      assertThat(active(purchases.cohorts().get(1))).containsExactly(1, 0);
      assertThat(purchases.repeatPurchaseRate()).hasValue(0.5);

      RetentionReport any = RetentionAnalysis.builder(CalendarPeriod.MONTH).activity(Activity.any()).build()
          .analyze(cxs.touchpoints(), cxs.resolver());
      assertThat(active(any.cohorts().get(0))).containsExactly(1, 1, 1);
      assertThat(active(any.cohorts().get(1))).containsExactly(1, 1);
      assertThat(any.churn()).containsExactly(new ChurnPeriod("2026-02", 1, 1, 0), new ChurnPeriod("2026-03", 2, 2, 0));
      assertThat(any.activity()).isEqualTo("any");
    }
  }

  @Test
  void purchases_feedHistoricalValue() {
    String events = String.join("\n",
        "{\"type\":\"track\",\"messageId\":\"m1\",\"anonymousId\":\"a-1\",\"event\":\"Order Completed\","
            + "\"timestamp\":\"2026-01-10T10:00:00Z\",\"properties\":{\"revenue\":20}}",
        "{\"type\":\"identify\",\"messageId\":\"m2\",\"userId\":\"u-1\",\"anonymousId\":\"a-1\","
            + "\"timestamp\":\"2026-01-11T10:00:00Z\",\"traits\":{}}",
        "{\"type\":\"track\",\"messageId\":\"m3\",\"userId\":\"u-1\",\"event\":\"Order Completed\","
            + "\"timestamp\":\"2026-01-17T10:00:00Z\"}",
        "{\"type\":\"track\",\"messageId\":\"m4\",\"userId\":\"u-1\",\"event\":\"Order Completed\","
            + "\"timestamp\":\"2026-01-24T10:00:00Z\",\"properties\":{\"revenue\":40}}",
        "{\"type\":\"track\",\"messageId\":\"m5\",\"userId\":\"u-1\",\"event\":\"Page Viewed\","
            + "\"timestamp\":\"2026-01-25T10:00:00Z\",\"properties\":{\"value\":99}}");
    try (Cxs cxs = Cxs.builder().build()) {
      cxs.ingestJsonLines(new StringReader(events));
      RetentionAnalysis analysis =
          RetentionAnalysis.builder(CalendarPeriod.MONTH).purchase(Activity.named("Order Completed")).build();

      List<Transaction> purchases = analysis.purchases(cxs.touchpoints(), cxs.resolver());
      List<HistoricalValue> values = RfmSummaries.historicalValues(purchases, LocalDate.parse("2026-01-30"), PeriodUnit.WEEKS);

      CustomerId u1 = cxs.customerOf(io.cxs.core.customer.Identity.userId("u-1")).orElseThrow();
      assertThat(values).singleElement().satisfies(v -> {
        assertThat(v.customerId()).isEqualTo(u1.value());
        assertThat(v.orders()).isEqualTo(3); // the order without revenue counts, with value 0
        assertThat(v.revenue()).isEqualTo(60.0);
        assertThat(v.averageOrderValue()).isEqualTo(20.0);
        assertThat(v.firstPurchase()).isEqualTo(LocalDate.parse("2026-01-10"));
        assertThat(v.purchaseFrequency()).isEqualTo(3 / 3.0); // 21 days = 3 weeks of tenure
      });
    }
  }

  @Test
  void analyze_store_skipsErasedCustomers() {
    String events = "{\"type\":\"track\",\"messageId\":\"m1\",\"userId\":\"u-1\",\"event\":\"Order Completed\","
        + "\"timestamp\":\"2026-01-10T10:00:00Z\",\"properties\":{\"revenue\":20}}";
    try (Cxs cxs = Cxs.builder().build()) {
      cxs.ingestJsonLines(new StringReader(events));
      CustomerId id = cxs.customerOf(io.cxs.core.customer.Identity.userId("u-1")).orElseThrow();
      assertThat(RetentionAnalysis.of(CalendarPeriod.DAY).analyze(cxs.touchpoints(), cxs.resolver()).customers()).isEqualTo(1);
      cxs.erase(id);
      assertThat(RetentionAnalysis.of(CalendarPeriod.DAY).analyze(cxs.touchpoints(), cxs.resolver()).customers()).isZero();
    }
  }

  @Test
  void report_jsonRoundTrip() throws Exception {
    ObjectMapper json = CxsJson.newMapper();
    RetentionReport r = RetentionAnalysis.builder(CalendarPeriod.MONTH).zone(ZoneId.of("America/New_York"))
        .purchase(Activity.named("Order Completed", "Subscription Renewed")).build()
        .analyzeTransactions(MONTHLY);

    String text = json.writeValueAsString(r);

    assertThat(json.readValue(text, RetentionReport.class)).isEqualTo(r);
    assertThat(text).contains("\"period\":\"2026-01\"").contains("\"zone\":\"America/New_York\"")
        .contains("\"purchase\":\"named[Order Completed, Subscription Renewed]\"");
    RetentionReport empty = RetentionAnalysis.of(CalendarPeriod.DAY).newAccumulator().result();
    assertThat(json.readValue(json.writeValueAsString(empty), RetentionReport.class)).isEqualTo(empty);
  }

  @Test
  void merge_ofSplitInput_equalsTheWhole() {
    RetentionAnalysis analysis = RetentionAnalysis.of(CalendarPeriod.MONTH);
    RetentionAccumulator first = analysis.newAccumulator();
    RetentionAccumulator second = analysis.newAccumulator();
    for (int i = 0; i < MONTHLY.size(); i++) {
      (i % 2 == 0 ? first : second).add(MONTHLY.get(i));
    }
    assertThat(first.merge(second).result()).isEqualTo(analysis.analyzeTransactions(MONTHLY));
  }

  @Test
  void merge_otherAnalysis_isRejected() {
    RetentionAccumulator month = RetentionAnalysis.of(CalendarPeriod.MONTH).newAccumulator();
    RetentionAccumulator week = RetentionAnalysis.of(CalendarPeriod.WEEK).newAccumulator();
    assertThatThrownBy(() -> month.merge(week))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("other must belong to the analysis RetentionAnalysis{granularity=month")
        .hasMessageContaining("but belonged to RetentionAnalysis{granularity=week");
  }

  @Test
  void result_absurdSpan_failsNamingThePeriods() {
    RetentionAccumulator acc = RetentionAnalysis.of(CalendarPeriod.DAY).newAccumulator()
        .add(t("a", "1700-01-01")).add(t("a", "2026-01-01"));
    assertThatThrownBy(acc::result)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the data spans more than 100000 periods, from 1700-01-01 to 2026-01-01;"
            + " use a longer granularity than day");
  }

  @Test
  void builder_optionSetTwice_isRejected() {
    RetentionAnalysis.Builder b = RetentionAnalysis.builder(CalendarPeriod.DAY).zone(ZoneId.of("UTC"));
    assertThatThrownBy(() -> b.zone(ZoneId.of("Europe/Paris")))
        .isInstanceOf(IllegalStateException.class).hasMessage("zone was already set to UTC");
    b.activity(Activity.any());
    assertThatThrownBy(() -> b.activity(Activity.withValue()))
        .isInstanceOf(IllegalStateException.class).hasMessage("activity was already set to any");
    b.purchase(Activity.named("Order Completed"));
    assertThatThrownBy(() -> b.purchase(Activity.any()))
        .isInstanceOf(IllegalStateException.class).hasMessage("purchase was already set to named[Order Completed]");
  }

  @Test
  void activity_definitions() {
    assertThat(Activity.any().test("x", Double.NaN)).isTrue();
    assertThat(Activity.withValue().test("x", 0)).isTrue();
    assertThat(Activity.withValue().test("x", Double.NaN)).isFalse();
    assertThat(Activity.withValue().test("x", -3)).as("refund").isFalse();
    assertThat(Activity.named("Order Completed").test("Order Completed", Double.NaN)).isTrue();
    assertThat(Activity.named("Order Completed").test("order completed", 4)).isFalse();
    assertThat(Activity.named("B", "A")).isEqualTo(Activity.named(List.of("A", "B")));
    assertThatThrownBy(() -> Activity.named(List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("names must not be empty but was []");
    assertThatThrownBy(() -> Activity.named(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("name must not be blank but was ' '");
  }

  @Test
  void add_blankCustomer_isRejected() {
    RetentionAccumulator acc = RetentionAnalysis.of(CalendarPeriod.DAY).newAccumulator();
    assertThatThrownBy(() -> acc.add(" ", Instant.EPOCH, "Order Completed", 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("customerId must not be blank but was ' '");
  }

  @Test
  void records_validateTheirInvariants() {
    assertThatThrownBy(() -> new ChurnPeriod("2026-02", 3, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retained + churned must equal activeBefore 3 but was 2");
    assertThatThrownBy(() -> new Cohort("2026-01", 2, List.of(new CohortCell(0, 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("active at offset 0 must equal customers 2 but was 1");
    assertThatThrownBy(() -> new Cohort("2026-01", 1, List.of(new CohortCell(0, 1), new CohortCell(2, 0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retention offsets must be 0, 1, ... but offset 2 was at index 1");
    assertThatThrownBy(() -> new CohortCell(-1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("offset must be at least 0 but was -1");
    assertThatThrownBy(() -> new RetentionReport(CalendarPeriod.DAY, ZoneId.of("UTC"), "any", "any", 1, List.of(),
        List.of(), 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("cohort sizes must sum to customers 1 but sum to 0");
  }
}
