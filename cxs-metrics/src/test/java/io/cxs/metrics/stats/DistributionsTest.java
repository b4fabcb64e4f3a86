package io.cxs.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class DistributionsTest {

  @Test
  void erf_matchesAbramowitzStegunTable() {
    // A&S table 7.1: erf(0.5) = 0.5204998778, erf(1) = 0.8427007929, erf(2) = 0.9953222650
    assertThat(Distributions.erf(0.5)).isCloseTo(0.5204998778, within(1e-10));
    assertThat(Distributions.erf(1)).isCloseTo(0.8427007929, within(1e-10));
    assertThat(Distributions.erf(2)).isCloseTo(0.9953222650, within(1e-10));
    assertThat(Distributions.erf(-1)).isCloseTo(-0.8427007929, within(1e-10));
  }

  @Test
  void erfc_isAccurateInTheFarTail() {
    // erfc(5) = 1.5374597944280e-12 (A&S 7.1, erfc table); relative accuracy matters here.
    assertThat(Distributions.erfc(5)).isCloseTo(1.5374597944280e-12, within(1e-22));
    assertThat(Distributions.erfc(3)).isCloseTo(2.2090496998585e-5, within(1e-16));
  }

  @Test
  void normalCdf_knownValues() {
    assertThat(Distributions.normalCdf(0)).isEqualTo(0.5);
    assertThat(Distributions.normalCdf(1.96)).isCloseTo(0.9750021048517795, within(1e-12));
    assertThat(Distributions.normalCdf(-1.96)).isCloseTo(0.0249978951482205, within(1e-12));
    assertThat(Distributions.normalCdf(Double.NEGATIVE_INFINITY)).isZero();
  }

  @Test
  void normalQuantile_invertsTheCdf() {
    assertThat(Distributions.normalQuantile(0.975)).isCloseTo(1.959963984540054, within(1e-12));
    assertThat(Distributions.normalQuantile(0.995)).isCloseTo(2.5758293035489004, within(1e-9));
    assertThat(Distributions.normalQuantile(0.05)).isCloseTo(-1.6448536269514729, within(1e-9));
  }

  @Test
  void normalQuantile_outOfRange_namesTheValue() {
    assertThatThrownBy(() -> Distributions.normalQuantile(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("p must be in (0, 1) but was 1.0");
  }

  @Test
  void logGamma_knownValues() {
    assertThat(Distributions.logGamma(5)).isCloseTo(Math.log(24), within(1e-12));
    assertThat(Distributions.logGamma(0.5)).isCloseTo(Math.log(Math.sqrt(Math.PI)), within(1e-12));
    assertThat(Distributions.logGamma(101)).isCloseTo(363.73937555556347, within(1e-9));
  }

  @Test
  void studentTQuantile_matchesTheTable() {
    // Two-sided 95% critical values t(0.975, df) from any t table.
    assertThat(Distributions.studentTQuantile(0.975, 1)).isCloseTo(12.706, within(5e-4));
    assertThat(Distributions.studentTQuantile(0.975, 2)).isCloseTo(4.303, within(5e-4));
    assertThat(Distributions.studentTQuantile(0.975, 5)).isCloseTo(2.571, within(5e-4));
    assertThat(Distributions.studentTQuantile(0.975, 10)).isCloseTo(2.228, within(5e-4));
    assertThat(Distributions.studentTQuantile(0.975, 30)).isCloseTo(2.042, within(5e-4));
    assertThat(Distributions.studentTQuantile(0.975, 120)).isCloseTo(1.980, within(5e-4));
    assertThat(Distributions.studentTQuantile(0.95, 10)).isCloseTo(1.812, within(5e-4));
    assertThat(Distributions.studentTQuantile(0.025, 10)).isCloseTo(-2.228, within(5e-4));
  }

  @Test
  void studentTCdf_knownValues() {
    assertThat(Distributions.studentTCdf(0, 4)).isCloseTo(0.5, within(1e-15));
    assertThat(Distributions.studentTCdf(2.5, 7)).isCloseTo(0.9795038907071235, within(1e-10));
    // df = 1 is the Cauchy distribution: F(t) = 1/2 + atan(t)/π.
    assertThat(Distributions.studentTCdf(3, 1)).isCloseTo(0.5 + Math.atan(3) / Math.PI,
        within(1e-12));
    // Non-integer df, as Welch's test needs.
    assertThat(Distributions.studentTCdf(-1.5, 3.7)).isCloseTo(0.10679908460100675, within(1e-9));
  }

  @Test
  void regularizedBeta_symmetry() {
    // I_x(a, b) = 1 − I_{1−x}(b, a); I_x(1, 1) = x.
    assertThat(Distributions.regularizedBeta(0.3, 2.5, 4)).isCloseTo(
        1 - Distributions.regularizedBeta(0.7, 4, 2.5), within(1e-13));
    assertThat(Distributions.regularizedBeta(0.37, 1, 1)).isCloseTo(0.37, within(1e-13));
  }
}
