package io.cxs.metrics.clv;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A customer's historical value up to a day: what was bought, how often and how recently.
 * Purchases are purchase days (several transactions on one day count once, values summed).
 *
 * @param customerId the customer; non-blank
 * @param orders the number of purchase days, at least 1
 * @param revenue the total value bought to date; finite and at least 0
 * @param firstPurchase the first purchase day
 * @param lastPurchase the last purchase day, not before {@code firstPurchase}
 * @param asOf the day the history ends, not before {@code lastPurchase}
 * @param unit the unit of {@link #purchaseFrequency()} and {@link #periodsSinceLastPurchase()}
 * @since 0.1
 */
public record HistoricalValue(
    String customerId,
    int orders,
    double revenue,
    LocalDate firstPurchase,
    LocalDate lastPurchase,
    LocalDate asOf,
    PeriodUnit unit) {

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a component is outside the range documented above
   */
  public HistoricalValue {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(firstPurchase, "firstPurchase");
    Objects.requireNonNull(lastPurchase, "lastPurchase");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(unit, "unit");
    checkArgument(orders >= 1, "orders must be at least 1 but was %s", orders);
    checkArgument(
        Double.isFinite(revenue) && revenue >= 0, "revenue must be finite and at least 0 but was %s", revenue);
    checkArgument(
        !lastPurchase.isBefore(firstPurchase),
        "lastPurchase must not be before firstPurchase %s but was %s",
        firstPurchase,
        lastPurchase);
    checkArgument(
        !asOf.isBefore(lastPurchase), "asOf must not be before lastPurchase %s but was %s", lastPurchase, asOf);
  }

  /** @return revenue / orders */
  public double averageOrderValue() {
    return revenue / orders;
  }

  /**
   * @return orders per period over the customer's tenure, orders / ((asOf − firstPurchase + 1 day)
   *     in {@code unit}); the first day counts, so the tenure is never 0
   */
  public double purchaseFrequency() {
    return orders / unit.between(firstPurchase, asOf.plusDays(1));
  }

  /** @return (asOf − lastPurchase) in {@code unit}, at least 0 */
  public double periodsSinceLastPurchase() {
    return unit.between(lastPurchase, asOf);
  }
}
