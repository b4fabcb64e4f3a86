package io.cxs.metrics.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxs.metrics.clv.HistoricalValue;
import io.cxs.metrics.clv.PeriodUnit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class RfmScoresTest {
  private static final LocalDate AS_OF = LocalDate.of(2024, 6, 30);

  private static HistoricalValue value(String id, int orders, double revenue, int daysSinceLast) {
    LocalDate last = AS_OF.minusDays(daysSinceLast);
    return new HistoricalValue(id, orders, revenue, last.minusDays(orders * 10L), last, AS_OF, PeriodUnit.DAYS);
  }

  @Test
  void score_tenDistinctCustomers_givesTwoPerQuintile() {
    List<HistoricalValue> values = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      values.add(value("c" + i, i + 1, 10.0 * (i + 1), 100 - 10 * i));
    }
    List<RfmScore> scores = RfmScores.score(values);
    assertThat(scores).extracting(RfmScore::frequency).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
    assertThat(scores).extracting(RfmScore::recency).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
    assertThat(scores.get(9).segment()).isEqualTo(RfmSegment.CHAMPIONS);
    assertThat(scores.get(9).code()).isEqualTo("555");
    assertThat(scores.get(0).segment()).isEqualTo(RfmSegment.LOST);
  }

  @Test
  void score_ties_shareTheLowestScore() {
    List<HistoricalValue> values =
        List.of(value("a", 1, 5, 3), value("b", 1, 5, 3), value("c", 1, 5, 3), value("d", 4, 50, 1));
    List<RfmScore> scores = RfmScores.score(values);
    assertThat(scores).extracting(RfmScore::frequency).containsExactly(1, 1, 1, 4);
    assertThat(RfmScores.score(List.of())).isEmpty();
  }

  @Test
  void segment_rules_coverTheDocumentedCases() {
    assertThat(RfmSegment.of(5, 1, 3)).isEqualTo(RfmSegment.NEW);
    assertThat(RfmSegment.of(3, 5, 1)).isEqualTo(RfmSegment.LOYAL);
    assertThat(RfmSegment.of(1, 5, 5)).isEqualTo(RfmSegment.CANNOT_LOSE_THEM);
    assertThat(RfmSegment.of(2, 3, 1)).isEqualTo(RfmSegment.AT_RISK);
    assertThat(RfmSegment.of(4, 2, 2)).isEqualTo(RfmSegment.POTENTIAL_LOYALISTS);
    assertThat(RfmSegment.of(4, 1, 1)).isEqualTo(RfmSegment.PROMISING);
    assertThat(RfmSegment.of(3, 2, 5)).isEqualTo(RfmSegment.NEED_ATTENTION);
    assertThat(RfmSegment.of(2, 2, 2)).isEqualTo(RfmSegment.HIBERNATING);
    assertThat(RfmSegment.of(1, 1, 1)).isEqualTo(RfmSegment.LOST);
  }

  @Test
  void segment_scoreOutOfRange_throws() {
    assertThatThrownBy(() -> RfmSegment.of(0, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("r score must be in [1, 5] but was 0");
  }
}
