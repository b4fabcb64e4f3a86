package io.cxs.metrics.retention;

import io.cxs.metrics.CalendarPeriod;
import static com.google.common.base.Preconditions.checkArgument;

import io.cxs.metrics.clv.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects activity and purchases per customer for one {@link RetentionAnalysis}, from plain Java
 * input, and produces its {@link RetentionReport}. It keeps, per customer, the distinct periods
 * in which the customer was active and the first and last purchase day, so the result does not
 * depend on the order of the input, and two accumulators over any split of the input {@link
 * #merge merge} into the accumulator of the whole.
 *
 * <pre>{@code
 * RetentionAccumulator acc = analysis.newAccumulator();
 * acc.add("c-1", Instant.parse("2026-01-05T10:00:00Z"), "Order Completed", 25.0);
 * acc.add("c-1", Instant.parse("2026-02-07T10:00:00Z"), "Page Viewed", Double.NaN);
 * RetentionReport report = acc.result();
 * }</pre>
 *
 * <p>Not thread-safe: use one accumulator per thread and merge them. Memory is proportional to
 * the number of customers times their active periods.
 *
 * @since 0.1
 */
public final class RetentionAccumulator {
  /** The largest number of periods between the first and the last active period. */
  static final int MAX_PERIODS = 100_000;

  private final RetentionAnalysis analysis;
  private final Map<String, CustomerPeriods> customers = new HashMap<>();
  private final ZonedDays days;
  private long lastDay = Long.MIN_VALUE;
  private long lastPeriod;

  RetentionAccumulator(RetentionAnalysis analysis) {
    this.analysis = analysis;
    this.days = new ZonedDays(analysis.zone());
  }

  /**
   * Adds one touchpoint: it counts as activity if it satisfies the analysis' {@link
   * RetentionAnalysis#activity() activity definition}, and as a purchase on its day (in the
   * analysis zone) if it satisfies the {@link RetentionAnalysis#purchase() purchase definition}.
   *
   * @param customerId the customer; non-blank
   * @param at when the touchpoint happened
   * @param eventName its event name
   * @param amount its monetary amount, or NaN if it has none
   * @return this accumulator
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code customerId} is blank
   */
  public RetentionAccumulator add(String customerId, Instant at, String eventName, double amount) {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(eventName, "eventName");
    checkArgument(!customerId.isBlank(), "customerId must not be blank but was '%s'", customerId);
    boolean active = analysis.activity().test(eventName, amount);
    boolean purchase = analysis.purchase().test(eventName, amount);
    if (active || purchase) {
      record(customer(customerId), days.epochDay(at.toEpochMilli()), active, purchase);
    }
    return this;
  }

  /**
   * Adds one purchase on the transaction's day. A transaction is a purchase and an activity
   * whatever the analysis' definitions (those select touchpoints; a transaction is already a
   * purchase); the analysis zone does not apply, since the transaction's day is already a
   * calendar day.
   *
   * @param transaction the purchase
   * @return this accumulator
   * @throws NullPointerException if {@code transaction} is null
   */
  public RetentionAccumulator add(Transaction transaction) {
    Objects.requireNonNull(transaction, "transaction");
    record(customer(transaction.customerId()), transaction.date().toEpochDay(), true, true);
    return this;
  }

  /**
   * Adds everything {@code other} collected to this accumulator. Merging accumulators over any
   * split of the input gives the accumulator of the whole input, also when a customer appears in
   * both.
   *
   * @param other an accumulator of the same analysis (equal granularity, zone and definitions)
   * @return this accumulator
   * @throws NullPointerException if {@code other} is null
   * @throws IllegalArgumentException if {@code other} belongs to a different analysis
   */
  public RetentionAccumulator merge(RetentionAccumulator other) {
    Objects.requireNonNull(other, "other");
    checkArgument(
        analysis.equals(other.analysis),
        "other must belong to the analysis %s but belonged to %s",
        analysis,
        other.analysis);
    for (Map.Entry<String, CustomerPeriods> e : other.customers.entrySet()) {
      customers.computeIfAbsent(e.getKey(), k -> new CustomerPeriods()).mergeFrom(e.getValue());
    }
    return this;
  }

  /**
   * Computes the report. Customers with only non-qualifying touchpoints count in neither the
   * cohorts nor the purchasers. The accumulator stays usable.
   *
   * @return the cohort table, churn per period and repeat-purchase counts
   * @throws IllegalStateException if more than 100,000 periods lie between the first and the
   *     last active period (such as daily periods over three centuries; usually a bad timestamp)
   */
  public RetentionReport result() {
    CalendarPeriod g = analysis.granularity();
    List<long[]> active = new ArrayList<>(customers.size());
    int purchasers = 0;
    int repeat = 0;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (CustomerPeriods c : customers.values()) {
      if (c.purchased()) {
        purchasers++;
        if (c.repeatPurchaser()) {
          repeat++;
        }
      }
      if (c.isActive()) {
        long[] p = c.distinctPeriods();
        active.add(p);
        min = Math.min(min, p[0]);
        max = Math.max(max, p[p.length - 1]);
      }
    }
    List<Cohort> cohorts = new ArrayList<>();
    List<ChurnPeriod> churn = new ArrayList<>();
    if (!active.isEmpty()) {
      if (max - min >= MAX_PERIODS) {
        throw new IllegalStateException(
            "the data spans more than " + MAX_PERIODS + " periods, from " + g.label(min) + " to " + g.label(max)
                + "; use a longer granularity than " + g.code());
      }
      int n = (int) (max - min + 1);
      int[] cohortSize = new int[n];
      int[][] cells = new int[n][];
      int[] activeIn = new int[n];
      int[] retainedInto = new int[n];
      for (long[] p : active) {
        int cohort = (int) (p[0] - min);
        cohortSize[cohort]++;
        if (cells[cohort] == null) {
          cells[cohort] = new int[n - cohort];
        }
        for (int i = 0; i < p.length; i++) {
          int k = (int) (p[i] - min);
          cells[cohort][k - cohort]++;
          activeIn[k]++;
          if (i > 0 && p[i - 1] == p[i] - 1) {
            retainedInto[k]++;
          }
        }
      }
      for (int c = 0; c < n; c++) {
        if (cohortSize[c] > 0) {
          List<CohortCell> row = new ArrayList<>(cells[c].length);
          for (int offset = 0; offset < cells[c].length; offset++) {
            row.add(new CohortCell(offset, cells[c][offset]));
          }
          cohorts.add(new Cohort(g.label(min + c), cohortSize[c], row));
        }
      }
      for (int k = 1; k < n; k++) {
        churn.add(new ChurnPeriod(g.label(min + k), activeIn[k - 1], retainedInto[k], activeIn[k - 1] - retainedInto[k]));
      }
    }
    return new RetentionReport(
        g,
        analysis.zone(),
        analysis.activity().toString(),
        analysis.purchase().toString(),
        active.size(),
        cohorts,
        churn,
        purchasers,
        repeat);
  }

  CustomerPeriods customer(String customerId) {
    Objects.requireNonNull(customerId, "customerId");
    CustomerPeriods c = customers.get(customerId);
    if (c == null) {
      checkArgument(!customerId.isBlank(), "customerId must not be blank but was '%s'", customerId);
      c = new CustomerPeriods();
      customers.put(customerId, c);
    }
    return c;
  }

  void record(CustomerPeriods c, long epochDay, boolean active, boolean purchase) {
    if (active) {
      if (epochDay != lastDay) {
        lastPeriod = analysis.granularity().index(epochDay);
        lastDay = epochDay;
      }
      c.active(lastPeriod);
    }
    if (purchase) {
      c.purchase(epochDay);
    }
  }

  ZonedDays days() {
    return days;
  }
}
