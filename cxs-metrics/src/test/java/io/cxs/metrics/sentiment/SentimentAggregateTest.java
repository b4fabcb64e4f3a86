package io.cxs.metrics.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxs.metrics.stats.Interval;
import org.junit.jupiter.api.Test;

final class SentimentAggregateTest {

  private static SentimentAggregate of(double... scores) {
    SentimentAggregate a = SentimentAggregate.empty();
    for (double s : scores) {
      a = a.add(Sentiment.of(s));
    }
    return a;
  }

  @Test
  void result_knownSample_matchesHandComputedStatistics() {
    SentimentResult r = of(-0.5, 0.0, 0.25, 0.75).result(3);
    assertThat(r.comments()).isEqualTo(4);
    assertThat(r.negative()).isEqualTo(1);
    assertThat(r.neutral()).isEqualTo(1);
    assertThat(r.positive()).isEqualTo(2);
    assertThat(r.mean()).isCloseTo(0.125, within(1e-12));
    // deviations -0.625, -0.125, 0.125, 0.625: Σd² = 0.8125, s² = 0.8125 / 3
    double s = Math.sqrt(0.8125 / 3);
    assertThat(r.standardDeviation()).isCloseTo(s, within(1e-12));
    double half = 3.182446305284263 * s / 2; // t_{0.975, 3}
    assertThat(r.marginOfError()).isCloseTo(half, within(1e-9));
    assertThat(r.ci95().lower()).isCloseTo(Math.max(-1, 0.125 - half), within(1e-9));
    assertThat(r.ci95().upper()).isCloseTo(Math.min(1, 0.125 + half), within(1e-9));
    assertThat(r.netScore()).isCloseTo(25.0, within(1e-12));
    assertThat(r.sampleSizeSufficient()).isTrue();
    assertThat(of(0.1).result(3).sampleSizeSufficient()).isFalse();
  }

  @Test
  void result_empty_isZeroWithTheWholeRange() {
    SentimentResult r = SentimentAggregate.empty().result();
    assertThat(r.comments()).isZero();
    assertThat(r.mean()).isZero();
    assertThat(r.ci95()).isEqualTo(new Interval(-1, 1));
    assertThat(r.marginOfError()).isEqualTo(1.0);
    assertThat(r.netCi95()).isEqualTo(new Interval(-100, 100));
    assertThat(r.sampleSizeSufficient()).isFalse();
  }

  @Test
  void result_oneComment_hasUnknownSpread() {
    SentimentResult r = of(-0.8).result();
    assertThat(r.mean()).isCloseTo(-0.8, within(1e-12));
    assertThat(r.standardDeviation()).isZero();
    assertThat(r.ci95()).isEqualTo(new Interval(-1, 1));
    assertThat(r.netScore()).isEqualTo(-100.0);
  }

  @Test
  void add_roundsToTheResolution() {
    SentimentAggregate a = of(0.123456);
    assertThat(a.scaledSum()).isEqualTo(1235);
    assertThat(a.scaledSumOfSquares()).isEqualTo(1235L * 1235);
  }

  @Test
  void changeFrom_clearShift_isSignificant() {
    SentimentResult before = of(-0.6, -0.5, -0.7, -0.4, -0.6, -0.5).result();
    SentimentResult after = of(0.6, 0.5, 0.7, 0.4, 0.6, 0.5).result();
    assertThat(after.changeFrom(before)).hasValueSatisfying(c -> assertThat(c.pValue()).isLessThan(0.001));
    assertThat(after.changeFrom(of(0.1).result())).isEmpty();
  }

  @Test
  void constructor_inconsistentCounts_nameTheField() {
    assertThatThrownBy(() -> new SentimentAggregate(-1, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("negative must be at least 0 but was -1");
    assertThatThrownBy(() -> new SentimentAggregate(0, 1, 0, 20_000, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scaledSum must be in [-10000, 10000] for 1 comments but was 20000");
    assertThatThrownBy(() -> SentimentAggregate.empty().result(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minimumSample must be at least 1 but was 0");
  }

  @Test
  void result_writesAndReadsJson() throws Exception {
    ObjectMapper json = new ObjectMapper();
    SentimentResult r = of(-0.5, 0.0, 0.25, 0.75).result();
    String text = json.writeValueAsString(r);
    assertThat(json.readTree(text).get("ci95").get("lower").asDouble())
        .isEqualTo(r.ci95().lower());
    assertThat(json.readValue(text, SentimentResult.class)).isEqualTo(r);
    SentimentAggregate a = of(-0.5, 0.3);
    assertThat(json.readValue(json.writeValueAsString(a), SentimentAggregate.class)).isEqualTo(a);
    Sentiment s = Sentiment.of(-0.4);
    assertThat(json.readValue(json.writeValueAsString(s), Sentiment.class)).isEqualTo(s);
  }
}
