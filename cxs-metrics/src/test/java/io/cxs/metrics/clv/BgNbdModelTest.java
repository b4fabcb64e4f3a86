package io.cxs.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/**
 * Reference: Fader, Hardie and Lee (2005), "'Counting Your Customers' the Easy Way: An Alternative
 * to the Pareto/NBD Model", Marketing Science 24(2), 275–284, section 4: on the 2,357-customer
 * CDNOW sample with a 39-week calibration period, r = 0.243, α = 4.414, a = 0.793, b = 2.426,
 * LL = −9582.4.
 */
final class BgNbdModelTest {
  private static final BgNbdModel PUBLISHED = new BgNbdModel(0.243, 4.414, 0.793, 2.426);

  @Test
  void logLikelihood_publishedCdnowParameters_isPublishedValue() {
    assertThat(PUBLISHED.logLikelihood(Cdnow.summaries())).isCloseTo(-9582.4, within(0.5));
  }

  /**
   * A fit at the boundary sends a and b to infinity with a/(a+b) fixed (every customer drops out
   * with the same probability). The conditional expectation must stay finite there and approach
   * its limit continuously (regression: Euler's form of the 2F1 overflowed at a ≈ 1e9).
   */
  @Test
  void expectedPurchases_hugeAandB_isFiniteAndContinuous() {
    RfmSummary c = RfmSummary.of("c", 3, 20, 30);
    double atHuge = new BgNbdModel(0.2, 1.9, 1.3e9, 1.7e9).expectedPurchases(c, 12);
    double atLarge = new BgNbdModel(0.2, 1.9, 1.3e6, 1.7e6).expectedPurchases(c, 12);
    double atModerate = new BgNbdModel(0.2, 1.9, 1.3e3, 1.7e3).expectedPurchases(c, 12);
    assertThat(atHuge).isFinite().isPositive();
    assertThat(atHuge).isCloseTo(atLarge, Percentage.withPercentage(0.01));
    assertThat(atLarge).isCloseTo(atModerate, Percentage.withPercentage(1));
  }

  @Test
  void logLikelihood_listAndSingleCustomers_agree() {
    List<RfmSummary> some = Cdnow.summaries().subList(0, 50);
    double sum = some.stream().mapToDouble(PUBLISHED::logLikelihood).sum();
    assertThat(PUBLISHED.logLikelihood(some)).isCloseTo(sum, within(1e-9));
  }

  @Test
  void fit_cdnow_reproducesPublishedEstimatesWithinOnePercent() {
    ModelFit<BgNbdModel> fit = BgNbdModel.fit(Cdnow.summaries());
    BgNbdModel m = fit.model();
    assertThat(m.r()).isCloseTo(0.243, Percentage.withPercentage(1));
    assertThat(m.alpha()).isCloseTo(4.414, Percentage.withPercentage(1));
    assertThat(m.a()).isCloseTo(0.793, Percentage.withPercentage(1));
    assertThat(m.b()).isCloseTo(2.426, Percentage.withPercentage(1));
    assertThat(fit.logLikelihood()).isCloseTo(-9582.4, within(0.1));
    assertThat(fit.diagnostics().converged()).isTrue();
    assertThat(fit.diagnostics().gradientNorm()).isLessThanOrEqualTo(FitOptions.DEFAULT_GRADIENT_TOLERANCE);
    assertThat(fit.sampleSize()).isEqualTo(2357);
    assertThat(m.parameters()).containsOnlyKeys("r", "alpha", "a", "b");
  }

  @Test
  void fit_cdnowHoldout_predictsWithinFifteenPercentOfActual() {
    CalibrationHoldout split =
        RfmSummaries.calibrationAndHoldout(Cdnow.transactions(), Cdnow.CALIBRATION_END, Cdnow.HOLDOUT_END, PeriodUnit.WEEKS);
    HoldoutComparison c = split.compare(BgNbdModel.fit(split.calibration()).model());
    assertThat(c.actual()).isEqualTo(1882);
    assertThat(c.relativeError()).isBetween(-0.15, 0.15);
  }

  @Test
  void fit_withPenalizer_shrinksParameters() {
    BgNbdModel plain = BgNbdModel.fit(Cdnow.summaries()).model();
    BgNbdModel penalized = BgNbdModel.fit(Cdnow.summaries(), FitOptions.custom().penalizer(0.01).build()).model();
    assertThat(penalized.alpha()).isLessThan(plain.alpha());
  }

  @Test
  void fit_tooFewIterations_throwsModelFitException() {
    assertThatThrownBy(() -> BgNbdModel.fit(Cdnow.summaries(), FitOptions.custom().maxIterations(2).build()))
        .isInstanceOf(ModelFitException.class)
        .hasMessageStartingWith("bgnbd fit did not converge after 2 iterations (gradient norm ")
        .satisfies(e -> assertThat(((ModelFitException) e).diagnostics().converged()).isFalse());
  }

  @Test
  void fit_empty_throws() {
    assertThatThrownBy(() -> BgNbdModel.fit(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("summaries must not be empty but had size 0");
  }

  @Test
  void gradient_matchesCentralDifferences() {
    RfmData d = RfmData.of(Cdnow.summaries());
    for (boolean modified : new boolean[] {false, true}) {
      double[] theta = {Math.log(0.4), Math.log(3), Math.log(1.2), Math.log(2.5)};
      double[] g = new double[4];
      BgFamily.logLikelihood(d, theta, g, modified);
      for (int i = 0; i < 4; i++) {
        double h = 1e-6;
        double[] up = theta.clone();
        double[] down = theta.clone();
        up[i] += h;
        down[i] -= h;
        double numeric =
            (BgFamily.logLikelihood(d, up, null, modified) - BgFamily.logLikelihood(d, down, null, modified)) / (2 * h);
        assertThat(g[i]).as("component %s, modified %s", i, modified).isCloseTo(numeric, within(1e-4));
      }
    }
  }

  @Test
  void probabilityAlive_noRepeatPurchase_isOne() {
    assertThat(PUBLISHED.probabilityAlive(RfmSummary.of("c", 0, 0, 30))).isEqualTo(1.0);
  }

  @Test
  void probabilityAlive_longSilence_isLow() {
    double recent = PUBLISHED.probabilityAlive(RfmSummary.of("c", 5, 38, 39));
    double silent = PUBLISHED.probabilityAlive(RfmSummary.of("c", 5, 5, 39));
    assertThat(silent).isLessThan(recent).isLessThan(0.2);
  }

  @Test
  void expectedPurchases_matchesPaperFigure() {
    // FHL 2005, section 4: a customer with x = 2, t_x = 30.43, T = 38.86 is expected to make
    // 1.226 purchases in the next 39 weeks.
    RfmSummary c = RfmSummary.of("1", 2, 30.43, 38.86);
    assertThat(PUBLISHED.expectedPurchases(c, 39)).isCloseTo(1.226, within(0.005));
  }

  @Test
  void expectedPurchases_growsWithHorizonAndStartsAtZero() {
    RfmSummary c = RfmSummary.of("c", 3, 20, 35);
    assertThat(PUBLISHED.expectedPurchases(c, 0)).isEqualTo(0.0);
    double previous = 0;
    for (int t = 1; t <= 104; t++) {
      double e = PUBLISHED.expectedPurchases(c, t);
      assertThat(e).isGreaterThan(previous);
      previous = e;
    }
  }

  @Test
  void expectedPurchases_newCustomer_matchesConditionalAtTimeZero() {
    assertThat(PUBLISHED.expectedPurchases(39))
        .isCloseTo(PUBLISHED.expectedPurchases(RfmSummary.of("c", 0, 0, 0), 39), within(1e-12));
    // FHL 2005 figure 1: about 1.4 repeat purchases per customer by week 78 (4,339 / 2,357 = 1.84
    // observed for a cohort acquired over 12 weeks); E[X(78)] is the per-customer curve.
    assertThat(PUBLISHED.expectedPurchases(78)).isBetween(1.0, 2.0);
  }

  @Test
  void expectedPurchases_negativeHorizon_throws() {
    assertThatThrownBy(() -> PUBLISHED.expectedPurchases(RfmSummary.of("c", 0, 0, 3), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("t must be finite and at least 0 but was -1.0");
  }

  @Test
  void constructor_nonPositiveParameter_throws() {
    assertThatThrownBy(() -> new BgNbdModel(0.2, 0, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alpha must be finite and positive but was 0.0");
  }

  @Test
  void expectedPurchases_aPlusBEqualsOne_isTheLimitFromNearby() {
    // a + b = 1 makes the 2F1 parameter a + b + x − 1 zero for x = 0 (found by ClvPropertiesTest)
    RfmSummary none = RfmSummary.of("c", 0, 0, 30);
    BgNbdModel exact = new BgNbdModel(0.5, 4, 0.05, 0.95);
    BgNbdModel near = new BgNbdModel(0.5, 4, 0.05, 0.95 + 1e-6);
    for (double t : new double[] {0, 1, 10, 50}) {
      assertThat(exact.expectedPurchases(none, t))
          .isCloseTo(near.expectedPurchases(none, t), within(1e-4));
      assertThat(exact.expectedPurchases(t)).isCloseTo(near.expectedPurchases(t), within(1e-4));
    }
    assertThat(exact.expectedPurchases(none, 10)).isPositive();
  }
}
