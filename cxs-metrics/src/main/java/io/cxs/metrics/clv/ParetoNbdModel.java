package io.cxs.metrics.clv;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Pareto/NBD model of Schmittlein, Morrison and Colombo (1987), "Counting Your Customers: Who
 * Are They and What Will They Do Next?", Management Science 33(1), 1–24. While active, a customer
 * buys as a Poisson process with rate λ ~ Gamma(r, α) and has an exponential lifetime with rate
 * μ ~ Gamma(s, β). The log-likelihood of (x, tₓ, T), in the form of Fader and Hardie (2005), "A
 * Note on Deriving the Pareto/NBD Model and Related Expressions", is
 *
 * <pre>{@code
 * ln L = ln Γ(r+x) − ln Γ(r) + r ln α + s ln β
 *      + ln( (α+T)^−(r+x) (β+T)^−s + s/(r+s+x) · A₀ )
 * A₀   = F(tₓ) − F(T), with ρ = r+s+x and
 * F(t) = 2F1(ρ, s+1; ρ+1; (α−β)/(α+t)) / (α+t)^ρ      if α ≥ β
 * F(t) = 2F1(ρ, r+x; ρ+1; (β−α)/(β+t)) / (β+t)^ρ      if α < β
 * }</pre>
 *
 * evaluated in log space (log-sum-exp, and ln(e^u − e^v) for A₀). Published CDNOW estimates
 * (Fader, Hardie and Lee 2005): r = 0.55, α = 10.58, s = 0.61, β = 11.67, LL = −9595.0.
 * Immutable and thread-safe.
 *
 * @param r the shape of the purchase-rate gamma; finite and positive
 * @param alpha the scale of the purchase-rate gamma, in periods; finite and positive
 * @param s the shape of the dropout-rate gamma; finite and positive
 * @param beta the scale of the dropout-rate gamma, in periods; finite and positive
 * @since 0.1
 */
public record ParetoNbdModel(double r, double alpha, double s, double beta) implements PurchaseModel {

  /**
   * @throws IllegalArgumentException if a parameter is not finite and positive
   */
  public ParetoNbdModel {
    checkPositive("r", r);
    checkPositive("alpha", alpha);
    checkPositive("s", s);
    checkPositive("beta", beta);
  }

  /**
   * Fits the model by maximum likelihood with {@link FitOptions#ofDefaults() default options}.
   *
   * @see #fit(List, FitOptions)
   */
  public static ModelFit<ParetoNbdModel> fit(List<RfmSummary> customers) {
    return fit(customers, FitOptions.ofDefaults());
  }

  /**
   * Fits the model by maximum likelihood: BFGS with a central-difference gradient, over ln r,
   * ln α, ln s, ln β, from r = α = s = β = 1.
   *
   * @param customers the calibration summaries; not empty
   * @return the estimates and diagnostics
   * @throws IllegalArgumentException if {@code customers} is empty
   * @throws ModelFitException if the optimiser does not converge
   */
  public static ModelFit<ParetoNbdModel> fit(List<RfmSummary> customers, FitOptions options) {
    Objects.requireNonNull(options, "options");
    RfmData data = RfmData.of(customers);
    Pairs pairs = Pairs.of(data);
    MaximumLikelihood.Estimate e =
        MaximumLikelihood.fit(
            "pareto-nbd",
            (theta, g) -> logLikelihood(data, pairs, theta),
            false,
            data.totalWeight,
            new double[4],
            options);
    double[] p = e.params();
    return new ModelFit<>(new ParetoNbdModel(p[0], p[1], p[2], p[3]), e.diagnostics(), customers.size());
  }

  /** @return {@code "pareto-nbd"} */
  @Override
  public String modelName() {
    return "pareto-nbd";
  }

  /** @return r, alpha, s, beta */
  @Override
  public Map<String, Double> parameters() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("r", r);
    m.put("alpha", alpha);
    m.put("s", s);
    m.put("beta", beta);
    return Collections.unmodifiableMap(m);
  }

  @Override
  public double logLikelihood(RfmSummary c) {
    return logLikelihood(RfmData.of(List.of(c)), logParams());
  }

  @Override
  public double logLikelihood(List<RfmSummary> customers) {
    if (customers.isEmpty()) {
      return 0;
    }
    return logLikelihood(RfmData.of(customers), logParams());
  }

  /**
   * P(alive | x, tₓ, T) = (α+T)^−(r+x) (β+T)^−s / ((α+T)^−(r+x) (β+T)^−s + s/(r+s+x) · A₀).
   */
  @Override
  public double probabilityAlive(RfmSummary c) {
    double[] parts = mixtureTerms(r, alpha, s, beta, c.frequency(), c.recency(), c.age());
    return Math.exp(parts[0] - SpecialFunctions.logSumExp(parts[0], parts[1]));
  }

  /**
   * E[Y(t) | x, tₓ, T] = P(alive) · (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)],
   * with the limit (r+x)(β+T)/(α+T) · ln((β+T+t)/(β+T)) at s = 1.
   */
  @Override
  public double expectedPurchases(RfmSummary c, double t) {
    BgNbdModel.checkHorizon(t);
    double scale = (r + c.frequency()) * (beta + c.age()) / (alpha + c.age());
    return probabilityAlive(c) * scale * powerIntegral(s, Math.log1p(t / (beta + c.age())));
  }

  /** E[X(t)] = rβ / (α(s−1)) · [1 − (β/(β+t))^(s−1)]. */
  @Override
  public double expectedPurchases(double t) {
    BgNbdModel.checkHorizon(t);
    return r * beta / alpha * powerIntegral(s, Math.log1p(t / beta));
  }

  /** (1 − e^−(s−1)u) / (s−1), and u at s = 1. */
  private static double powerIntegral(double s, double u) {
    double k = s - 1;
    if (Math.abs(k * u) < 1e-12) {
      return u;
    }
    return -Math.expm1(-k * u) / k;
  }

  private double[] logParams() {
    return new double[] {Math.log(r), Math.log(alpha), Math.log(s), Math.log(beta)};
  }

  /** The weighted log-likelihood over ln r, ln α, ln s, ln β. */
  static double logLikelihood(RfmData d, double[] theta) {
    return logLikelihood(d, Pairs.of(d), theta);
  }

  /**
   * The weighted log-likelihood, with F(t) and the logarithms of α+t and β+t computed once per
   * distinct (x, t) pair: summaries built from calendar days share few such pairs, so the 2F1
   * series run thousands rather than millions of times per evaluation.
   */
  static double logLikelihood(RfmData d, Pairs pairs, double[] theta) {
    double r = Math.exp(theta[0]);
    double alpha = Math.exp(theta[1]);
    double s = Math.exp(theta[2]);
    double beta = Math.exp(theta[3]);
    int k = pairs.size;
    double[] lnF = new double[k];
    double[] lnAlphaT = new double[k];
    double[] lnBetaT = new double[k];
    for (int j = 0; j < k; j++) {
      int x = pairs.x[j];
      double t = pairs.t[j];
      double rho = r + s + x;
      lnAlphaT[j] = Math.log(alpha + t);
      lnBetaT[j] = Math.log(beta + t);
      if (alpha >= beta) {
        lnF[j] = Math.log(SpecialFunctions.hyp2f1(rho, s + 1, rho + 1, (alpha - beta) / (alpha + t))) - rho * lnAlphaT[j];
      } else {
        lnF[j] = Math.log(SpecialFunctions.hyp2f1(rho, r + x, rho + 1, (beta - alpha) / (beta + t))) - rho * lnBetaT[j];
      }
    }
    double constant = r * Math.log(alpha) + s * Math.log(beta);
    double[] lgR = new double[d.maxX + 1];
    double[] lnShare = new double[d.maxX + 1];
    double lg = 0;
    for (int x = 0; x <= d.maxX; x++) {
      lgR[x] = lg;
      lnShare[x] = Math.log(s / (r + s + x));
      lg += Math.log(r + x);
    }
    double sum = 0;
    for (int i = 0; i < d.rows; i++) {
      int x = d.x[i];
      int tp = pairs.txPair[i];
      int ap = pairs.agePair[i];
      double l1 = -(r + x) * lnAlphaT[ap] - s * lnBetaT[ap];
      double l2 = lnShare[x] + SpecialFunctions.logDiffExp(lnF[tp], lnF[ap]);
      sum += d.weight[i] * (lgR[x] + constant + SpecialFunctions.logSumExp(l1, l2));
    }
    return sum;
  }

  /** The distinct (x, t) pairs of the (x, tₓ) and (x, T) columns, and each row's two pair indices. */
  static final class Pairs {
    final int[] x;
    final double[] t;
    final int size;
    final int[] txPair;
    final int[] agePair;

    private Pairs(int[] x, double[] t, int size, int[] txPair, int[] agePair) {
      this.x = x;
      this.t = t;
      this.size = size;
      this.txPair = txPair;
      this.agePair = agePair;
    }

    static Pairs of(RfmData d) {
      Map<Long, Map<Double, Integer>> byX = new HashMap<>();
      int[] px = new int[16];
      double[] pt = new double[16];
      int[] txPair = new int[d.rows];
      int[] agePair = new int[d.rows];
      int size = 0;
      for (int i = 0; i < d.rows; i++) {
        Map<Double, Integer> m = byX.computeIfAbsent((long) d.x[i], k -> new HashMap<>());
        for (int c = 0; c < 2; c++) {
          double t = c == 0 ? d.tx[i] : d.age[i];
          Integer index = m.get(t);
          if (index == null) {
            if (size == px.length) {
              px = Arrays.copyOf(px, size * 2);
              pt = Arrays.copyOf(pt, size * 2);
            }
            px[size] = d.x[i];
            pt[size] = t;
            index = size++;
            m.put(t, index);
          }
          if (c == 0) {
            txPair[i] = index;
          } else {
            agePair[i] = index;
          }
        }
      }
      return new Pairs(px, pt, size, txPair, agePair);
    }
  }

  /** The logarithms of the two terms of the mixture: ln((α+T)^−(r+x)(β+T)^−s) and ln(s/(r+s+x) · A₀). */
  private static double[] mixtureTerms(double r, double alpha, double s, double beta, int x, double tx, double age) {
    double rho = r + s + x;
    double l1 = -(r + x) * Math.log(alpha + age) - s * Math.log(beta + age);
    double lnA0 = SpecialFunctions.logDiffExp(lnF(r, alpha, s, beta, x, rho, tx), lnF(r, alpha, s, beta, x, rho, age));
    double l2 = Math.log(s / rho) + lnA0;
    return new double[] {l1, l2};
  }

  private static double lnF(double r, double alpha, double s, double beta, int x, double rho, double t) {
    if (alpha >= beta) {
      double z = (alpha - beta) / (alpha + t);
      return Math.log(SpecialFunctions.hyp2f1(rho, s + 1, rho + 1, z)) - rho * Math.log(alpha + t);
    }
    double z = (beta - alpha) / (beta + t);
    return Math.log(SpecialFunctions.hyp2f1(rho, r + x, rho + 1, z)) - rho * Math.log(beta + t);
  }

  private static void checkPositive(String name, double value) {
    checkArgument(Double.isFinite(value) && value > 0, "%s must be finite and positive but was %s", name, value);
  }
}
