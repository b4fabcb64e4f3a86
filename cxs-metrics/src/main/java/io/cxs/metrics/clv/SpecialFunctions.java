package io.cxs.metrics.clv;

/**
 * The numerics the customer-base models need: log-gamma, digamma, log-sum-exp and the Gauss
 * hypergeometric function 2F1. Written here so that cxs needs no numerics library.
 */
final class SpecialFunctions {
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
  private static final double LANCZOS_G = 7;
  private static final double[] LANCZOS = {
    0.99999999999980993,
    676.5203681218851,
    -1259.1392167224028,
    771.32342877765313,
    -176.61502916214059,
    12.507343278686905,
    -0.13857109526572012,
    9.9843695780195716e-6,
    1.5056327351493116e-7
  };
  /** Most terms summed by {@link #hyp2f1} before it gives up. */
  static final int HYP2F1_MAX_TERMS = 200_000;

  private SpecialFunctions() {}

  /**
   * ln Γ(x) for x &gt; 0, by the Lanczos approximation (g = 7, 9 terms; relative error about
   * 1e-15), with the reflection formula below 0.5.
   */
  static double lnGamma(double x) {
    if (!(x > 0) || Double.isInfinite(x)) {
      if (x == Double.POSITIVE_INFINITY) {
        return Double.POSITIVE_INFINITY;
      }
      return Double.NaN;
    }
    if (x < 0.5) {
      // Γ(x)Γ(1 − x) = π / sin(πx)
      return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
    }
    double z = x - 1;
    double sum = LANCZOS[0];
    for (int i = 1; i < LANCZOS.length; i++) {
      sum += LANCZOS[i] / (z + i);
    }
    double t = z + LANCZOS_G + 0.5;
    return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
  }

  /**
   * ψ(x) = d ln Γ(x) / dx for x &gt; 0: the recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 10, then
   * the asymptotic series.
   */
  static double digamma(double x) {
    if (!(x > 0) || Double.isInfinite(x)) {
      return x == Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY : Double.NaN;
    }
    double result = 0;
    while (x < 10) {
      result -= 1 / x;
      x += 1;
    }
    double inv = 1 / x;
    double inv2 = inv * inv;
    double series =
        inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240 - inv2 * (1.0 / 132)))));
    return result + Math.log(x) - 0.5 * inv - series;
  }

  /** ln(e^a + e^b) without overflow; −∞ arguments are allowed. */
  static double logSumExp(double a, double b) {
    double max = Math.max(a, b);
    if (max == Double.NEGATIVE_INFINITY) {
      return Double.NEGATIVE_INFINITY;
    }
    return max + Math.log1p(Math.exp(Math.min(a, b) - max));
  }

  /**
   * ln(e^a − e^b) for a ≥ b; −∞ when a ≤ b (the difference is zero or lost to rounding).
   */
  static double logDiffExp(double a, double b) {
    if (!(a > b)) {
      return Double.NEGATIVE_INFINITY;
    }
    return a + Math.log1p(-Math.exp(b - a));
  }

  /**
   * The Gauss hypergeometric function 2F1(a, b; c; z) = Σ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ for real
   * arguments, c not a non-positive integer and −∞ &lt; z &lt; 1. Negative z is first mapped into
   * [0, 1/2] by Pfaff's transformation 2F1(a, b; c; z) = (1 − z)^(−a) 2F1(a, c − b; c; z/(z − 1)).
   * The series is then summed until a term no longer changes the sum.
   *
   * @throws ArithmeticException if z ≥ 1 or the series does not settle within
   *     {@link #HYP2F1_MAX_TERMS} terms
   */
  static double hyp2f1(double a, double b, double c, double z) {
    if (!(z < 1)) {
      throw new ArithmeticException("2F1 needs z < 1 but z was " + z);
    }
    if (z < 0) {
      double w = z / (z - 1);
      return Math.pow(1 - z, -a) * series(a, c - b, c, w);
    }
    return series(a, b, c, z);
  }

  private static double series(double a, double b, double c, double z) {
    double term = 1;
    double sum = 1;
    for (int n = 0; n < HYP2F1_MAX_TERMS; n++) {
      double ratio = (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
      term *= ratio;
      double next = sum + term;
      if (term == 0 || (next == sum && Math.abs(ratio) < 1)) {
        return next;
      }
      if (!Double.isFinite(next)) {
        throw new ArithmeticException(
            "2F1(" + a + ", " + b + "; " + c + "; " + z + ") overflowed");
      }
      sum = next;
    }
    throw new ArithmeticException(
        "2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge in "
            + HYP2F1_MAX_TERMS + " terms");
  }
}
