package io.cxs.journey.friction;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxs.core.Cxs;
import io.cxs.core.ingest.FeedbackEvent;
import io.cxs.core.ingest.TrackEvent;
import io.cxs.core.touchpoint.Channel;
import io.cxs.journey.funnel.Funnel;
import io.cxs.journey.map.JourneyMap;
import io.cxs.journey.map.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

final class FrictionAnalysisTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private final Cxs cxs = Cxs.builder().build();
  private int ids;

  private void track(String user, String event, long minutes) {
    cxs.ingest(TrackEvent.of("m" + ids++, user, event, T0.plusSeconds(60 * minutes), Channel.WEB));
  }

  private void nps(String user, int score, long minutes) {
    cxs.ingest(FeedbackEvent.survey("f" + ids++, user, T0.plusSeconds(60 * minutes), "nps", score));
  }

  @Test
  void stepsAndStages_rankByDropOffAndNegativeFeedback() {
    // 4 view; 3 add; 1 buys. Both who dropped at "Buy" were detractors.
    for (String u : List.of("a", "b", "c", "d")) {
      track(u, "View", 0);
    }
    for (String u : List.of("a", "b", "c")) {
      track(u, "Add", 1);
    }
    track("a", "Buy", 2);
    nps("b", 2, 3);
    nps("c", 5, 3);
    nps("a", 10, 3);

    Funnel f = Funnel.builder().step("View").step("Add").step("Buy")
        .window(Duration.ofDays(1)).build();
    List<FrictionPoint> steps = FrictionAnalysis.steps(f.run(cxs), cxs.feedback(), cxs.resolver());

    assertThat(steps).extracting(FrictionPoint::name).containsExactly("Buy", "Add");
    FrictionPoint buy = steps.get(0);
    assertThat(buy.reached()).isEqualTo(3);
    assertThat(buy.dropped()).isEqualTo(2);
    assertThat(buy.negative()).isEqualTo(2);
    assertThat(buy.score()).isEqualTo((2.0 / 3 + 1.0) / 2);
    assertThat(steps.get(1).score()).isEqualTo(0.25 / 2);

    JourneyMap map = JourneyMap.builder("shop").stage(Stage.of("browse", "View", "Add"))
        .stage(Stage.of("buy", "Buy")).build();
    List<FrictionPoint> stages = FrictionAnalysis.stages(map.run(cxs));
    assertThat(stages.get(0).name()).isEqualTo("browse");
    assertThat(stages.get(0).dropped()).isEqualTo(3);
    assertThat(stages.get(0).negativeShare()).isEqualTo(1.0);
    assertThat(stages.get(1).score()).isZero();
  }
}
