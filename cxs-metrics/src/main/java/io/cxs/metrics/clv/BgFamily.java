package io.cxs.metrics.clv;

/**
 * The log-likelihood and its analytic gradient for BG/NBD (Fader, Hardie and Lee 2005) and
 * MBG/NBD (Batislam, Denizel and Filiztekin 2007), which differ only by a shift k (0 or 1) and by
 * whether a customer with x = 0 may have dropped out:
 *
 * <pre>{@code
 * ln L = ln Γ(r+x) − ln Γ(r) + r ln α
 *      + ln Γ(a+b) + ln Γ(b+x+k) − ln Γ(b) − ln Γ(a+b+x+k)
 *      + ln( (α+T)^−(r+x) + δ · a/(b+x−1+k) · (α+tₓ)^−(r+x) )
 * }</pre>
 *
 * with δ = [x &gt; 0] for BG/NBD (k = 0) and δ = 1 for MBG/NBD (k = 1). Terms that depend only on
 * x are computed once per distinct x by recurrences; the loop over rows does two logarithms and
 * one exponential.
 */
final class BgFamily {
  private BgFamily() {}

  /**
   * @param theta ln r, ln α, ln a, ln b
   * @param gradient receives d LL / d ln θ when not null
   * @param modified false for BG/NBD, true for MBG/NBD
   * @return the weighted log-likelihood LL
   */
  static double logLikelihood(RfmData d, double[] theta, double[] gradient, boolean modified) {
    double r = Math.exp(theta[0]);
    double alpha = Math.exp(theta[1]);
    double a = Math.exp(theta[2]);
    double b = Math.exp(theta[3]);
    int k = modified ? 1 : 0;
    boolean wantGradient = gradient != null;
    double lnA = Math.log(a);
    double sum = 0;
    double[] weightByX = new double[d.maxX + 1];
    double sumR = 0;
    double sumAlpha = 0;
    double sumA = 0;
    double sumB = 0;
    for (int i = 0; i < d.rows; i++) {
      int x = d.x[i];
      double w = d.weight[i];
      double rx = r + x;
      weightByX[x] += w;
      double lnAT = Math.log(alpha + d.age[i]);
      double l3 = -rx * lnAT;
      if (x > 0 || modified) {
        double bx = b + x - 1 + k;
        double lnAtx = Math.log(alpha + d.tx[i]);
        double l4 = lnA - Math.log(bx) - rx * lnAtx;
        double m = SpecialFunctions.logSumExp(l3, l4);
        sum += w * m;
        if (wantGradient) {
          double p4 = Math.exp(l4 - m);
          double p3 = 1 - p4;
          sumR -= w * (p3 * lnAT + p4 * lnAtx);
          sumAlpha -= w * rx * (p3 / (alpha + d.age[i]) + p4 / (alpha + d.tx[i]));
          sumA += w * p4 / a;
          sumB -= w * p4 / bx;
        }
      } else {
        sum += w * l3;
        if (wantGradient) {
          sumR -= w * lnAT;
          sumAlpha -= w * rx / (alpha + d.age[i]);
        }
      }
    }
    // terms that depend on x only, by recurrences over x
    double lnAlpha = Math.log(alpha);
    double lgR = 0; // ln Γ(r+x) − ln Γ(r)
    double lgB = 0; // ln Γ(b+x+k) − ln Γ(b)
    double lgAB = 0; // ln Γ(a+b+x+k) − ln Γ(a+b)
    if (k == 1) {
      lgB = Math.log(b);
      lgAB = Math.log(a + b);
    }
    double dPsiR = 0; // ψ(r+x) − ψ(r)
    double dPsiB = k == 1 ? 1 / b : 0; // ψ(b+x+k) − ψ(b)
    double dPsiAB = k == 1 ? 1 / (a + b) : 0; // ψ(a+b+x+k) − ψ(a+b)
    for (int x = 0; x <= d.maxX; x++) {
      double w = weightByX[x];
      if (w != 0) {
        sum += w * (lgR + r * lnAlpha + lgB - lgAB);
        if (wantGradient) {
          sumR += w * (dPsiR + lnAlpha);
          sumAlpha += w * r / alpha;
          sumA += w * -dPsiAB;
          sumB += w * (dPsiB - dPsiAB);
        }
      }
      lgR += Math.log(r + x);
      lgB += Math.log(b + x + k);
      lgAB += Math.log(a + b + x + k);
      if (wantGradient) {
        dPsiR += 1 / (r + x);
        dPsiB += 1 / (b + x + k);
        dPsiAB += 1 / (a + b + x + k);
      }
    }
    if (wantGradient) {
      gradient[0] = r * sumR;
      gradient[1] = alpha * sumAlpha;
      gradient[2] = a * sumA;
      gradient[3] = b * sumB;
    }
    return sum;
  }

  /**
   * E[Y(t) | x, tₓ, T] for both models, with the 2F1 in Euler's form
   * (1−z)^(r+x) 2F1(r+x, b+x+k; a+b+x−1+k; z) = (1−z)^(a−1) 2F1(a+b−1+k−r, a−1; a+b+x−1+k; z),
   * z = t/(α+T+t), whose parameters do not grow with x; when (a−1)·z is large, the direct
   * series instead.
   */
  /** Above this (a − 1)·z, Euler's form of the 2F1 would overflow; the direct series is used. */
  private static final double EULER_LIMIT = 30;

  static double conditionalExpectation(
      double r, double alpha, double a, double b, boolean modified, int x, double tx, double age, double t) {
    int k = modified ? 1 : 0;
    double aa = Math.abs(a - 1) < 1e-9 ? 1 + 1e-9 : a; // the formula is 0/0 at a = 1; take the limit numerically
    double z = t / (alpha + age + t);
    // c = a + b + x − 1 (+1 if modified) is 0 when x = 0 and a + b = 1: 2F1 has a pole there that
    // the factor c below cancels; take the limit numerically, as for a = 1
    double c = aa + b + x - 1 + k;
    if (Math.abs(c) < 1e-9) {
      c = 1e-9;
    }
    double term;
    if ((aa - 1) * z > EULER_LIMIT) {
      // Large a (a fit at the boundary, where the dropout probability is nearly the same for
      // everyone): Euler's form would sum terms near (a z)^n / n! and overflow, so use the
      // direct series, whose terms shrink like (r + x + n) z / (n + 1).
      term = Math.pow(1 - z, r + x) * SpecialFunctions.hyp2f1(r + x, b + x + k, c, z);
    } else {
      term = Math.pow(1 - z, aa - 1)
          * SpecialFunctions.hyp2f1(aa + b - 1 + k - r, aa - 1, c, z);
    }
    double numerator = c / (aa - 1) * (1 - term);
    double denominator = 1;
    if (x > 0 || modified) {
      denominator += a / (b + x - 1 + k) * Math.exp((r + x) * Math.log((alpha + age) / (alpha + tx)));
    }
    return Math.max(0, numerator / denominator);
  }

  static double probabilityAlive(double r, double alpha, double a, double b, boolean modified, int x, double tx, double age) {
    if (x == 0 && !modified) {
      return 1;
    }
    int k = modified ? 1 : 0;
    double lnOdds = Math.log(a / (b + x - 1 + k)) + (r + x) * Math.log((alpha + age) / (alpha + tx));
    return 1 / (1 + Math.exp(lnOdds));
  }
}
