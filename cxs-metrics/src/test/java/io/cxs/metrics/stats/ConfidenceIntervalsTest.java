package io.cxs.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class ConfidenceIntervalsTest {

  @Test
  void wilson_handComputed() {
    // p = 0.45, n = 100, z = 1.959964: z²/n = 0.0384146,
    // center = (0.45 + 0.0192073) / 1.0384146 = 0.4518497,
    // half = 1.959964 / 1.0384146 · √(0.2475/100 + 0.0384146/400) = 0.0957043.
    Interval ci = ConfidenceIntervals.wilson(45, 100, 0.95);
    assertThat(ci.lower()).isCloseTo(0.3561454, within(1e-6));
    assertThat(ci.upper()).isCloseTo(0.5475540, within(1e-6));
  }

  @Test
  void wilson_noSuccesses_startsAtZeroAndIsNotDegenerate() {
    Interval ci = ConfidenceIntervals.wilson(0, 10, 0.95);
    assertThat(ci.lower()).isZero();
    // z²/(n + z²) = 3.841459 / 13.841459
    assertThat(ci.upper()).isCloseTo(0.2775328, within(1e-6));
  }

  @Test
  void wilson_extremes_areExactlyZeroAndOne() {
    // Regression: center − half used to leave 2.8e-15 instead of 0 for 0 of 7.
    assertThat(ConfidenceIntervals.wilson(0, 7, 0.95).lower()).isZero();
    assertThat(ConfidenceIntervals.wilson(7, 7, 0.95).upper()).isEqualTo(1.0);
  }

  @Test
  void wilson_badCounts_namesTheValues() {
    assertThatThrownBy(() -> ConfidenceIntervals.wilson(11, 10, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("successes must be in [0, 10] but was 11");
    assertThatThrownBy(() -> ConfidenceIntervals.wilson(0, 0, 0.95))
        .hasMessage("n must be positive but was 0");
  }

  @Test
  void netScore_usesTheMultinomialVariance() {
    // p+ = 0.5, p- = 0.2, n = 10: Var = (0.7 − 0.09)/10 = 0.061, half = 1.959964 · 0.246982.
    Interval ci = ConfidenceIntervals.netScore(5, 2, 10, 0.95);
    assertThat(ci.lower()).isCloseTo(0.3 - 0.4840754, within(1e-6));
    assertThat(ci.upper()).isCloseTo(0.3 + 0.4840754, within(1e-6));
  }

  @Test
  void netScore_isClippedToItsRange() {
    Interval ci = ConfidenceIntervals.netScore(1, 0, 2, 0.95);
    assertThat(ci.upper()).isEqualTo(1.0);
  }

  @Test
  void mean_usesStudentT() {
    // mean 4, s² = 4, n = 16: half = t(0.975, 15) · 2/4 = 2.1314495 · 0.5.
    Interval ci = ConfidenceIntervals.mean(4, 4, 16, 0.95);
    assertThat(ci.lower()).isCloseTo(4 - 1.0657248, within(1e-6));
    assertThat(ci.upper()).isCloseTo(4 + 1.0657248, within(1e-6));
  }

  @Test
  void mean_otherLevel_isWiderAt99() {
    assertThat(ConfidenceIntervals.mean(0, 1, 20, 0.99).width())
        .isGreaterThan(ConfidenceIntervals.mean(0, 1, 20, 0.95).width());
  }

  @Test
  void mean_tooFew_namesTheValue() {
    assertThatThrownBy(() -> ConfidenceIntervals.mean(1, 0, 1, 0.95))
        .hasMessage("n must be at least 2 but was 1");
  }
}
