package io.cxs.metrics.retention;

import io.cxs.metrics.CalendarPeriod;
import static com.google.common.base.Preconditions.checkArgument;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The result of a {@link RetentionAnalysis}: a cohort retention table, period-over-period churn,
 * and the repeat-purchase rate. Immutable; serializable with Jackson (a mapper with Jackson's
 * {@code JavaTimeModule}, such as {@code CxsJson.newMapper()}, reads it back).
 *
 * <p>The empty case (no customer was ever active) has {@code customers = 0} and no cohorts and no
 * churn periods; with no purchaser the repeat-purchase rate is empty.
 *
 * @param granularity the period length
 * @param zone the time zone whose calendar defines days, weeks, months and quarters
 * @param activity the activity definition, as {@link Activity#toString()}
 * @param purchase the purchase definition, as {@link Activity#toString()}
 * @param customers the number of customers with at least one activity, at least 0
 * @param cohorts one cohort per period in which at least one customer was first active, in time
 *     order; their sizes sum to {@code customers}
 * @param churn one entry per period after the first active period, up to the last active period,
 *     in time order, including periods in which nobody was active
 * @param purchasers customers with at least one purchase, at least 0
 * @param repeatPurchasers of those, the customers who bought on at least two different days
 *     (in {@code zone})
 * @since 0.1
 */
public record RetentionReport(
    CalendarPeriod granularity,
    ZoneId zone,
    String activity,
    String purchase,
    int customers,
    List<Cohort> cohorts,
    List<ChurnPeriod> churn,
    int purchasers,
    int repeatPurchasers) {

  /**
   * @throws NullPointerException if an argument or an element is null
   * @throws IllegalArgumentException if a count is negative, the cohort sizes do not sum to
   *     {@code customers}, or {@code repeatPurchasers} exceeds {@code purchasers}
   */
  public RetentionReport {
    Objects.requireNonNull(granularity, "granularity");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(purchase, "purchase");
    cohorts = List.copyOf(Objects.requireNonNull(cohorts, "cohorts"));
    churn = List.copyOf(Objects.requireNonNull(churn, "churn"));
    checkArgument(customers >= 0, "customers must be at least 0 but was %s", customers);
    long sum = cohorts.stream().mapToLong(Cohort::customers).sum();
    checkArgument(sum == customers, "cohort sizes must sum to customers %s but sum to %s", customers, sum);
    checkArgument(purchasers >= 0, "purchasers must be at least 0 but was %s", purchasers);
    checkArgument(
        repeatPurchasers >= 0 && repeatPurchasers <= purchasers,
        "repeatPurchasers must be in [0, purchasers %s] but was %s",
        purchasers,
        repeatPurchasers);
  }

  /**
   * The repeat-purchase rate: the share of purchasing customers who bought on at least two
   * different days, repeatPurchasers / purchasers. Purchases are counted as purchase days (as in
   * {@link io.cxs.metrics.clv.RfmSummaries}): two orders on one day are one purchase.
   *
   * @return the rate in [0, 1]; empty when there is no purchaser
   */
  public OptionalDouble repeatPurchaseRate() {
    return purchasers == 0 ? OptionalDouble.empty() : OptionalDouble.of(repeatPurchasers / (double) purchasers);
  }
}
