package io.cxs.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class SignificanceTestsTest {

  @Test
  void proportions_pooledTwoProportionZTest() {
    // 45/100 vs 60/100: pooled p = 0.525, SE = √(0.525 · 0.475 · 0.02) = 0.0706222,
    // z = 0.15 / 0.0706222 = 2.12398, p = 2(1 − Φ(2.12398)) = 0.033672.
    Comparison c = SignificanceTests.proportions(45, 100, 60, 100);
    assertThat(c.difference()).isCloseTo(0.15, within(1e-12));
    assertThat(c.standardError()).isCloseTo(0.0706222, within(1e-6));
    assertThat(c.statistic()).isCloseTo(2.1239770, within(1e-6));
    assertThat(c.pValue()).isCloseTo(0.0336721, within(1e-6));
    assertThat(c.significant()).isTrue();
  }

  @Test
  void netScores_npsDifferenceWithMultinomialVariances() {
    // a: 50 promoters, 20 detractors of 100 (NPS 30): V = (0.7 − 0.09)/100 = 0.0061.
    // b: 60 promoters, 10 detractors of 100 (NPS 50): V = (0.7 − 0.25)/100 = 0.0045.
    // z = 0.2 / √0.0106 = 1.94257, p = 0.052068: not significant at 5%.
    Comparison c = SignificanceTests.netScores(50, 20, 100, 60, 10, 100);
    assertThat(c.difference()).isCloseTo(0.2, within(1e-12));
    assertThat(c.standardError()).isCloseTo(Math.sqrt(0.0106), within(1e-12));
    assertThat(c.statistic()).isCloseTo(1.9425717, within(1e-6));
    assertThat(c.pValue()).isCloseTo(0.0520679, within(1e-6));
    assertThat(c.significant()).isFalse();
    assertThat(c.significantAt(0.1)).isTrue();
  }

  @Test
  void means_welchTTest() {
    // a = 1..7 (mean 4, s² = 4.6667), b = 4,5,6,7,7,6,5,7 (mean 5.875, s² = 1.2679):
    // t = 2.06412, Welch–Satterthwaite df = 8.767, p = 0.069840.
    Comparison c = SignificanceTests.means(4, 14.0 / 3, 7, 5.875, 1.2678571428571428, 8);
    assertThat(c.difference()).isCloseTo(1.875, within(1e-12));
    assertThat(c.statistic()).isCloseTo(2.0641209, within(1e-6));
    assertThat(c.pValue()).isCloseTo(0.0698402, within(1e-6));
  }

  @Test
  void netScores_noVarianceAndNoDifference_pValueOne() {
    Comparison c = SignificanceTests.netScores(10, 0, 10, 20, 0, 20);
    assertThat(c.pValue()).isEqualTo(1.0);
    assertThat(c.significant()).isFalse();
  }

  @Test
  void netScores_noVarianceButADifference_pValueZero() {
    Comparison c = SignificanceTests.netScores(10, 0, 10, 0, 20, 20);
    assertThat(c.difference()).isEqualTo(-2.0);
    assertThat(c.pValue()).isZero();
  }

  @Test
  void proportions_badCount_namesTheValue() {
    assertThatThrownBy(() -> SignificanceTests.proportions(-1, 10, 1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("successesA must be in [0, 10] but was -1");
  }

  @Test
  void comparison_badPValue_namesTheValue() {
    assertThatThrownBy(() -> new Comparison(0, 0, 0, 1.5))
        .hasMessage("pValue must be in [0, 1] but was 1.5");
  }
}
