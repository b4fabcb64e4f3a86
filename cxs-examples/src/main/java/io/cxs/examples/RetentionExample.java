package io.cxs.examples;

import io.cxs.core.Cxs;
import io.cxs.examples.demo.ShopSimulator;
import io.cxs.metrics.clv.HistoricalValue;
import io.cxs.metrics.clv.PeriodUnit;
import io.cxs.metrics.clv.RfmSummaries;
import io.cxs.metrics.retention.Activity;
import io.cxs.metrics.retention.ChurnPeriod;
import io.cxs.metrics.retention.Cohort;
import io.cxs.metrics.retention.CohortCell;
import io.cxs.metrics.CalendarPeriod;
import io.cxs.metrics.retention.RetentionAnalysis;
import io.cxs.metrics.retention.RetentionReport;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * Cohort retention, churn, repeat purchases and historical value on the simulated shop:
 * {@code java -cp cxs.jar io.cxs.examples.RetentionExample [customers]}. Prints a monthly cohort
 * table of purchases (in the Berlin calendar), the month-over-month churn of customers with any
 * touchpoint, and the five customers with the most revenue to date.
 */
public final class RetentionExample {
  private RetentionExample() {}

  /** @param args optionally the number of simulated visitors (default 5000) */
  public static void main(String[] args) {
    int customers = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    try (Cxs cxs = Cxs.builder().build()) {
      new ShopSimulator(customers, 42).forEach(cxs::ingest);

      RetentionAnalysis purchases = RetentionAnalysis.builder(CalendarPeriod.MONTH)
          .zone(ZoneId.of("Europe/Berlin"))
          .purchase(Activity.named("Order Completed"))
          .activity(Activity.named("Order Completed"))
          .build();
      RetentionReport r = purchases.analyze(cxs.touchpoints(), cxs.resolver());
      System.out.printf("%d purchasing customers; repeat-purchase rate %s%n", r.customers(),
          r.repeatPurchaseRate().isPresent() ? String.format("%.1f%%", 100 * r.repeatPurchaseRate().getAsDouble()) : "n/a");
      System.out.println("cohort   size  retention by months since first purchase");
      for (Cohort c : r.cohorts()) {
        StringBuilder row = new StringBuilder(String.format("%-8s %5d ", c.period(), c.customers()));
        for (CohortCell cell : c.retention()) {
          row.append(String.format(" %5.1f%%", 100 * c.rate(cell.offset())));
        }
        System.out.println(row);
      }

      RetentionReport visits = RetentionAnalysis.builder(CalendarPeriod.MONTH).activity(Activity.any()).build()
          .analyze(cxs.touchpoints(), cxs.resolver());
      System.out.println("month    active before  churn rate");
      for (ChurnPeriod p : visits.churn()) {
        System.out.printf("%-8s %13d  %s%n", p.period(), p.activeBefore(),
            p.churnRate().isPresent() ? String.format("%.1f%%", 100 * p.churnRate().getAsDouble()) : "n/a");
      }

      List<HistoricalValue> values = RfmSummaries.historicalValues(
          purchases.purchases(cxs.touchpoints(), cxs.resolver()), LocalDate.of(2026, 12, 31), PeriodUnit.WEEKS);
      System.out.println("top customers by revenue to date: orders, revenue, average order value, orders per week");
      values.stream()
          .sorted(Comparator.comparingDouble(HistoricalValue::revenue).reversed())
          .limit(5)
          .forEach(v -> System.out.printf("  %-10s %3d %9.2f %8.2f %6.3f%n", v.customerId(), v.orders(), v.revenue(),
              v.averageOrderValue(), v.purchaseFrequency()));
    }
  }
}
