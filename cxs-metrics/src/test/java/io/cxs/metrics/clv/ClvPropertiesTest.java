package io.cxs.metrics.clv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

final class ClvPropertiesTest {

  private static List<PurchaseModel> models(double r, double alpha, double a, double b) {
    return List.of(new BgNbdModel(r, alpha, a, b), new MbgNbdModel(r, alpha, a, b), new ParetoNbdModel(r, alpha, a, b));
  }

  private static RfmSummary summary(int x, double recencyShare, double age) {
    return RfmSummary.of("c", x, x == 0 ? 0 : recencyShare * age, age);
  }

  @Property(tries = 300)
  void probabilityAlive_isAProbability(
      @ForAll @DoubleRange(min = 0.05, max = 5) double r,
      @ForAll @DoubleRange(min = 0.5, max = 40) double alpha,
      @ForAll @DoubleRange(min = 0.05, max = 5) double a,
      @ForAll @DoubleRange(min = 0.05, max = 10) double b,
      @ForAll @IntRange(min = 0, max = 60) int x,
      @ForAll @DoubleRange(min = 0, max = 1) double recencyShare,
      @ForAll @DoubleRange(min = 0, max = 100) double age) {
    RfmSummary c = summary(x, recencyShare, age);
    for (PurchaseModel m : models(r, alpha, a, b)) {
      assertThat(m.probabilityAlive(c)).as("%s", m).isBetween(0.0, 1.0);
    }
  }

  @Property(tries = 300)
  void expectedPurchases_isNonNegativeAndGrowsWithHorizon(
      @ForAll @DoubleRange(min = 0.05, max = 5) double r,
      @ForAll @DoubleRange(min = 0.5, max = 40) double alpha,
      @ForAll @DoubleRange(min = 0.05, max = 5) double a,
      @ForAll @DoubleRange(min = 0.05, max = 10) double b,
      @ForAll @IntRange(min = 0, max = 60) int x,
      @ForAll @DoubleRange(min = 0, max = 1) double recencyShare,
      @ForAll @DoubleRange(min = 0, max = 100) double age,
      @ForAll @DoubleRange(min = 0, max = 100) double t,
      @ForAll @DoubleRange(min = 0.5, max = 50) double more) {
    RfmSummary c = summary(x, recencyShare, age);
    for (PurchaseModel m : models(r, alpha, a, b)) {
      double now = m.expectedPurchases(c, t);
      double later = m.expectedPurchases(c, t + more);
      assertThat(now).as("%s", m).isGreaterThanOrEqualTo(0);
      assertThat(later).as("%s", m).isGreaterThanOrEqualTo(now * (1 - 1e-9));
    }
  }

  @Property(tries = 200)
  void logLikelihood_isFiniteAndNonPositive(
      @ForAll @DoubleRange(min = 0.05, max = 5) double r,
      @ForAll @DoubleRange(min = 0.5, max = 40) double alpha,
      @ForAll @DoubleRange(min = 0.05, max = 5) double a,
      @ForAll @DoubleRange(min = 0.05, max = 10) double b,
      @ForAll @IntRange(min = 0, max = 60) int x,
      @ForAll @DoubleRange(min = 0, max = 1) double recencyShare,
      @ForAll @DoubleRange(min = 0.01, max = 100) double age) {
    RfmSummary c = summary(x, recencyShare, age);
    for (PurchaseModel m : models(r, alpha, a, b)) {
      double ll = m.logLikelihood(c);
      assertThat(Double.isFinite(ll)).as("%s: %s", m, ll).isTrue();
    }
  }
}
