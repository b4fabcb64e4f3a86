package io.cxs.metrics.clv;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The BG/NBD model of Fader, Hardie and Lee (2005), "Counting Your Customers the Easy Way: An
 * Alternative to the Pareto/NBD Model", Marketing Science 24(2), 275–284. While active, a
 * customer buys as a Poisson process with rate λ ~ Gamma(r, α); after each purchase the customer
 * drops out with probability p ~ Beta(a, b). The log-likelihood of (x, tₓ, T) is
 *
 * <pre>{@code
 * ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
 *      + ln( (α+T)^−(r+x) + [x>0] · a/(b+x−1) · (α+tₓ)^−(r+x) )
 * }</pre>
 *
 * (equation 6 of the paper). Published CDNOW estimates: r = 0.243, α = 4.414, a = 0.793,
 * b = 2.426, LL = −9582.4. Immutable and thread-safe.
 *
 * <pre>{@code
 * ModelFit<BgNbdModel> fit = BgNbdModel.fit(summaries);
 * double pAlive = fit.model().probabilityAlive(summaries.get(0));
 * }</pre>
 *
 * @param r the shape of the purchase-rate gamma; finite and positive
 * @param alpha the scale of the purchase-rate gamma, in periods; finite and positive
 * @param a the first beta parameter of the dropout probability; finite and positive
 * @param b the second beta parameter of the dropout probability; finite and positive
 * @since 0.1
 */
public record BgNbdModel(double r, double alpha, double a, double b) implements PurchaseModel {

  /**
   * @throws IllegalArgumentException if a parameter is not finite and positive
   */
  public BgNbdModel {
    checkPositive("r", r);
    checkPositive("alpha", alpha);
    checkPositive("a", a);
    checkPositive("b", b);
  }

  /**
   * Fits the model by maximum likelihood with {@link FitOptions#ofDefaults() default options}.
   *
   * @see #fit(List, FitOptions)
   */
  public static ModelFit<BgNbdModel> fit(List<RfmSummary> customers) {
    return fit(customers, FitOptions.ofDefaults());
  }

  /**
   * Fits the model by maximum likelihood: BFGS with the analytic gradient, over ln r, ln α, ln a,
   * ln b, from r = α = a = b = 1.
   *
   * @param customers the calibration summaries; not empty
   * @return the estimates and diagnostics
   * @throws IllegalArgumentException if {@code customers} is empty
   * @throws ModelFitException if the optimiser does not converge
   */
  public static ModelFit<BgNbdModel> fit(List<RfmSummary> customers, FitOptions options) {
    Objects.requireNonNull(options, "options");
    RfmData data = RfmData.of(customers);
    MaximumLikelihood.Estimate e =
        MaximumLikelihood.fit(
            "bgnbd",
            (theta, g) -> BgFamily.logLikelihood(data, theta, g, false),
            true,
            data.totalWeight,
            new double[4],
            options);
    double[] p = e.params();
    return new ModelFit<>(new BgNbdModel(p[0], p[1], p[2], p[3]), e.diagnostics(), customers.size());
  }

  /** @return {@code "bgnbd"} */
  @Override
  public String modelName() {
    return "bgnbd";
  }

  /** @return r, alpha, a, b */
  @Override
  public Map<String, Double> parameters() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("r", r);
    m.put("alpha", alpha);
    m.put("a", a);
    m.put("b", b);
    return Collections.unmodifiableMap(m);
  }

  @Override
  public double logLikelihood(RfmSummary c) {
    RfmData d = RfmData.of(List.of(c));
    return BgFamily.logLikelihood(d, logParams(), null, false);
  }

  @Override
  public double logLikelihood(List<RfmSummary> customers) {
    if (customers.isEmpty()) {
      return 0;
    }
    return BgFamily.logLikelihood(RfmData.of(customers), logParams(), null, false);
  }

  /**
   * P(alive | x, tₓ, T) = 1 / (1 + [x>0] · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)) (equation 11 of the
   * paper); 1 when x = 0, since BG/NBD customers drop out only right after a purchase.
   */
  @Override
  public double probabilityAlive(RfmSummary c) {
    return BgFamily.probabilityAlive(r, alpha, a, b, false, c.frequency(), c.recency(), c.age());
  }

  /**
   * E[Y(t) | x, tₓ, T] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1;
   * t/(α+T+t))] / (1 + [x>0] · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)) (equation 10 of the paper).
   */
  @Override
  public double expectedPurchases(RfmSummary c, double t) {
    checkHorizon(t);
    return BgFamily.conditionalExpectation(r, alpha, a, b, false, c.frequency(), c.recency(), c.age(), t);
  }

  /**
   * E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r · 2F1(r, b; a+b−1; t/(α+t))] (equation 7 of the
   * paper).
   */
  @Override
  public double expectedPurchases(double t) {
    checkHorizon(t);
    return BgFamily.conditionalExpectation(r, alpha, a, b, false, 0, 0, 0, t);
  }

  private double[] logParams() {
    return new double[] {Math.log(r), Math.log(alpha), Math.log(a), Math.log(b)};
  }

  static void checkHorizon(double t) {
    checkArgument(Double.isFinite(t) && t >= 0, "t must be finite and at least 0 but was %s", t);
  }

  private static void checkPositive(String name, double value) {
    checkArgument(Double.isFinite(value) && value > 0, "%s must be finite and positive but was %s", name, value);
  }
}
