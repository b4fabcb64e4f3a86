package io.cxs.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CDNOW checks come from {@code cdnow/README.md} in the test resources. */
final class RfmSummariesTest {
  private static final LocalDate D = LocalDate.of(2024, 1, 1);

  @Test
  void fromTransactions_cdnowSample_matchesPublishedSummaryToItsRounding() {
    Map<String, RfmSummary> byId = new HashMap<>();
    for (RfmSummary s : Cdnow.summaries()) {
      byId.put(s.customerId(), s);
    }
    List<String> rows = Cdnow.lines("cdnow/cdnow_customers_summary_with_transactions.csv");
    assertThat(rows.get(0).trim()).isEqualTo("ID,x,t_x,T,zbar");
    assertThat(rows).hasSize(2358);
    assertThat(byId).hasSize(2357);
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.trim().split(",");
      RfmSummary s = byId.get(f[0]);
      assertThat(s).as("customer %s", f[0]).isNotNull();
      assertThat(s.frequency()).as("x of %s", f[0]).isEqualTo(Integer.parseInt(f[1]));
      assertThat(s.recency()).as("t_x of %s", f[0]).isCloseTo(Double.parseDouble(f[2]), within(0.005 + 1e-9));
      assertThat(s.age()).as("T of %s", f[0]).isCloseTo(Double.parseDouble(f[3]), within(0.005 + 1e-9));
      assertThat(s.monetaryValue()).as("zbar of %s", f[0]).isCloseTo(Double.parseDouble(f[4]), within(0.005 + 1e-9));
    }
  }

  @Test
  void fromTransactions_cdnowSample_matchesFrequencyOnlySummary() {
    Map<String, RfmSummary> byId = new HashMap<>();
    Cdnow.summaries().forEach(s -> byId.put(s.customerId(), s));
    List<String> rows = Cdnow.lines("cdnow/cdnow_customers_summary.csv");
    assertThat(rows.get(0)).isEqualTo("ID,frequency,recency,T");
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",");
      RfmSummary s = byId.get(f[0]);
      assertThat(s.frequency()).isEqualTo(Integer.parseInt(f[1]));
      assertThat(s.recency()).isCloseTo(Double.parseDouble(f[2]), within(0.005 + 1e-9));
      assertThat(s.age()).isCloseTo(Double.parseDouble(f[3]), within(0.005 + 1e-9));
    }
  }

  @Test
  void fromTransactions_cdnowSample_matchesReadmeAggregates() {
    List<RfmSummary> s = Cdnow.summaries();
    assertThat(s.stream().filter(c -> c.frequency() == 0).count()).isEqualTo(1411);
    assertThat(s.stream().mapToInt(RfmSummary::frequency).sum()).isEqualTo(2457);
    double meanSpend =
        s.stream().filter(c -> c.frequency() > 0).mapToDouble(RfmSummary::monetaryValue).average().orElseThrow();
    assertThat(meanSpend).isCloseTo(35.078, within(0.0005));
  }

  @Test
  void calibrationAndHoldout_cdnowSample_countsHoldoutPurchaseDays() {
    CalibrationHoldout split =
        RfmSummaries.calibrationAndHoldout(Cdnow.transactions(), Cdnow.CALIBRATION_END, Cdnow.HOLDOUT_END, PeriodUnit.WEEKS);
    assertThat(split.customers()).hasSize(2357);
    assertThat(split.holdoutLength()).isEqualTo(39.0);
    assertThat(split.actualHoldoutPurchases()).isEqualTo(1882);
    assertThat(split.calibration()).isEqualTo(Cdnow.summaries());
  }

  @Test
  void fromTransactions_sameDay_mergesIntoOnePurchase() {
    List<Transaction> t =
        List.of(
            new Transaction("c", D, 10),
            new Transaction("c", D.plusDays(14), 5),
            new Transaction("c", D.plusDays(14), 7),
            new Transaction("c", D.plusDays(7), 20),
            new Transaction("c", D.plusDays(40), 99));
    RfmSummary s = RfmSummaries.fromTransactions(t, D.plusDays(28), PeriodUnit.WEEKS).get(0);
    assertThat(s).isEqualTo(new RfmSummary("c", 2, 2.0, 4.0, 16.0));
    RfmSummary days = RfmSummaries.fromTransactions(t, D.plusDays(28), PeriodUnit.DAYS).get(0);
    assertThat(days).isEqualTo(new RfmSummary("c", 2, 14.0, 28.0, 16.0));
  }

  @Test
  void fromTransactions_customerAcquiredAfterCalibration_isLeftOut() {
    List<Transaction> t = List.of(new Transaction("a", D, 1), new Transaction("b", D.plusDays(3), 1));
    assertThat(RfmSummaries.fromTransactions(t, D.plusDays(2), PeriodUnit.DAYS))
        .containsExactly(new RfmSummary("a", 0, 0, 2, 0));
  }

  @Test
  void historicalValues_sumsRevenueAndOrders() {
    List<Transaction> t =
        List.of(new Transaction("a", D, 10), new Transaction("a", D, 5), new Transaction("a", D.plusDays(6), 15),
            new Transaction("a", D.plusDays(30), 100));
    HistoricalValue v = RfmSummaries.historicalValues(t, D.plusDays(13), PeriodUnit.WEEKS).get(0);
    assertThat(v.orders()).isEqualTo(2);
    assertThat(v.revenue()).isEqualTo(30.0);
    assertThat(v.averageOrderValue()).isEqualTo(15.0);
    assertThat(v.purchaseFrequency()).isCloseTo(1.0, within(1e-12)); // 2 orders in 14 days
    assertThat(v.periodsSinceLastPurchase()).isCloseTo(1.0, within(1e-12));
    assertThat(v.lastPurchase()).isEqualTo(D.plusDays(6));
  }

  @Test
  void calibrationAndHoldout_holdoutNotAfterCalibration_throws() {
    assertThatThrownBy(() -> RfmSummaries.calibrationAndHoldout(List.of(), D, D, PeriodUnit.DAYS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("holdoutEnd must be after calibrationEnd 2024-01-01 but was 2024-01-01");
  }

  @Test
  void rfmSummary_invalidComponents_throwNamingTheValue() {
    assertThatThrownBy(() -> new RfmSummary("c", -1, 0, 1, 0))
        .hasMessage("frequency must be at least 0 but was -1");
    assertThatThrownBy(() -> new RfmSummary("c", 2, 5, 4, 0))
        .hasMessage("recency must be in [0, age=4.0] but was 5.0");
    assertThatThrownBy(() -> new RfmSummary("c", 0, 1, 4, 0))
        .hasMessage("recency must be 0 when frequency is 0 but was 1.0");
    assertThatThrownBy(() -> new RfmSummary("c", 1, 1, 4, Double.NaN))
        .hasMessage("monetaryValue must be finite and at least 0 but was NaN");
    assertThatThrownBy(() -> new RfmSummary(" ", 1, 1, 4, 0))
        .hasMessage("customerId must not be blank but was ' '");
  }

  @Test
  void transaction_negativeAmount_throws() {
    assertThatThrownBy(() -> new Transaction("c", D, -2.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("amount must be finite and at least 0 but was -2.5");
  }
}
