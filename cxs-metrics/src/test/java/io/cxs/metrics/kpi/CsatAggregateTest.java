package io.cxs.metrics.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cxs.core.feedback.Scale;
import org.junit.jupiter.api.Test;

final class CsatAggregateTest {

  @Test
  void result_handComputed() {
    // 1..5 once each plus two 5s: satisfied {4,5,5,5} = 4 of 7, dissatisfied {1,2} = 2.
    CsatAggregate a = CsatAggregate.empty();
    for (int s : new int[] {1, 2, 3, 4, 5, 5, 5}) {
      a = a.add(s);
    }
    CsatResult r = a.result();
    assertThat(r.responses()).isEqualTo(7);
    assertThat(r.satisfied()).isEqualTo(4);
    assertThat(r.neutral()).isEqualTo(1);
    assertThat(r.dissatisfied()).isEqualTo(2);
    assertThat(r.score()).isCloseTo(400.0 / 7, within(1e-12));
    assertThat(r.netSatisfaction()).isCloseTo(200.0 / 7, within(1e-12));
    assertThat(r.ci95().contains(r.score())).isTrue();
    assertThat(r.ci95().lower()).isCloseTo(25.0458, within(1e-3));
    assertThat(r.ci95().upper()).isCloseTo(84.1780, within(1e-3));
  }

  @Test
  void result_empty_carriesZeroResponses() {
    CsatResult r = CsatAggregate.empty().addSkipped().result();
    assertThat(r.responses()).isZero();
    assertThat(r.skipped()).isEqualTo(1);
    assertThat(r.score()).isZero();
    assertThat(r.ci95().upper()).isEqualTo(100);
  }

  @Test
  void result_allSatisfied_wilsonIntervalIsNotDegenerate() {
    CsatResult r = CsatAggregate.empty().add(5).add(4).add(5).result();
    assertThat(r.score()).isEqualTo(100);
    assertThat(r.ci95().lower()).isLessThan(100);
    assertThat(r.netSatisfaction()).isEqualTo(100);
  }

  @Test
  void topBoxes_onSevenPoints() {
    CsatRule rule = CsatRule.topBoxes(Scale.of(1, 7), 2);
    assertThat(rule.satisfiedFrom()).isEqualTo(6);
    assertThat(rule.dissatisfiedTo()).isEqualTo(2);
    CsatResult r = CsatAggregate.empty(rule).add(5).add(6).result();
    assertThat(r.satisfied()).isEqualTo(1);
    assertThat(r.neutral()).isEqualTo(1);
  }

  @Test
  void rule_overlappingThresholds_namesTheValues() {
    assertThatThrownBy(() -> new CsatRule(Scale.CSAT, 3, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dissatisfiedTo must be below satisfiedFrom = 3 but was 3");
  }

  @Test
  void merge_differentRules_isRejected() {
    CsatAggregate other = CsatAggregate.empty(CsatRule.topBoxes(Scale.CSAT, 1));
    assertThatThrownBy(() -> CsatAggregate.empty().merge(other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("rule must be CsatRule[scale=Scale[min=1, max=5], satisfiedFrom=4");
  }
}
