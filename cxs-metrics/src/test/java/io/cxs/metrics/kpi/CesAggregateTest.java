package io.cxs.metrics.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cxs.core.feedback.Scale;
import org.junit.jupiter.api.Test;

final class CesAggregateTest {

  @Test
  void result_handComputed() {
    // 1..7: mean 4, s² = 28/6 = 4.6667, half = t(0.975, 6) · √(4.6667/7) = 2.446912 · 0.816497.
    CesAggregate a = CesAggregate.empty();
    for (int s = 1; s <= 7; s++) {
      a = a.add(s);
    }
    CesResult r = a.result();
    assertThat(r.responses()).isEqualTo(7);
    assertThat(r.mean()).isEqualTo(4);
    assertThat(r.standardDeviation()).isCloseTo(Math.sqrt(28.0 / 6), within(1e-12));
    assertThat(r.marginOfError()).isCloseTo(1.9978952, within(1e-6));
    assertThat(r.ci95().lower()).isCloseTo(2.0021048, within(1e-6));
    assertThat(r.lowEffort()).isEqualTo(3);
    assertThat(r.lowEffortShare()).isCloseTo(300.0 / 7, within(1e-12));
  }

  @Test
  void result_single_spreadUnknown() {
    CesResult r = CesAggregate.empty().add(6).result();
    assertThat(r.mean()).isEqualTo(6);
    assertThat(r.ci95().lower()).isEqualTo(1);
    assertThat(r.ci95().upper()).isEqualTo(7);
    assertThat(r.standardDeviation()).isZero();
  }

  @Test
  void result_empty_isNotNaN() {
    CesResult r = CesAggregate.empty().result();
    assertThat(r.responses()).isZero();
    assertThat(r.mean()).isZero();
    assertThat(Double.isNaN(r.marginOfError())).isFalse();
  }

  @Test
  void forScale_fivePoints_lowEffortFromFour() {
    assertThat(CesRule.forScale(Scale.CES_5).lowEffortFrom()).isEqualTo(4);
    assertThat(CesRule.ofDefaults().lowEffortFrom()).isEqualTo(5);
  }

  @Test
  void add_offScale_namesTheValue() {
    assertThatThrownBy(() -> CesAggregate.empty().add(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("score must be in [1, 7] but was 0");
  }

  @Test
  void changeFrom_isWelch() {
    CesAggregate a = CesAggregate.empty();
    for (int s = 1; s <= 7; s++) {
      a = a.add(s);
    }
    CesAggregate b = CesAggregate.empty();
    for (int s : new int[] {4, 5, 6, 7, 7, 6, 5, 7}) {
      b = b.add(s);
    }
    assertThat(b.result().changeFrom(a.result()).orElseThrow().pValue())
        .isCloseTo(0.0698402, within(1e-6));
  }
}
