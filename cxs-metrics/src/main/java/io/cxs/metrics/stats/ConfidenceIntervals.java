package io.cxs.metrics.stats;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Confidence intervals at a given level (such as 0.95).
 *
 * <ul>
 *   <li>{@link #wilson Proportions}: the Wilson score interval (Wilson 1927; recommended by
 *       Brown, Cai &amp; DasGupta 2001 over the Wald interval),
 *       {@code (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n)}.
 *   <li>{@link #netScore Net scores} such as NPS ({@code p₊ − p₋} of a trinomial): the Wald
 *       interval with the multinomial variance {@code Var = (p₊ + p₋ − (p₊ − p₋)²) / n}.
 *   <li>{@link #mean Means}: the Student-t interval {@code x̄ ± t_{1−α/2, n−1} · s/√n}.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class ConfidenceIntervals {
  /** The confidence level of every {@code ci95} in cxs. */
  public static final double LEVEL_95 = 0.95;

  private static final int CACHED_DF = 512;
  private static final double[] T_975 = new double[CACHED_DF + 1];
  private static final ConcurrentHashMap<Double, Double> T_CACHE = new ConcurrentHashMap<>();

  static {
    for (int df = 1; df <= CACHED_DF; df++) {
      T_975[df] = Distributions.studentTQuantile(0.975, df);
    }
  }

  private ConfidenceIntervals() {}

  /**
   * The Wilson score interval of a proportion.
   *
   * @param successes the number of successes, in {@code [0, n]}
   * @param n the number of trials, positive
   * @param level the confidence level in (0, 1), such as 0.95
   * @return the interval, within [0, 1]
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static Interval wilson(long successes, long n, double level) {
    checkArgument(n > 0, "n must be positive but was %s", n);
    checkArgument(successes >= 0 && successes <= n, "successes must be in [0, %s] but was %s", n,
        successes);
    double z = z(level);
    double p = (double) successes / n;
    double z2n = z * z / n;
    double center = (p + z2n / 2) / (1 + z2n);
    double half = z / (1 + z2n) * Math.sqrt(p * (1 - p) / n + z2n / (4.0 * n));
    // The exact ends at x = 0 and x = n are 0 and 1; rounding would leave them off by an ulp.
    double lower = successes == 0 ? 0 : Math.max(0, center - half);
    double upper = successes == n ? 1 : Math.min(1, center + half);
    return new Interval(lower, upper);
  }

  /**
   * The Wald interval of a net score {@code p₊ − p₋} (as a fraction in [-1, 1]) with the
   * multinomial variance {@code (p₊ + p₋ − (p₊ − p₋)²) / n}, clipped to [-1, 1]. At the extremes
   * (all positive or all negative answers) the variance is 0 and so is the width; flag small
   * samples with a minimum sample size.
   *
   * @param positive the number of positive answers (promoters, satisfied)
   * @param negative the number of negative answers (detractors, dissatisfied)
   * @param n the number of answers, positive, at least {@code positive + negative}
   * @param level the confidence level in (0, 1)
   * @return the interval, within [-1, 1]
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static Interval netScore(long positive, long negative, long n, double level) {
    double half = z(level) * Math.sqrt(netScoreVariance(positive, negative, n));
    double score = (double) (positive - negative) / n;
    return new Interval(score - half, score + half).clamp(-1, 1);
  }

  /**
   * The variance of a net score's estimate, {@code (p₊ + p₋ − (p₊ − p₋)²) / n}.
   *
   * @param positive the number of positive answers
   * @param negative the number of negative answers
   * @param n the number of answers, positive, at least {@code positive + negative}
   * @return the variance of {@code p̂₊ − p̂₋}, at least 0
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static double netScoreVariance(long positive, long negative, long n) {
    checkArgument(n > 0, "n must be positive but was %s", n);
    checkArgument(positive >= 0 && negative >= 0 && positive + negative <= n,
        "positive and negative must be non-negative with a sum at most n = %s but were %s and %s",
        n, positive, negative);
    double pp = (double) positive / n;
    double pn = (double) negative / n;
    double d = pp - pn;
    return Math.max(0, (pp + pn - d * d) / n);
  }

  /**
   * The Student-t interval of a mean.
   *
   * @param mean the sample mean
   * @param sampleVariance the sample variance {@code s²} (with the {@code n − 1} divisor), at
   *     least 0
   * @param n the sample size, at least 2
   * @param level the confidence level in (0, 1)
   * @return the interval
   * @throws IllegalArgumentException if an argument is out of range
   */
  public static Interval mean(double mean, double sampleVariance, long n, double level) {
    checkArgument(Double.isFinite(mean), "mean must be finite but was %s", mean);
    checkArgument(sampleVariance >= 0 && Double.isFinite(sampleVariance),
        "sampleVariance must be finite and at least 0 but was %s", sampleVariance);
    checkArgument(n >= 2, "n must be at least 2 but was %s", n);
    double half = tCritical(level, n - 1) * Math.sqrt(sampleVariance / n);
    return new Interval(mean - half, mean + half);
  }

  /** @return the two-sided critical value {@code z_{1−α/2}} for a confidence level */
  static double z(double level) {
    checkArgument(level > 0 && level < 1, "level must be in (0, 1) but was %s", level);
    return level == LEVEL_95 ? Distributions.Z_975 : Distributions.normalQuantile((1 + level) / 2);
  }

  /** @return {@code t_{1−α/2, df}}, cached for the 95% level */
  static double tCritical(double level, double df) {
    if (level != LEVEL_95) {
      return Distributions.studentTQuantile((1 + level) / 2, df);
    }
    if (df >= 1 && df == Math.rint(df) && df <= CACHED_DF) {
      return T_975[(int) df];
    }
    return T_CACHE.computeIfAbsent(df, d -> Distributions.studentTQuantile(0.975, d));
  }
}
