package io.cxs.metrics.retention;

import io.cxs.metrics.CalendarPeriod;
import io.cxs.core.customer.CustomerId;
import io.cxs.core.customer.IdentityResolver;
import io.cxs.core.spi.ScanDictionary;
import io.cxs.core.spi.TouchpointBatch;
import io.cxs.core.spi.TouchpointStore;
import io.cxs.metrics.clv.Transaction;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Descriptive retention metrics by calendar period: a cohort retention table, churn and retention
 * rates from each period to the next, and the repeat-purchase rate; over a {@link
 * TouchpointStore} (customers resolved through the identity graph) or over plain Java input.
 *
 * <p>Definitions, for periods of the configured {@link CalendarPeriod} in the configured zone:
 *
 * <ul>
 *   <li>A customer is <em>active</em> in a period if it has at least one touchpoint there that
 *       satisfies the {@link Builder#activity(Activity) activity definition}.
 *   <li>A customer's <em>cohort</em> is the first period in which it is active (with the default
 *       definition, its first purchase period). The cohort table gives, for each cohort c and
 *       offset k ≥ 0, active(c, k) = the customers of c active in period c + k, and the retention
 *       rate active(c, k) / |c| ({@link Cohort#rate(int)}); offset 0 is always 100%.
 *   <li>For each period p after the first: activeBefore = customers active in p − 1, retained =
 *       those also active in p, churned = activeBefore − retained; churn rate = churned /
 *       activeBefore and retention rate = retained / activeBefore ({@link ChurnPeriod}). This is
 *       the period-over-period definition (e.g. Fader &amp; Hardie, "How to project customer
 *       retention", 2007, for contractual settings; for non-contractual data "not active" stands in
 *       for "lost"). Returning and new customers do not enter p's rates.
 *   <li>Repeat-purchase rate = customers with purchases on at least two different days ÷
 *       customers with at least one purchase, purchases being touchpoints that satisfy the {@link
 *       Builder#purchase(Activity) purchase definition}. Purchase <em>days</em> count, not
 *       orders, as in {@link io.cxs.metrics.clv.RfmSummaries}.
 * </ul>
 *
 * <p>Historical value (revenue to date, average order value, purchase frequency) reuses {@link
 * io.cxs.metrics.clv.HistoricalValue}:
 *
 * <pre>{@code
 * RetentionAnalysis analysis = RetentionAnalysis.builder(CalendarPeriod.MONTH)
 *     .zone(ZoneId.of("Europe/Berlin"))
 *     .activity(Activity.any())
 *     .purchase(Activity.named("Order Completed"))
 *     .build();
 * RetentionReport report = analysis.analyze(cxs.touchpoints(), cxs.resolver());
 * List<HistoricalValue> values = RfmSummaries.historicalValues(
 *     analysis.purchases(cxs.touchpoints(), cxs.resolver()), LocalDate.of(2026, 6, 30), PeriodUnit.WEEKS);
 * }</pre>
 *
 * <p>Immutable and thread-safe; each call scans independently.
 *
 * @since 0.1
 */
public final class RetentionAnalysis {
  /** The default time zone: UTC. */
  public static final ZoneId DEFAULT_ZONE = ZoneOffset.UTC;
  /** The default activity definition: a purchase, {@link Activity#withValue()}. */
  public static final Activity DEFAULT_ACTIVITY = Activity.withValue();
  /** The default purchase definition: {@link Activity#withValue()}. */
  public static final Activity DEFAULT_PURCHASE = Activity.withValue();

  private final CalendarPeriod granularity;
  private final ZoneId zone;
  private final Activity activity;
  private final Activity purchase;

  private RetentionAnalysis(Builder b) {
    this.granularity = b.granularity;
    this.zone = b.zone == null ? DEFAULT_ZONE : b.zone;
    this.activity = b.activity == null ? DEFAULT_ACTIVITY : b.activity;
    this.purchase = b.purchase == null ? DEFAULT_PURCHASE : b.purchase;
  }

  /**
   * @param granularity the period length
   * @return a builder with the defaults {@link #DEFAULT_ZONE}, {@link #DEFAULT_ACTIVITY} and
   *     {@link #DEFAULT_PURCHASE}
   * @throws NullPointerException if {@code granularity} is null
   */
  public static Builder builder(CalendarPeriod granularity) {
    return new Builder(Objects.requireNonNull(granularity, "granularity"));
  }

  /**
   * @param granularity the period length
   * @return an analysis with the defaults
   * @throws NullPointerException if {@code granularity} is null
   */
  public static RetentionAnalysis of(CalendarPeriod granularity) {
    return builder(granularity).build();
  }

  /** @return the period length */
  public CalendarPeriod granularity() {
    return granularity;
  }

  /** @return the time zone of the calendar */
  public ZoneId zone() {
    return zone;
  }

  /** @return the definition of an active touchpoint */
  public Activity activity() {
    return activity;
  }

  /** @return the definition of a purchase */
  public Activity purchase() {
    return purchase;
  }

  /** @return a new, empty accumulator for plain Java input */
  public RetentionAccumulator newAccumulator() {
    return new RetentionAccumulator(this);
  }

  /**
   * Analyses every touchpoint in a store with one columnar scan. Each distinct subject (the
   * identity a touchpoint arrived with) is resolved to its customer once, so an anonymous
   * visitor who later identified counts as one customer with the identified user. Touchpoints
   * whose identity the resolver does not know (such as erased customers) are skipped.
   *
   * @param store the touchpoints
   * @param resolver maps identities to customers, such as {@code cxs.resolver()}
   * @return the report
   * @throws NullPointerException if an argument is null
   * @throws IllegalStateException as {@link RetentionAccumulator#result()}
   */
  public RetentionReport analyze(TouchpointStore store, IdentityResolver resolver) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(resolver, "resolver");
    RetentionAccumulator acc = newAccumulator();
    store.scan(new Scan(resolver, acc, Optional.empty()));
    return acc.result();
  }

  /**
   * Analyses transactions: each is a purchase and an activity on its day (see {@link
   * RetentionAccumulator#add(Transaction)}).
   *
   * @param transactions the purchases
   * @return the report
   * @throws NullPointerException if {@code transactions} or a transaction is null
   * @throws IllegalStateException as {@link RetentionAccumulator#result()}
   */
  public RetentionReport analyzeTransactions(Iterable<Transaction> transactions) {
    Objects.requireNonNull(transactions, "transactions");
    RetentionAccumulator acc = newAccumulator();
    for (Transaction t : transactions) {
      acc.add(t);
    }
    return acc.result();
  }

  /**
   * The store's purchases as transactions, for {@link
   * io.cxs.metrics.clv.RfmSummaries#historicalValues historical value} and the CLV models: one
   * transaction per touchpoint that satisfies the purchase definition, with the customer id, the
   * day in this analysis' zone, and the amount (0 when the touchpoint has none). Refunds
   * (negative amounts) are left out. Amounts of different currencies are not converted.
   *
   * @param store the touchpoints
   * @param resolver maps identities to customers
   * @return the purchases in store scan order; empty if there is none
   * @throws NullPointerException if an argument is null
   */
  public List<Transaction> purchases(TouchpointStore store, IdentityResolver resolver) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(resolver, "resolver");
    List<Transaction> out = new ArrayList<>();
    store.scan(new Scan(resolver, newAccumulator(), Optional.of(out)));
    return List.copyOf(out);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RetentionAnalysis)) {
      return false;
    }
    RetentionAnalysis a = (RetentionAnalysis) o;
    return granularity == a.granularity && zone.equals(a.zone) && activity.equals(a.activity) && purchase.equals(a.purchase);
  }

  @Override
  public int hashCode() {
    return Objects.hash(granularity, zone, activity, purchase);
  }

  @Override
  public String toString() {
    return "RetentionAnalysis{granularity=" + granularity.code() + ", zone=" + zone + ", activity=" + activity
        + ", purchase=" + purchase + "}";
  }

  /**
   * One scan: resolves each subject code once (an int-indexed cache), classifies each event name
   * code once, and reads only the columns it needs per row.
   */
  private final class Scan implements Consumer<TouchpointBatch> {
    private static final byte UNSEEN = 0;
    private static final byte ACTIVE = 1;
    private static final byte PURCHASE = 2;
    private static final byte SEEN = 4;

    private final IdentityResolver resolver;
    private final RetentionAccumulator acc;
    private final Optional<List<Transaction>> transactions;
    private final ZonedDays days;
    private CustomerPeriods[] bySubject = new CustomerPeriods[0];
    private String[] idBySubject = new String[0];
    private boolean[] resolved = new boolean[0];
    private byte[] nameFlags = new byte[0];

    Scan(IdentityResolver resolver, RetentionAccumulator acc, Optional<List<Transaction>> transactions) {
      this.resolver = resolver;
      this.acc = acc;
      this.transactions = transactions;
      this.days = acc.days();
    }

    @Override
    public void accept(TouchpointBatch batch) {
      ScanDictionary dict = batch.dictionary();
      boolean activityAll = activity.acceptsAll();
      boolean activityByValue = activity.needsAmount();
      boolean purchaseByValue = purchase.needsAmount();
      boolean collect = transactions.isPresent();
      int lastSubject = -1;
      CustomerPeriods customer = null;
      for (int row = 0, n = batch.size(); row < n; row++) {
        int s = batch.subject(row);
        if (s != lastSubject) {
          customer = customer(s, dict);
          lastSubject = s;
        }
        if (customer == null) {
          continue;
        }
        int flags = nameFlags(batch.name(row), dict);
        double amount = activityByValue || purchaseByValue || collect ? batch.amount(row) : Double.NaN;
        boolean isActive = activityAll || (activityByValue ? amount >= 0 : (flags & ACTIVE) != 0);
        boolean isPurchase = purchaseByValue ? amount >= 0 : (flags & PURCHASE) != 0;
        if (collect) {
          if (isPurchase && !(amount < 0)) {
            long day = days.epochDay(batch.epochMillis(row));
            transactions.get().add(new Transaction(idBySubject[s], LocalDate.ofEpochDay(day), Double.isNaN(amount) ? 0 : amount));
          }
        } else if (isActive || isPurchase) {
          acc.record(customer, days.epochDay(batch.epochMillis(row)), isActive, isPurchase);
        }
      }
    }

    private CustomerPeriods customer(int subject, ScanDictionary dict) {
      if (subject >= resolved.length) {
        int size = Math.max(subject + 1, dict.subjectCount());
        resolved = Arrays.copyOf(resolved, size);
        bySubject = Arrays.copyOf(bySubject, size);
        idBySubject = Arrays.copyOf(idBySubject, size);
      }
      if (!resolved[subject]) {
        resolved[subject] = true;
        Optional<CustomerId> id = resolver.customerOf(dict.subject(subject));
        if (id.isPresent()) {
          idBySubject[subject] = id.get().value();
          bySubject[subject] = acc.customer(id.get().value());
        }
      }
      return bySubject[subject];
    }

    private int nameFlags(int code, ScanDictionary dict) {
      if (code >= nameFlags.length) {
        nameFlags = Arrays.copyOf(nameFlags, Math.max(code + 1, dict.nameCount()));
      }
      byte f = nameFlags[code];
      if (f == UNSEEN) {
        String name = dict.name(code);
        f = (byte) (SEEN | (activity.acceptsName(name) ? ACTIVE : 0) | (purchase.acceptsName(name) ? PURCHASE : 0));
        nameFlags[code] = f;
      }
      return f;
    }
  }

  /**
   * Configures a {@link RetentionAnalysis}. Each option may be set once.
   *
   * @since 0.1
   */
  public static final class Builder {
    private final CalendarPeriod granularity;
    private ZoneId zone;
    private Activity activity;
    private Activity purchase;

    private Builder(CalendarPeriod granularity) {
      this.granularity = granularity;
    }

    /**
     * @param zone the time zone whose calendar defines periods; default {@link #DEFAULT_ZONE}
     * @return this builder
     * @throws NullPointerException if {@code zone} is null
     * @throws IllegalStateException if the zone was already set
     */
    public Builder zone(ZoneId zone) {
      Objects.requireNonNull(zone, "zone");
      if (this.zone != null) {
        throw new IllegalStateException("zone was already set to " + this.zone);
      }
      this.zone = zone;
      return this;
    }

    /**
     * @param activity what makes a customer active in a period; default {@link #DEFAULT_ACTIVITY}
     * @return this builder
     * @throws NullPointerException if {@code activity} is null
     * @throws IllegalStateException if the activity was already set
     */
    public Builder activity(Activity activity) {
      Objects.requireNonNull(activity, "activity");
      if (this.activity != null) {
        throw new IllegalStateException("activity was already set to " + this.activity);
      }
      this.activity = activity;
      return this;
    }

    /**
     * @param purchase what counts as a purchase; default {@link #DEFAULT_PURCHASE}
     * @return this builder
     * @throws NullPointerException if {@code purchase} is null
     * @throws IllegalStateException if the purchase definition was already set
     */
    public Builder purchase(Activity purchase) {
      Objects.requireNonNull(purchase, "purchase");
      if (this.purchase != null) {
        throw new IllegalStateException("purchase was already set to " + this.purchase);
      }
      this.purchase = purchase;
      return this;
    }

    /** @return the analysis */
    public RetentionAnalysis build() {
      return new RetentionAnalysis(this);
    }
  }
}
