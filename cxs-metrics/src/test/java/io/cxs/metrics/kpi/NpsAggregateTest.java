package io.cxs.metrics.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cxs.metrics.stats.Comparison;
import org.junit.jupiter.api.Test;

final class NpsAggregateTest {

  private static NpsAggregate of(int... scores) {
    NpsAggregate a = NpsAggregate.empty();
    for (int s : scores) {
      a = a.add(s);
    }
    return a;
  }

  @Test
  void result_empty_hasNoResponsesAndTheWholeRange() {
    NpsResult r = NpsAggregate.empty().result();
    assertThat(r.responses()).isZero();
    assertThat(r.score()).isZero();
    assertThat(r.ci95().lower()).isEqualTo(-100);
    assertThat(r.ci95().upper()).isEqualTo(100);
    assertThat(r.marginOfError()).isEqualTo(100);
    assertThat(r.sampleSizeSufficient()).isFalse();
  }

  @Test
  void result_allPromoters_is100() {
    NpsResult r = of(9, 10, 10, 9).result();
    assertThat(r.promoters()).isEqualTo(4);
    assertThat(r.score()).isEqualTo(100);
    assertThat(r.ci95().upper()).isEqualTo(100);
  }

  @Test
  void result_allDetractors_isMinus100() {
    NpsResult r = of(0, 3, 6).result();
    assertThat(r.detractors()).isEqualTo(3);
    assertThat(r.score()).isEqualTo(-100);
  }

  @Test
  void result_singleResponse() {
    NpsResult r = of(8).result();
    assertThat(r.responses()).isEqualTo(1);
    assertThat(r.passives()).isEqualTo(1);
    assertThat(r.score()).isZero();
    assertThat(r.sampleSizeSufficient()).isFalse();
  }

  @Test
  void result_handComputed() {
    // 5 promoters, 3 passives, 2 detractors: NPS = 100 · (5 − 2)/10 = 30;
    // Var = (0.5 + 0.2 − 0.3²)/10 = 0.061, margin = 100 · 1.959964 · √0.061 = 48.40754.
    NpsResult r = of(10, 9, 9, 10, 9, 7, 8, 7, 0, 6).result();
    assertThat(r.score()).isCloseTo(30, within(1e-12));
    assertThat(r.marginOfError()).isCloseTo(48.40754, within(1e-5));
    assertThat(r.ci95().lower()).isCloseTo(30 - 48.40754, within(1e-5));
    assertThat(r.ci95().upper()).isCloseTo(78.40754, within(1e-5));
    assertThat(r.promoterShare()).isEqualTo(50);
    assertThat(r.detractorShare()).isEqualTo(20);
  }

  @Test
  void addSkipped_isNotInTheDenominator() {
    NpsResult r = of(10, 0).addSkipped().addSkipped().result();
    assertThat(r.responses()).isEqualTo(2);
    assertThat(r.skipped()).isEqualTo(2);
    assertThat(r.score()).isZero();
  }

  @Test
  void result_minimumSample_flagsSufficiency() {
    NpsAggregate a = of(10, 9, 8);
    assertThat(a.result(3).sampleSizeSufficient()).isTrue();
    assertThat(a.result(4).sampleSizeSufficient()).isFalse();
  }

  @Test
  void add_offScale_namesTheValue() {
    assertThatThrownBy(() -> NpsAggregate.empty().add(11))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("score must be in [0, 10] but was 11");
  }

  @Test
  void constructor_negativeCount_namesTheValue() {
    assertThatThrownBy(() -> new NpsAggregate(0, -1, 0, 0))
        .hasMessage("passives must be at least 0 but was -1");
  }

  @Test
  void changeFrom_isTheMultinomialZTestInPoints() {
    NpsResult a = new NpsAggregate(50, 30, 20, 0).result();
    NpsResult b = new NpsAggregate(60, 30, 10, 0).result();
    Comparison c = b.changeFrom(a).orElseThrow();
    assertThat(c.difference()).isCloseTo(20, within(1e-9));
    assertThat(c.standardError()).isCloseTo(100 * Math.sqrt(0.0106), within(1e-9));
    assertThat(c.pValue()).isCloseTo(0.0520679, within(1e-6));
    assertThat(b.changeFrom(NpsAggregate.empty().result())).isEmpty();
  }
}
