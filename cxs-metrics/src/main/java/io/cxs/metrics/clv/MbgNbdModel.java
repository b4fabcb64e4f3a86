package io.cxs.metrics.clv;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The MBG/NBD model of Batislam, Denizel and Filiztekin (2007), "Empirical validation and
 * comparison of models for customer base analysis", International Journal of Research in
 * Marketing 24(3), 201–209: BG/NBD in which a customer may also drop out at time 0, so that a
 * customer without repeat purchases need not be alive. The log-likelihood of (x, tₓ, T) is
 *
 * <pre>{@code
 * ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x+1) − ln B(a, b)
 *      + ln( (α+T)^−(r+x) + a/(b+x) · (α+tₓ)^−(r+x) )
 * }</pre>
 *
 * Immutable and thread-safe.
 *
 * @param r the shape of the purchase-rate gamma; finite and positive
 * @param alpha the scale of the purchase-rate gamma, in periods; finite and positive
 * @param a the first beta parameter of the dropout probability; finite and positive
 * @param b the second beta parameter of the dropout probability; finite and positive
 * @since 0.1
 */
public record MbgNbdModel(double r, double alpha, double a, double b) implements PurchaseModel {

  /**
   * @throws IllegalArgumentException if a parameter is not finite and positive
   */
  public MbgNbdModel {
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
  public static ModelFit<MbgNbdModel> fit(List<RfmSummary> customers) {
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
  public static ModelFit<MbgNbdModel> fit(List<RfmSummary> customers, FitOptions options) {
    Objects.requireNonNull(options, "options");
    RfmData data = RfmData.of(customers);
    MaximumLikelihood.Estimate e =
        MaximumLikelihood.fit(
            "mbgnbd",
            (theta, g) -> BgFamily.logLikelihood(data, theta, g, true),
            true,
            data.totalWeight,
            new double[4],
            options);
    double[] p = e.params();
    return new ModelFit<>(new MbgNbdModel(p[0], p[1], p[2], p[3]), e.diagnostics(), customers.size());
  }

  /** @return {@code "mbgnbd"} */
  @Override
  public String modelName() {
    return "mbgnbd";
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
    return BgFamily.logLikelihood(d, logParams(), null, true);
  }

  @Override
  public double logLikelihood(List<RfmSummary> customers) {
    if (customers.isEmpty()) {
      return 0;
    }
    return BgFamily.logLikelihood(RfmData.of(customers), logParams(), null, true);
  }

  /** P(alive | x, tₓ, T) = 1 / (1 + a/(b+x) · ((α+T)/(α+tₓ))^(r+x)). */
  @Override
  public double probabilityAlive(RfmSummary c) {
    return BgFamily.probabilityAlive(r, alpha, a, b, true, c.frequency(), c.recency(), c.age());
  }

  /**
   * E[Y(t) | x, tₓ, T] = (a+b+x)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x+1; a+b+x;
   * t/(α+T+t))] / (1 + a/(b+x) · ((α+T)/(α+tₓ))^(r+x)).
   */
  @Override
  public double expectedPurchases(RfmSummary c, double t) {
    checkHorizon(t);
    return BgFamily.conditionalExpectation(r, alpha, a, b, true, c.frequency(), c.recency(), c.age(), t);
  }

  /** E[X(t)] = b/(a−1) · [1 − (α/(α+t))^r · 2F1(r, b+1; a+b; t/(α+t))]. */
  @Override
  public double expectedPurchases(double t) {
    checkHorizon(t);
    double aa = Math.abs(a - 1) < 1e-9 ? 1 + 1e-9 : a;
    double z = t / (alpha + t);
    // Euler: (1−z)^r 2F1(r, b+1; a+b; z) = (1−z)^(a−1) 2F1(a+b−r, a−1; a+b; z)
    double term = Math.pow(1 - z, aa - 1) * SpecialFunctions.hyp2f1(aa + b - r, aa - 1, aa + b, z);
    return Math.max(0, b / (aa - 1) * (1 - term));
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
