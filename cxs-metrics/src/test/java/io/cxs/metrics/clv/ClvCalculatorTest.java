package io.cxs.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class ClvCalculatorTest {
  private static final BgNbdModel PURCHASES = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
  private static final GammaGammaModel SPEND = new GammaGammaModel(6.25, 3.74, 15.44);
  private static final RfmSummary CUSTOMER = new RfmSummary("c", 4, 30, 39, 40);

  @Test
  void clv_noDiscount_isExpectedPurchasesTimesExpectedSpend() {
    ClvCalculator c = ClvCalculator.builder(PURCHASES, SPEND).horizon(39).build();
    double expected = PURCHASES.expectedPurchases(CUSTOMER, 39) * SPEND.expectedAverageSpend(CUSTOMER);
    assertThat(c.clv(CUSTOMER)).isCloseTo(expected, within(1e-9));
    assertThat(c.expectedPurchases(CUSTOMER)).isCloseTo(PURCHASES.expectedPurchases(CUSTOMER, 39), within(1e-12));
  }

  @Test
  void clv_discounted_isLowerAndPositive() {
    double plain = ClvCalculator.builder(PURCHASES, SPEND).horizon(52).build().clv(CUSTOMER);
    double discounted = ClvCalculator.builder(PURCHASES, SPEND).horizon(52).discountRate(0.01).build().clv(CUSTOMER);
    assertThat(discounted).isLessThan(plain).isGreaterThan(0);
  }

  @Test
  void clv_longerHorizon_isHigher() {
    double year = ClvCalculator.builder(PURCHASES, SPEND).horizon(52).discountRate(0.002).build().clv(CUSTOMER);
    double twoYears = ClvCalculator.builder(PURCHASES, SPEND).horizon(104).discountRate(0.002).build().clv(CUSTOMER);
    assertThat(twoYears).isGreaterThan(year);
  }

  @Test
  void builder_invalidOrRepeatedOptions_throw() {
    assertThatThrownBy(() -> ClvCalculator.builder(PURCHASES, SPEND).horizon(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("horizon must be positive but was 0");
    assertThatThrownBy(() -> ClvCalculator.builder(PURCHASES, SPEND).discountRate(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("discountRate must be finite and > -1 but was -1.0");
    assertThatThrownBy(() -> ClvCalculator.builder(PURCHASES, SPEND).horizon(4).horizon(5))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("horizon was already set to 4");
  }

  @Test
  void fitOptions_invalidValues_throw() {
    assertThatThrownBy(() -> FitOptions.custom().penalizer(-0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("penalizer must be finite and at least 0 but was -0.1");
    assertThatThrownBy(() -> FitOptions.custom().maxIterations(10).maxIterations(20))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("maxIterations was already set to 10");
    assertThat(FitOptions.from(FitOptions.ofDefaults()).gradientTolerance(1e-5).build().gradientTolerance())
        .isEqualTo(1e-5);
  }
}
