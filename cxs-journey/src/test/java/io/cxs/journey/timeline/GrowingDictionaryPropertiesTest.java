package io.cxs.journey.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxs.core.Cxs;
import io.cxs.core.ingest.FeedbackEvent;
import io.cxs.core.ingest.IdentifyEvent;
import io.cxs.core.ingest.TrackEvent;
import io.cxs.core.spi.FeedbackStore;
import io.cxs.core.spi.GrowingDictionaries;
import io.cxs.core.spi.TouchpointStore;
import io.cxs.core.touchpoint.Channel;
import io.cxs.journey.friction.FrictionAnalysis;
import io.cxs.journey.funnel.Breakdown;
import io.cxs.journey.funnel.Funnel;
import io.cxs.journey.funnel.FunnelReport;
import io.cxs.journey.map.JourneyMap;
import io.cxs.journey.map.JourneyMapReport;
import io.cxs.journey.map.Stage;
import io.cxs.journey.path.PathAnalysis;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A store whose scan dictionary grows from batch to batch (as a streaming database scan's does)
 * brings subjects, names and channels in late batches, and a customer's second subject in any
 * batch. Funnels, paths, journey maps and friction over it must equal those over the in-memory
 * store, whose dictionary is complete from the start (issue #13: on JDBC they skipped every
 * identity first seen after the first batch).
 */
final class GrowingDictionaryPropertiesTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final String[] NAMES = {"A", "B", "C", "D", "E", "F"};
  private static final Channel[] CHANNELS = {Channel.WEB, Channel.EMAIL, Channel.IN_STORE,
      Channel.MOBILE_APP};

  @Property(tries = 200)
  void analytics_overAGrowingDictionary_equalTheInMemoryOnes(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 9) int batchRows, @ForAll boolean oneDictionaryObject) {
    Random rnd = new Random(seed);
    Cxs cxs = Cxs.builder().build();
    int customers = 1 + rnd.nextInt(12);
    int events = rnd.nextInt(120);
    for (int e = 0; e < events; e++) {
      int c = rnd.nextInt(customers);
      Instant at = T0.plusSeconds(rnd.nextInt(6 * 3600));
      // later events use more names and channels, so late batches bring new codes
      int spread = 1 + e * NAMES.length / Math.max(1, events);
      String name = NAMES[rnd.nextInt(spread)];
      Channel channel = CHANNELS[rnd.nextInt(Math.min(CHANNELS.length, spread))];
      switch (rnd.nextInt(6)) {
        case 0 -> cxs.ingest(TrackEvent.anonymous("t" + e, "a" + c, name, at, channel));
        case 1 -> cxs.ingest(IdentifyEvent.link("i" + e, "u" + c, "a" + c, at, Map.of()));
        case 2 -> cxs.ingest(FeedbackEvent.survey("f" + e, "u" + c, at,
            rnd.nextBoolean() ? "nps" : "csat", 1 + rnd.nextInt(5)));
        default -> cxs.ingest(TrackEvent.of("t" + e, "u" + c, name, at, channel));
      }
    }
    TouchpointStore growingTouchpoints = oneDictionaryObject
        ? GrowingDictionaries.touchpointsSharingOneDictionary(cxs.touchpoints(), batchRows)
        : GrowingDictionaries.touchpoints(cxs.touchpoints(), batchRows);
    FeedbackStore growingFeedback = oneDictionaryObject
        ? GrowingDictionaries.feedbackSharingOneDictionary(cxs.feedback(), batchRows)
        : GrowingDictionaries.feedback(cxs.feedback(), batchRows);
    TimelineScan plain = TimelineScan.of(cxs);
    TimelineScan growing = TimelineScan.of(growingTouchpoints, cxs.resolver());

    Funnel.Builder b = Funnel.builder().window(Duration.ofMinutes(1 + rnd.nextInt(240)));
    int steps = 1 + rnd.nextInt(4);
    for (int k = 0; k < steps; k++) {
      b.step(NAMES[rnd.nextInt(NAMES.length)]);
    }
    if (rnd.nextBoolean()) {
      b.breakdown(Breakdown.firstChannel());
    }
    Funnel funnel = b.build();
    FunnelReport expected = funnel.run(plain);
    FunnelReport actual = funnel.run(growing);
    assertThat(actual.steps()).isEqualTo(expected.steps());
    assertThat(actual.customers()).isEqualTo(expected.customers());
    assertThat(actual.segments()).isEqualTo(expected.segments());
    assertThat(actual.medianSecondsToConvert()).isEqualTo(expected.medianSecondsToConvert());
    for (int k = 1; k < steps; k++) {
      assertThat(actual.droppedAt(k)).isEqualTo(expected.droppedAt(k));
    }
    if (steps > 1) {
      assertThat(FrictionAnalysis.steps(actual, growingFeedback, cxs.resolver()))
          .isEqualTo(FrictionAnalysis.steps(expected, cxs.feedback(), cxs.resolver()));
    }

    String anchor = NAMES[rnd.nextInt(NAMES.length)];
    PathAnalysis paths = (rnd.nextBoolean() ? PathAnalysis.after(anchor)
        : PathAnalysis.before(anchor)).build();
    assertThat(paths.run(growing)).isEqualTo(paths.run(plain));

    JourneyMap map = JourneyMap.builder("shop")
        .stage(Stage.of("browse", "A", "B"))
        .stage(Stage.of("buy", "D", "F"))
        .build();
    JourneyMapReport expectedMap = map.run(plain, cxs.feedback());
    JourneyMapReport actualMap = map.run(growing, growingFeedback);
    assertThat(actualMap.customers()).isEqualTo(expectedMap.customers());
    assertThat(actualMap.stages()).isEqualTo(expectedMap.stages());
  }

  @Property(tries = 100)
  void timelineScan_overAGrowingDictionary_visitsTheSameTimelines(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 5) int batchRows) {
    Random rnd = new Random(seed);
    Cxs cxs = Cxs.builder().build();
    int customers = 1 + rnd.nextInt(10);
    for (int e = 0; e < rnd.nextInt(80); e++) {
      int c = rnd.nextInt(customers);
      Instant at = T0.plusSeconds(rnd.nextInt(3600));
      String name = NAMES[rnd.nextInt(NAMES.length)];
      cxs.ingest(rnd.nextInt(3) == 0
          ? IdentifyEvent.link("i" + e, "u" + c, "a" + c, at, Map.of())
          : rnd.nextBoolean() ? TrackEvent.anonymous("t" + e, "a" + c, name, at, Channel.WEB)
          : TrackEvent.of("t" + e, "u" + c, name, at, Channel.EMAIL));
    }
    Map<String, String> expected = Timelines.render(TimelineScan.of(cxs));
    Map<String, String> actual = Timelines.render(TimelineScan.of(
        GrowingDictionaries.touchpoints(cxs.touchpoints(), batchRows), cxs.resolver()));
    assertThat(actual).isEqualTo(expected);
  }
}
