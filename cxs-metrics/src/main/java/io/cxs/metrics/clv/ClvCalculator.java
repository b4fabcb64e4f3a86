package io.cxs.metrics.clv;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.util.Objects;

/**
 * Predictive customer lifetime value over a finite horizon from a purchase model and the
 * Gamma-Gamma spend model:
 *
 * <pre>{@code
 * CLV = Σ_{k=1..H} ( E[Y(k) | x, tₓ, T] − E[Y(k−1) | x, tₓ, T] ) · E[Z | x, mₓ] / (1 + d)^k
 * }</pre>
 *
 * where H is the horizon in periods (of the unit the models were fitted in), E[Y(k)] the
 * expected purchases in the first k periods after calibration, E[Z] the expected spend per
 * purchase and d the discount rate per period. This is the discounted cash flow of the
 * {@code lifetimes} package. Margins are not applied: multiply by a margin for profit. Immutable
 * and thread-safe.
 *
 * <pre>{@code
 * ClvCalculator clv = ClvCalculator.builder(bgnbd, gammaGamma).horizon(52).discountRate(0.002).build();
 * double value = clv.clv(summary);
 * }</pre>
 *
 * @since 0.1
 */
public final class ClvCalculator {
  /** 52 periods: a year of weeks. */
  public static final int DEFAULT_HORIZON = 52;
  /** No discounting. */
  public static final double DEFAULT_DISCOUNT_RATE = 0;

  private final PurchaseModel purchases;
  private final GammaGammaModel spend;
  private final int horizon;
  private final double discountRate;

  private ClvCalculator(Builder b) {
    this.purchases = b.purchases;
    this.spend = b.spend;
    this.horizon = b.horizon;
    this.discountRate = b.discountRate;
  }

  /**
   * @param purchases the purchase model, such as a fitted {@link BgNbdModel}
   * @param spend the spend model
   * @return a builder with horizon {@value #DEFAULT_HORIZON} and discount rate 0
   * @throws NullPointerException if an argument is null
   */
  public static Builder builder(PurchaseModel purchases, GammaGammaModel spend) {
    return new Builder(Objects.requireNonNull(purchases, "purchases"), Objects.requireNonNull(spend, "spend"));
  }

  /** @return H, the horizon in periods */
  public int horizon() {
    return horizon;
  }

  /** @return d, the discount rate per period */
  public double discountRate() {
    return discountRate;
  }

  /** @return E[Y(H) | x, tₓ, T], the expected purchases over the horizon */
  public double expectedPurchases(RfmSummary customer) {
    return purchases.expectedPurchases(customer, horizon);
  }

  /**
   * @return the discounted expected value of the customer's purchases over the horizon (formula
   *     above); at least 0
   * @throws IllegalStateException if the expected spend is infinite (see {@link
   *     GammaGammaModel#expectedAverageSpend})
   */
  public double clv(RfmSummary customer) {
    double spendPerPurchase = spend.expectedAverageSpend(customer);
    double sum = 0;
    double previous = 0;
    double discount = 1;
    for (int k = 1; k <= horizon; k++) {
      double cumulative = purchases.expectedPurchases(customer, k);
      discount /= 1 + discountRate;
      sum += (cumulative - previous) * discount;
      previous = cumulative;
    }
    return Math.max(0, sum * spendPerPurchase);
  }

  /**
   * Builds a {@link ClvCalculator}; each option may be set once. Not thread-safe.
   *
   * @since 0.1
   */
  public static final class Builder {
    private final PurchaseModel purchases;
    private final GammaGammaModel spend;
    private int horizon = DEFAULT_HORIZON;
    private double discountRate = DEFAULT_DISCOUNT_RATE;
    private boolean horizonSet;
    private boolean discountRateSet;

    private Builder(PurchaseModel purchases, GammaGammaModel spend) {
      this.purchases = purchases;
      this.spend = spend;
    }

    /**
     * @param periods H, in the unit of the models; positive
     * @return this builder
     * @throws IllegalStateException if the horizon was already set
     * @throws IllegalArgumentException if {@code periods} is not positive
     */
    public Builder horizon(int periods) {
      checkState(!horizonSet, "horizon was already set to %s", horizon);
      checkArgument(periods > 0, "horizon must be positive but was %s", periods);
      horizon = periods;
      horizonSet = true;
      return this;
    }

    /**
     * @param rate d, per period; finite and greater than −1 (0 for no discounting)
     * @return this builder
     * @throws IllegalStateException if the rate was already set
     * @throws IllegalArgumentException if {@code rate} is not finite or is at most −1
     */
    public Builder discountRate(double rate) {
      checkState(!discountRateSet, "discountRate was already set to %s", discountRate);
      checkArgument(Double.isFinite(rate) && rate > -1, "discountRate must be finite and > -1 but was %s", rate);
      discountRate = rate;
      discountRateSet = true;
      return this;
    }

    /** @return the calculator */
    public ClvCalculator build() {
      return new ClvCalculator(this);
    }
  }
}
