package io.cxs.metrics.clv;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds {@link RfmSummary RFM summaries}, calibration/holdout splits and {@link HistoricalValue
 * historical values} from transactions. All methods merge a customer's transactions of one
 * calendar day into one purchase (values summed) first, the convention of the CDNOW summaries in
 * the literature. Customers are returned in the order their first transaction appears in the
 * input. Thread-safe (stateless).
 *
 * <pre>{@code
 * List<RfmSummary> summaries =
 *     RfmSummaries.fromTransactions(transactions, LocalDate.of(1997, 9, 30), PeriodUnit.WEEKS);
 * }</pre>
 *
 * @since 0.1
 */
public final class RfmSummaries {
  private RfmSummaries() {}

  /**
   * Summarises the calibration period that ends on {@code calibrationEnd} (inclusive).
   * Transactions after it are ignored, and so are customers whose first purchase is after it. With
   * first purchase day d₀, purchase days d₀ &lt; d₁ &lt; … &lt; d<sub>x</sub> ≤ calibrationEnd
   * and day values v₀ … v<sub>x</sub>: frequency = x, recency = (d<sub>x</sub> − d₀), age =
   * (calibrationEnd − d₀), both in {@code unit}, and monetary value = (v₁ + … + v<sub>x</sub>) / x
   * (0 when x = 0).
   *
   * @return one summary per customer acquired by {@code calibrationEnd}; empty for no such customer
   * @throws NullPointerException if an argument or a transaction is null
   */
  public static List<RfmSummary> fromTransactions(
      Iterable<Transaction> transactions, LocalDate calibrationEnd, PeriodUnit unit) {
    Objects.requireNonNull(calibrationEnd, "calibrationEnd");
    Objects.requireNonNull(unit, "unit");
    long end = calibrationEnd.toEpochDay();
    List<RfmSummary> out = new ArrayList<>();
    for (Map.Entry<String, Days> e : byCustomer(transactions).entrySet()) {
      Days d = e.getValue().merged();
      if (d.day[0] > end) {
        continue;
      }
      out.add(summary(e.getKey(), d, end, unit));
    }
    return List.copyOf(out);
  }

  /**
   * Splits transactions into a calibration period ending on {@code calibrationEnd} and a holdout
   * period from the next day to {@code holdoutEnd} (both inclusive). The cohort is the customers
   * whose first purchase is in the calibration period; each gets the {@link
   * #fromTransactions calibration summary} and x* = the number of its purchase days in the holdout
   * period. The holdout length is (holdoutEnd − calibrationEnd) in {@code unit}.
   *
   * @throws NullPointerException if an argument or a transaction is null
   * @throws IllegalArgumentException if {@code holdoutEnd} is not after {@code calibrationEnd}
   */
  public static CalibrationHoldout calibrationAndHoldout(
      Iterable<Transaction> transactions, LocalDate calibrationEnd, LocalDate holdoutEnd, PeriodUnit unit) {
    Objects.requireNonNull(calibrationEnd, "calibrationEnd");
    Objects.requireNonNull(holdoutEnd, "holdoutEnd");
    Objects.requireNonNull(unit, "unit");
    checkArgument(
        holdoutEnd.isAfter(calibrationEnd),
        "holdoutEnd must be after calibrationEnd %s but was %s",
        calibrationEnd,
        holdoutEnd);
    long end = calibrationEnd.toEpochDay();
    long hEnd = holdoutEnd.toEpochDay();
    List<HoldoutSummary> out = new ArrayList<>();
    for (Map.Entry<String, Days> e : byCustomer(transactions).entrySet()) {
      Days d = e.getValue().merged();
      if (d.day[0] > end) {
        continue;
      }
      int holdoutDays = 0;
      double holdoutValue = 0;
      for (int i = 0; i < d.size; i++) {
        if (d.day[i] > end && d.day[i] <= hEnd) {
          holdoutDays++;
          holdoutValue += d.amount[i];
        }
      }
      out.add(new HoldoutSummary(summary(e.getKey(), d, end, unit), holdoutDays, holdoutValue));
    }
    return new CalibrationHoldout(out, unit.between(calibrationEnd, holdoutEnd), unit);
  }

  /**
   * The historical value of every customer with a purchase on or before {@code asOf}: revenue to
   * date, number of purchase days, average order value and purchase frequency. Transactions after
   * {@code asOf} are ignored.
   *
   * @throws NullPointerException if an argument or a transaction is null
   */
  public static List<HistoricalValue> historicalValues(
      Iterable<Transaction> transactions, LocalDate asOf, PeriodUnit unit) {
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(unit, "unit");
    long end = asOf.toEpochDay();
    List<HistoricalValue> out = new ArrayList<>();
    for (Map.Entry<String, Days> e : byCustomer(transactions).entrySet()) {
      Days d = e.getValue().merged();
      int orders = 0;
      double revenue = 0;
      long last = d.day[0];
      for (int i = 0; i < d.size && d.day[i] <= end; i++) {
        orders++;
        revenue += d.amount[i];
        last = d.day[i];
      }
      if (orders > 0) {
        out.add(
            new HistoricalValue(
                e.getKey(),
                orders,
                revenue,
                LocalDate.ofEpochDay(d.day[0]),
                LocalDate.ofEpochDay(last),
                asOf,
                unit));
      }
    }
    return List.copyOf(out);
  }

  private static RfmSummary summary(String id, Days d, long end, PeriodUnit unit) {
    long first = d.day[0];
    int x = 0;
    long last = first;
    double repeatValue = 0;
    for (int i = 1; i < d.size && d.day[i] <= end; i++) {
      x++;
      last = d.day[i];
      repeatValue += d.amount[i];
    }
    double perUnit = unit.days();
    return new RfmSummary(
        id, x, (last - first) / perUnit, (end - first) / perUnit, x == 0 ? 0 : repeatValue / x);
  }

  private static Map<String, Days> byCustomer(Iterable<Transaction> transactions) {
    Objects.requireNonNull(transactions, "transactions");
    Map<String, Days> map = new LinkedHashMap<>();
    for (Transaction t : transactions) {
      Objects.requireNonNull(t, "transaction");
      map.computeIfAbsent(t.customerId(), k -> new Days()).add(t.date().toEpochDay(), t.amount());
    }
    return map;
  }

  /** A customer's purchases as epoch days and amounts; after {@link #merged()} sorted and unique. */
  private static final class Days {
    long[] day = new long[2];
    double[] amount = new double[2];
    int size;

    void add(long d, double a) {
      if (size == day.length) {
        day = Arrays.copyOf(day, size * 2);
        amount = Arrays.copyOf(amount, size * 2);
      }
      day[size] = d;
      amount[size] = a;
      size++;
    }

    Days merged() {
      boolean sorted = true;
      for (int i = 1; i < size; i++) {
        if (day[i] <= day[i - 1]) {
          sorted = false;
          break;
        }
      }
      if (sorted) {
        return this;
      }
      Integer[] order = new Integer[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (p, q) -> Long.compare(day[p], day[q]));
      Days out = new Days();
      for (int i : order) {
        if (out.size > 0 && out.day[out.size - 1] == day[i]) {
          out.amount[out.size - 1] += amount[i];
        } else {
          out.add(day[i], amount[i]);
        }
      }
      return out;
    }
  }
}
