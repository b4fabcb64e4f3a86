package io.cxs.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Checks by simulation that 95% intervals cover the true value about 95% of the time. Each try
 * draws {@value #SAMPLES} samples; the Monte Carlo standard error of a coverage near 0.95 is then
 * √(0.95 · 0.05 / 4000) ≈ 0.0034. The tolerances allow for that and for the known oscillation of
 * the exact coverage with n and p (Brown, Cai &amp; DasGupta 2001, Statistical Science 16(2)):
 * Wilson within [0.92, 0.98] for n ≥ 30 and p in [0.05, 0.95]; the multinomial Wald interval of
 * a net score and the t-interval of a mean within [0.925, 0.97] for n ≥ 200.
 */
final class CoveragePropertiesTest {
  private static final int SAMPLES = 4000;

  @Property(tries = 25, seed = "20260122")
  void wilson_coversTheTrueProportion(@ForAll @DoubleRange(min = 0.05, max = 0.95) double p,
      @ForAll @IntRange(min = 30, max = 400) int n, @ForAll long seed) {
    Random random = new Random(seed);
    int covered = 0;
    for (int s = 0; s < SAMPLES; s++) {
      int x = 0;
      for (int i = 0; i < n; i++) {
        if (random.nextDouble() < p) {
          x++;
        }
      }
      if (ConfidenceIntervals.wilson(x, n, 0.95).contains(p)) {
        covered++;
      }
    }
    assertThat(covered / (double) SAMPLES).isBetween(0.92, 0.98);
  }

  @Property(tries = 15, seed = "20260122")
  void netScore_coversTheTrueNps(@ForAll @DoubleRange(min = 0.1, max = 0.6) double promoters,
      @ForAll @DoubleRange(min = 0.05, max = 0.35) double detractors,
      @ForAll @IntRange(min = 200, max = 600) int n, @ForAll long seed) {
    Random random = new Random(seed);
    double truth = promoters - detractors;
    int covered = 0;
    for (int s = 0; s < SAMPLES; s++) {
      int plus = 0;
      int minus = 0;
      for (int i = 0; i < n; i++) {
        double u = random.nextDouble();
        if (u < promoters) {
          plus++;
        } else if (u < promoters + detractors) {
          minus++;
        }
      }
      if (ConfidenceIntervals.netScore(plus, minus, n, 0.95).contains(truth)) {
        covered++;
      }
    }
    assertThat(covered / (double) SAMPLES).isBetween(0.925, 0.97);
  }

  @Property(tries = 10, seed = "20260122")
  void mean_tIntervalCoversTheTrueMeanOfASkewedSevenPointScale(
      @ForAll @IntRange(min = 200, max = 500) int n, @ForAll long seed) {
    // P(1..7) = .05 .05 .1 .1 .2 .3 .2, mean = 5.05
    double[] cumulative = {0.05, 0.10, 0.20, 0.30, 0.50, 0.80, 1.0};
    double truth = 0.05 * 1 + 0.05 * 2 + 0.1 * 3 + 0.1 * 4 + 0.2 * 5 + 0.3 * 6 + 0.2 * 7;
    Random random = new Random(seed);
    int covered = 0;
    for (int s = 0; s < SAMPLES; s++) {
      long sum = 0;
      long sumSq = 0;
      for (int i = 0; i < n; i++) {
        double u = random.nextDouble();
        int x = 1;
        while (u > cumulative[x - 1]) {
          x++;
        }
        sum += x;
        sumSq += (long) x * x;
      }
      double mean = (double) sum / n;
      double var = (sumSq - (double) sum * sum / n) / (n - 1);
      if (ConfidenceIntervals.mean(mean, var, n, 0.95).contains(truth)) {
        covered++;
      }
    }
    assertThat(covered / (double) SAMPLES).isBetween(0.925, 0.97);
  }
}
