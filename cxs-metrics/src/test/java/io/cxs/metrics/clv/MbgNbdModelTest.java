package io.cxs.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/**
 * MBG/NBD (Batislam, Denizel and Filiztekin 2007). The paper fits Turkish grocery data, not
 * CDNOW, so there is no published CDNOW estimate; the expected values below are this
 * implementation's fit (r = 0.525, α = 6.183, a = 0.891, b = 1.614, LL = −9582.14), kept as a
 * regression check, and the structural checks hold for any correct implementation.
 */
final class MbgNbdModelTest {

  @Test
  void fit_cdnow_matchesRegressionValues() {
    ModelFit<MbgNbdModel> fit = MbgNbdModel.fit(Cdnow.summaries());
    MbgNbdModel m = fit.model();
    assertThat(m.r()).isCloseTo(0.525, Percentage.withPercentage(1));
    assertThat(m.alpha()).isCloseTo(6.183, Percentage.withPercentage(1));
    assertThat(m.a()).isCloseTo(0.891, Percentage.withPercentage(1));
    assertThat(m.b()).isCloseTo(1.614, Percentage.withPercentage(1));
    assertThat(fit.logLikelihood()).isCloseTo(-9582.14, within(0.1));
  }

  @Test
  void probabilityAlive_noRepeatPurchase_isBelowOne() {
    MbgNbdModel m = new MbgNbdModel(0.525, 6.183, 0.891, 1.614);
    double p = m.probabilityAlive(RfmSummary.of("c", 0, 0, 39));
    assertThat(p).isLessThan(1).isGreaterThan(0);
    // P(alive | x = 0) = 1 / (1 + a/b · ((α+T)/α)^r)
    assertThat(p).isCloseTo(1 / (1 + 0.891 / 1.614 * Math.pow((6.183 + 39) / 6.183, 0.525)), within(1e-12));
  }

  @Test
  void expectedPurchases_newCustomer_growsWithHorizon() {
    MbgNbdModel m = new MbgNbdModel(0.525, 6.183, 0.891, 1.614);
    assertThat(m.expectedPurchases(0)).isEqualTo(0.0);
    assertThat(m.expectedPurchases(78)).isGreaterThan(m.expectedPurchases(39)).isGreaterThan(0);
  }
}
