package io.cxs.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Reference values from Abramowitz and Stegun (1964), chapters 6 and 15, and closed forms. */
final class SpecialFunctionsTest {

  @Test
  void lnGamma_matchesKnownValues() {
    assertThat(SpecialFunctions.lnGamma(1)).isCloseTo(0, within(1e-14));
    assertThat(SpecialFunctions.lnGamma(2)).isCloseTo(0, within(1e-14));
    assertThat(SpecialFunctions.lnGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-14));
    assertThat(SpecialFunctions.lnGamma(10)).isCloseTo(Math.log(362880), within(1e-12));
    assertThat(SpecialFunctions.lnGamma(100)).isCloseTo(359.1342053695754, within(1e-10));
    assertThat(SpecialFunctions.lnGamma(1e-3)).isCloseTo(6.907178885383854, within(1e-12));
    assertThat(SpecialFunctions.lnGamma(0.2425)).isCloseTo(1.3202214022907433, within(1e-13));
  }

  @Test
  void lnGamma_nonPositive_isNaN() {
    assertThat(SpecialFunctions.lnGamma(0)).isNaN();
    assertThat(SpecialFunctions.lnGamma(-1.5)).isNaN();
  }

  @Test
  void digamma_matchesKnownValues() {
    double eulerGamma = 0.5772156649015329;
    assertThat(SpecialFunctions.digamma(1)).isCloseTo(-eulerGamma, within(1e-13));
    assertThat(SpecialFunctions.digamma(0.5)).isCloseTo(-eulerGamma - 2 * Math.log(2), within(1e-13));
    assertThat(SpecialFunctions.digamma(10)).isCloseTo(2.251752589066721, within(1e-13));
    assertThat(SpecialFunctions.digamma(1e-3)).isCloseTo(-1000.5755719318103, within(1e-10));
  }

  @Test
  void digamma_isDerivativeOfLnGamma() {
    for (double x : new double[] {0.3, 1.7, 4.2, 25}) {
      double h = 1e-5;
      double numeric = (SpecialFunctions.lnGamma(x + h) - SpecialFunctions.lnGamma(x - h)) / (2 * h);
      assertThat(SpecialFunctions.digamma(x)).isCloseTo(numeric, within(1e-7));
    }
  }

  @Test
  void hyp2f1_matchesClosedForms() {
    // 2F1(1, 1; 2; z) = −ln(1 − z) / z
    for (double z : new double[] {0.5, 0.9, 0.99, -0.5, -3}) {
      assertThat(SpecialFunctions.hyp2f1(1, 1, 2, z)).isCloseTo(-Math.log1p(-z) / z, within(1e-12));
    }
    // 2F1(a, b; b; z) = (1 − z)^−a
    assertThat(SpecialFunctions.hyp2f1(2.5, 1.3, 1.3, 0.7)).isCloseTo(Math.pow(0.3, -2.5), within(1e-10));
    // 2F1(1/2, 1/2; 3/2; z²) = arcsin(z) / z
    assertThat(SpecialFunctions.hyp2f1(0.5, 0.5, 1.5, 0.64)).isCloseTo(Math.asin(0.8) / 0.8, within(1e-12));
    // 2F1(1/2, 1; 3/2; −z²) = arctan(z) / z
    assertThat(SpecialFunctions.hyp2f1(0.5, 1, 1.5, -4)).isCloseTo(Math.atan(2) / 2, within(1e-12));
    // a terminating series: 2F1(−2, b; c; z) = 1 − 2bz/c + b(b+1)z²/(c(c+1))
    assertThat(SpecialFunctions.hyp2f1(-2, 3, 4, 0.5)).isCloseTo(1 - 2 * 3 * 0.5 / 4 + 3 * 4 * 0.25 / 20, within(1e-14));
    assertThat(SpecialFunctions.hyp2f1(0.7, 0.3, 2, 0)).isEqualTo(1);
  }

  @Test
  void hyp2f1_atOrBeyondOne_throws() {
    assertThatThrownBy(() -> SpecialFunctions.hyp2f1(1, 1, 2, 1))
        .isInstanceOf(ArithmeticException.class)
        .hasMessage("2F1 needs z < 1 but z was 1.0");
  }

  @Test
  void logSumExp_avoidsOverflow() {
    assertThat(SpecialFunctions.logSumExp(1000, 1000)).isCloseTo(1000 + Math.log(2), within(1e-12));
    assertThat(SpecialFunctions.logSumExp(Double.NEGATIVE_INFINITY, -3)).isEqualTo(-3);
    assertThat(SpecialFunctions.logSumExp(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY))
        .isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(SpecialFunctions.logDiffExp(Math.log(5), Math.log(3))).isCloseTo(Math.log(2), within(1e-14));
    assertThat(SpecialFunctions.logDiffExp(1, 1)).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void bfgs_minimizesRosenbrock() {
    Bfgs.Objective rosenbrock =
        (x, g) -> {
          double a = 1 - x[0];
          double b = x[1] - x[0] * x[0];
          g[0] = -2 * a - 400 * x[0] * b;
          g[1] = 200 * b;
          return a * a + 100 * b * b;
        };
    Bfgs.Result r = Bfgs.minimize(rosenbrock, new double[] {-1.2, 1}, 1e-9, 500);
    assertThat(r.converged()).isTrue();
    assertThat(r.x()[0]).isCloseTo(1, within(1e-6));
    assertThat(r.x()[1]).isCloseTo(1, within(1e-6));
  }
}
