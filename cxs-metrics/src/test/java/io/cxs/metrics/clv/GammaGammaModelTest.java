package io.cxs.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/**
 * Reference: Fader, Hardie and Lee (2005), "RFM and CLV: Using Iso-Value Curves for Customer Base
 * Analysis", Journal of Marketing Research 42(4), 415–430, fitted to the 946 CDNOW sample
 * customers with repeat purchases in the calibration period: p = 6.25, q = 3.74, γ = 15.44.
 */
final class GammaGammaModelTest {

  @Test
  void fit_cdnowRepeatBuyers_reproducesPublishedEstimatesWithinOnePercent() {
    ModelFit<GammaGammaModel> fit = GammaGammaModel.fit(Cdnow.summaries());
    GammaGammaModel m = fit.model();
    assertThat(fit.sampleSize()).isEqualTo(946);
    assertThat(m.p()).isCloseTo(6.25, Percentage.withPercentage(1));
    assertThat(m.q()).isCloseTo(3.74, Percentage.withPercentage(1));
    assertThat(m.gamma()).isCloseTo(15.44, Percentage.withPercentage(1));
    assertThat(fit.diagnostics().converged()).isTrue();
    assertThat(fit.logLikelihood()).isCloseTo(m.logLikelihood(Cdnow.summaries()), within(1e-9));
  }

  @Test
  void expectedAverageSpend_isWeightedMeanOfPopulationAndCustomer() {
    GammaGammaModel m = new GammaGammaModel(6.25, 3.74, 15.44);
    double population = 6.25 * 15.44 / 2.74;
    assertThat(m.populationMeanSpend()).isCloseTo(population, within(1e-12));
    assertThat(m.expectedAverageSpend(RfmSummary.of("c", 0, 0, 10))).isCloseTo(population, within(1e-12));
    RfmSummary c = new RfmSummary("c", 4, 10, 20, 100);
    double w = 6.25 * 4 / (6.25 * 4 + 3.74 - 1);
    assertThat(m.expectedAverageSpend(c)).isCloseTo((1 - w) * population + w * 100, within(1e-9));
  }

  @Test
  void populationMeanSpend_qAtMostOne_throws() {
    assertThatThrownBy(() -> new GammaGammaModel(1, 0.5, 1).populationMeanSpend())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("population mean spend needs q > 1 but q was 0.5");
  }

  @Test
  void fit_noRepeatSpend_throws() {
    assertThatThrownBy(() -> GammaGammaModel.fit(List.of(RfmSummary.of("c", 0, 0, 3))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("customers must include one with frequency > 0 and monetaryValue > 0 but none of 1 did");
  }
}
