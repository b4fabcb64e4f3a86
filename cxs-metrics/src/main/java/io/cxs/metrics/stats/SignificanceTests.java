package io.cxs.metrics.stats;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Two-sided tests of whether a KPI differs between two independent samples {@code a} and
 * {@code b}. Each returns the difference {@code b − a}, its standard error, the statistic and the
 * p-value.
 *
 * <ul>
 *   <li>{@link #proportions Proportions} (CSAT, low-effort share): the pooled two-proportion
 *       z-test, {@code z = (p̂_b − p̂_a) / √(p̂(1−p̂)(1/n_a + 1/n_b))} with
 *       {@code p̂ = (x_a + x_b)/(n_a + n_b)}, {@code p = 2(1 − Φ(|z|))}.
 *   <li>{@link #netScores Net scores} (NPS, net satisfaction): the z-test of a difference of
 *       independent multinomial net scores, {@code z = (N_b − N_a) / √(V_a + V_b)} with
 *       {@code V = (p₊ + p₋ − (p₊ − p₋)²)/n} for each sample (the unpooled Wald test).
 *   <li>{@link #means Means} (CES): Welch's unequal-variance t-test,
 *       {@code t = (x̄_b − x̄_a)/√(s_a²/n_a + s_b²/n_b)} with the Welch–Satterthwaite degrees of
 *       freedom {@code (s_a²/n_a + s_b²/n_b)² / ((s_a²/n_a)²/(n_a−1) + (s_b²/n_b)²/(n_b−1))}.
 * </ul>
 *
 * <p>When the standard error is 0 (for instance all promoters in both samples), the p-value is
 * 1 if the difference is 0 and 0 otherwise; the statistic is then reported as 0 or ±{@code
 * Double.MAX_VALUE}.
 *
 * @since 0.1
 */
public final class SignificanceTests {
  private SignificanceTests() {}

  /**
   * The pooled two-proportion z-test.
   *
   * @param successesA successes in sample a, in {@code [0, nA]}
   * @param nA size of sample a, positive
   * @param successesB successes in sample b, in {@code [0, nB]}
   * @param nB size of sample b, positive
   * @return the comparison; {@code difference} as a fraction in [-1, 1]
   * @throws IllegalArgumentException if a count is out of range
   */
  public static Comparison proportions(long successesA, long nA, long successesB, long nB) {
    checkArgument(nA > 0, "nA must be positive but was %s", nA);
    checkArgument(nB > 0, "nB must be positive but was %s", nB);
    checkArgument(successesA >= 0 && successesA <= nA, "successesA must be in [0, %s] but was %s",
        nA, successesA);
    checkArgument(successesB >= 0 && successesB <= nB, "successesB must be in [0, %s] but was %s",
        nB, successesB);
    double pa = (double) successesA / nA;
    double pb = (double) successesB / nB;
    double pooled = (double) (successesA + successesB) / (nA + nB);
    double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / nA + 1.0 / nB));
    return zTest(pb - pa, se);
  }

  /**
   * The z-test of a difference of two net scores with multinomial variances.
   *
   * @param positiveA positive answers in a
   * @param negativeA negative answers in a
   * @param nA answers in a, positive
   * @param positiveB positive answers in b
   * @param negativeB negative answers in b
   * @param nB answers in b, positive
   * @return the comparison; {@code difference} as a fraction in [-2, 2]
   * @throws IllegalArgumentException if a count is out of range
   */
  public static Comparison netScores(long positiveA, long negativeA, long nA, long positiveB,
      long negativeB, long nB) {
    double va = ConfidenceIntervals.netScoreVariance(positiveA, negativeA, nA);
    double vb = ConfidenceIntervals.netScoreVariance(positiveB, negativeB, nB);
    double diff = (double) (positiveB - negativeB) / nB - (double) (positiveA - negativeA) / nA;
    return zTest(diff, Math.sqrt(va + vb));
  }

  /**
   * Welch's t-test of a difference of means.
   *
   * @param meanA the mean of a
   * @param varianceA the sample variance of a (divisor {@code n − 1}), at least 0
   * @param nA the size of a, at least 2
   * @param meanB the mean of b
   * @param varianceB the sample variance of b, at least 0
   * @param nB the size of b, at least 2
   * @return the comparison
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static Comparison means(double meanA, double varianceA, long nA, double meanB,
      double varianceB, long nB) {
    checkArgument(nA >= 2, "nA must be at least 2 but was %s", nA);
    checkArgument(nB >= 2, "nB must be at least 2 but was %s", nB);
    checkArgument(varianceA >= 0 && Double.isFinite(varianceA),
        "varianceA must be finite and at least 0 but was %s", varianceA);
    checkArgument(varianceB >= 0 && Double.isFinite(varianceB),
        "varianceB must be finite and at least 0 but was %s", varianceB);
    double qa = varianceA / nA;
    double qb = varianceB / nB;
    double se = Math.sqrt(qa + qb);
    double diff = meanB - meanA;
    if (se == 0) {
      return zTest(diff, 0);
    }
    double df = (qa + qb) * (qa + qb) / (qa * qa / (nA - 1) + qb * qb / (nB - 1));
    double t = diff / se;
    double p = 2 * Distributions.studentTCdf(-Math.abs(t), df);
    return new Comparison(diff, se, t, Math.min(1, p));
  }

  private static Comparison zTest(double diff, double se) {
    if (se == 0) {
      if (diff == 0) {
        return new Comparison(0, 0, 0, 1);
      }
      return new Comparison(diff, 0, Math.copySign(Double.MAX_VALUE, diff), 0);
    }
    double z = diff / se;
    double p = 2 * Distributions.normalCdf(-Math.abs(z));
    return new Comparison(diff, se, z, Math.min(1, p));
  }
}
