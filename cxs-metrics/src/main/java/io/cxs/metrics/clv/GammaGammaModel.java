package io.cxs.metrics.clv;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Gamma-Gamma model of spend per transaction (Colombo and Jiang 1999, "A stochastic RFM
 * model", Journal of Interactive Marketing 13(3); Fader, Hardie and Lee 2005, "RFM and CLV: Using
 * Iso-Value Curves for Customer Base Analysis", Journal of Marketing Research 42(4), 415–430).
 * Transaction values of a customer are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers, and
 * independent of the purchase process. For a customer with x &gt; 0 repeat purchases of mean value
 * mₓ &gt; 0,
 *
 * <pre>{@code
 * ln L = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln mₓ + px ln x − (px+q) ln(γ + x mₓ)
 * }</pre>
 *
 * Published CDNOW estimates (Fader, Hardie and Lee 2005, the 946 repeat buyers): p = 6.25,
 * q = 3.74, γ = 15.44. Immutable and thread-safe.
 *
 * @param p the shape of the per-transaction gamma; finite and positive
 * @param q the shape of the gamma of ν; finite and positive
 * @param gamma the scale of the gamma of ν; finite and positive
 * @since 0.1
 */
public record GammaGammaModel(double p, double q, double gamma) {

  /**
   * @throws IllegalArgumentException if a parameter is not finite and positive
   */
  public GammaGammaModel {
    checkPositive("p", p);
    checkPositive("q", q);
    checkPositive("gamma", gamma);
  }

  /**
   * Fits the model with {@link FitOptions#ofDefaults() default options}.
   *
   * @see #fit(List, FitOptions)
   */
  public static ModelFit<GammaGammaModel> fit(List<RfmSummary> customers) {
    return fit(customers, FitOptions.ofDefaults());
  }

  /**
   * Fits the model by maximum likelihood (BFGS, central-difference gradient, over ln p, ln q,
   * ln γ from p = q = γ = 1) on the customers with frequency &gt; 0 and monetary value &gt; 0; the
   * others carry no repeat spend and are skipped ({@link ModelFit#sampleSize()} counts the used
   * ones).
   *
   * @throws IllegalArgumentException if no customer has frequency &gt; 0 and monetary value &gt; 0
   * @throws ModelFitException if the optimiser does not converge
   */
  public static ModelFit<GammaGammaModel> fit(List<RfmSummary> customers, FitOptions options) {
    Objects.requireNonNull(options, "options");
    List<RfmSummary> used = new ArrayList<>();
    for (RfmSummary c : customers) {
      if (c.frequency() > 0 && c.monetaryValue() > 0) {
        used.add(c);
      }
    }
    checkArgument(
        !used.isEmpty(),
        "customers must include one with frequency > 0 and monetaryValue > 0 but none of %s did",
        customers.size());
    int n = used.size();
    int[] x = new int[n];
    double[] m = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = used.get(i).frequency();
      m[i] = used.get(i).monetaryValue();
    }
    MaximumLikelihood.Estimate e =
        MaximumLikelihood.fit("gamma-gamma", (theta, g) -> logLikelihood(x, m, theta), false, n, new double[3], options);
    double[] est = e.params();
    return new ModelFit<>(new GammaGammaModel(est[0], est[1], est[2]), e.diagnostics(), n);
  }

  /** @return p, q, gamma */
  public Map<String, Double> parameters() {
    Map<String, Double> map = new LinkedHashMap<>();
    map.put("p", p);
    map.put("q", q);
    map.put("gamma", gamma);
    return Collections.unmodifiableMap(map);
  }

  /**
   * @return Σ ln L over the customers with frequency &gt; 0 and monetary value &gt; 0; 0 when there
   *     are none
   */
  public double logLikelihood(List<RfmSummary> customers) {
    double sum = 0;
    for (RfmSummary c : customers) {
      if (c.frequency() > 0 && c.monetaryValue() > 0) {
        sum += logLikelihood(new int[] {c.frequency()}, new double[] {c.monetaryValue()}, logParams());
      }
    }
    return sum;
  }

  /**
   * @return E[Z] = pγ / (q − 1), the mean spend per transaction across customers
   * @throws IllegalStateException if q ≤ 1 (the mean is infinite)
   */
  public double populationMeanSpend() {
    checkState(q > 1, "population mean spend needs q > 1 but q was %s", q);
    return p * gamma / (q - 1);
  }

  /**
   * The expected spend per transaction of a customer given the observed repeat purchases:
   * E[Z | x, mₓ] = p(γ + x mₓ) / (px + q − 1), a weighted mean of the population mean pγ/(q−1)
   * and mₓ. For x = 0 it is the population mean.
   *
   * @throws IllegalStateException if px + q ≤ 1 (the mean is infinite)
   */
  public double expectedAverageSpend(RfmSummary c) {
    int x = c.frequency();
    double denominator = p * x + q - 1;
    if (!(denominator > 0)) {
      throw new IllegalStateException(
          "expected spend needs p*x + q > 1 but p*x + q was " + (denominator + 1) + " for x=" + x);
    }
    return p * (gamma + x * c.monetaryValue()) / denominator;
  }

  private double[] logParams() {
    return new double[] {Math.log(p), Math.log(q), Math.log(gamma)};
  }

  static double logLikelihood(int[] x, double[] m, double[] theta) {
    double p = Math.exp(theta[0]);
    double q = Math.exp(theta[1]);
    double g = Math.exp(theta[2]);
    double constant = -SpecialFunctions.lnGamma(q) + q * Math.log(g);
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      double px = p * x[i];
      sum +=
          SpecialFunctions.lnGamma(px + q)
              - SpecialFunctions.lnGamma(px)
              + constant
              + (px - 1) * Math.log(m[i])
              + px * Math.log(x[i])
              - (px + q) * Math.log(g + m[i] * x[i]);
    }
    return sum;
  }

  private static void checkPositive(String name, double value) {
    checkArgument(Double.isFinite(value) && value > 0, "%s must be finite and positive but was %s", name, value);
  }
}
