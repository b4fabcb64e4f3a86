package io.cxs.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/**
 * Reference: Fader, Hardie and Lee (2005), Marketing Science 24(2), 275–284, which fits the
 * Pareto/NBD of Schmittlein, Morrison and Colombo (1987) to the same CDNOW calibration data:
 * r = 0.55, α = 10.58, s = 0.61, β = 11.67, LL = −9595.0. The BTYD R package's vignette reports
 * the same fit to four decimals (r = 0.5534, α = 10.5802, s = 0.6061, β = 11.6562, LL = −9594.98).
 */
final class ParetoNbdModelTest {
  private static final ParetoNbdModel PUBLISHED = new ParetoNbdModel(0.55, 10.58, 0.61, 11.67);

  @Test
  void logLikelihood_publishedCdnowParameters_isPublishedValue() {
    assertThat(PUBLISHED.logLikelihood(Cdnow.summaries())).isCloseTo(-9595.0, within(0.5));
    assertThat(new ParetoNbdModel(0.5534, 10.5802, 0.6061, 11.6562).logLikelihood(Cdnow.summaries()))
        .isCloseTo(-9594.98, within(0.01));
  }

  @Test
  void fit_cdnow_reproducesPublishedEstimatesWithinOnePercent() {
    ModelFit<ParetoNbdModel> fit = ParetoNbdModel.fit(Cdnow.summaries());
    ParetoNbdModel m = fit.model();
    assertThat(m.r()).isCloseTo(0.55, Percentage.withPercentage(1));
    assertThat(m.alpha()).isCloseTo(10.58, Percentage.withPercentage(1));
    assertThat(m.s()).isCloseTo(0.61, Percentage.withPercentage(1));
    assertThat(m.beta()).isCloseTo(11.67, Percentage.withPercentage(1));
    assertThat(fit.logLikelihood()).isCloseTo(-9595.0, within(0.1));
    assertThat(fit.diagnostics().converged()).isTrue();
    assertThat(m.parameters()).containsOnlyKeys("r", "alpha", "s", "beta");
  }

  @Test
  void logLikelihood_bothBranchesOfA0_agreeWhereTheyMeet() {
    RfmSummary c = RfmSummary.of("c", 3, 12.5, 30);
    double below = new ParetoNbdModel(0.5, 10 - 1e-9, 0.6, 10).logLikelihood(c);
    double above = new ParetoNbdModel(0.5, 10 + 1e-9, 0.6, 10).logLikelihood(c);
    assertThat(below).isCloseTo(above, within(1e-7));
  }

  @Test
  void probabilityAlive_isBetweenZeroAndOneAndFallsWithSilence() {
    double recent = PUBLISHED.probabilityAlive(RfmSummary.of("c", 4, 38, 39));
    double silent = PUBLISHED.probabilityAlive(RfmSummary.of("c", 4, 4, 39));
    assertThat(recent).isBetween(0.0, 1.0);
    assertThat(silent).isLessThan(recent);
  }

  @Test
  void expectedPurchases_shapeOneLimit_isContinuous() {
    RfmSummary c = RfmSummary.of("c", 2, 20, 30);
    double at = new ParetoNbdModel(0.5, 10, 1, 11).expectedPurchases(c, 39);
    double near = new ParetoNbdModel(0.5, 10, 1 + 1e-7, 11).expectedPurchases(c, 39);
    assertThat(at).isCloseTo(near, within(1e-5));
  }

  @Test
  void expectedPurchases_newCustomer_isConditionalWithNoHistory() {
    assertThat(PUBLISHED.expectedPurchases(39))
        .isCloseTo(PUBLISHED.expectedPurchases(RfmSummary.of("c", 0, 0, 0), 39), within(1e-9));
  }

  @Test
  void constructor_nonPositiveParameter_throws() {
    assertThatThrownBy(() -> new ParetoNbdModel(0.5, 1, 1, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("beta must be finite and positive but was Infinity");
  }
}
