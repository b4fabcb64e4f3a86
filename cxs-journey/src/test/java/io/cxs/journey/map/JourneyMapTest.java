package io.cxs.journey.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxs.core.Cxs;
import io.cxs.core.customer.CustomerId;
import io.cxs.core.feedback.FeedbackKind;
import io.cxs.core.feedback.Scale;
import io.cxs.core.ingest.FeedbackEvent;
import io.cxs.core.ingest.TrackEvent;
import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.JourneyStage;
import io.cxs.metrics.sentiment.LexiconSentimentAnalyzer;
import io.cxs.metrics.sentiment.Sentiment;
import io.cxs.metrics.sentiment.SentimentAggregate;
import io.cxs.metrics.sentiment.SentimentAnalyzer;
import io.cxs.metrics.sentiment.SentimentResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

final class JourneyMapTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private final Cxs cxs = Cxs.builder().build();
  private int ids;

  private static final JourneyMap MAP = JourneyMap.builder("shop")
      .stage(Stage.of("consideration", "Product Viewed", "Product Added"))
      .stage(Stage.of("purchase", "Checkout Started", "Order Completed")
          .withMomentsOfTruth("Order Completed").withTargetFromPrevious(Duration.ofHours(1)))
      .stage(Stage.of("service", "Ticket Opened").withTag(JourneyStage.SERVICE))
      .build();

  private void track(String user, String event, long minutes, Channel channel) {
    cxs.ingest(TrackEvent.of("m" + ids++, user, event, T0.plusSeconds(60 * minutes), channel));
  }

  private void survey(String user, String survey, int score, long minutes) {
    cxs.ingest(FeedbackEvent.survey("f" + ids++, user, T0.plusSeconds(60 * minutes), survey,
        score));
  }

  @Test
  void run_reportsReachTimesLeaversChannelsMomentsAndFeedback() {
    track("u1", "Product Viewed", 0, Channel.WEB);
    track("u1", "Order Completed", 30, Channel.MOBILE_APP);
    survey("u1", "nps", 10, 40);          // after purchase: purchase stage
    track("u2", "Product Viewed", 0, Channel.WEB);
    track("u2", "Checkout Started", 120, Channel.WEB); // later than the 1 h target
    survey("u2", "csat", 2, 130);
    track("u2", "Ticket Opened", 200, Channel.PHONE);
    survey("u2", "nps", 3, 210);          // service stage
    track("u3", "Product Viewed", 0, Channel.WEB);
    track("u3", "Banner Seen", 1, Channel.WEB);
    survey("u3", "nps", 8, 5);            // consideration
    cxs.ingest(new FeedbackEvent("c1", Optional.of("u3"), Optional.empty(), T0.plusSeconds(600),
        FeedbackKind.COMPLAINT, "delivery", Scale.CSAT, OptionalInt.empty(), Optional.empty(),
        Optional.empty(), Channel.EMAIL, Optional.of(JourneyStage.SERVICE)));

    JourneyMapReport r = MAP.run(cxs);

    assertThat(r.customers()).isEqualTo(3);
    StageReport consideration = r.stages().get(0);
    StageReport purchase = r.stages().get(1);
    StageReport service = r.stages().get(2);
    assertThat(consideration.reached()).isEqualTo(3);
    assertThat(consideration.left()).isEqualTo(1);
    assertThat(consideration.lastEvents()).containsExactly(Map.entry("Banner Seen", 1L));
    assertThat(consideration.feedback().nps().responses()).isPositive();
    assertThat(consideration.feedback().nps().score()).isEqualTo(0.0);
    assertThat(purchase.reached()).isEqualTo(2);
    assertThat(purchase.medianSecondsToReach()).hasValue(75 * 60.0);
    assertThat(purchase.withinTarget()).isEqualTo(1);
    assertThat(purchase.channels()).containsExactly(Map.entry("mobile_app", 1L),
        Map.entry("web", 1L));
    assertThat(purchase.momentsOfTruth()).containsExactly(Map.entry("Order Completed", 1L));
    assertThat(purchase.feedback().nps().responses()).isEqualTo(1);
    assertThat(purchase.feedback().nps().score()).isEqualTo(100.0);
    assertThat(purchase.feedback().csat().responses()).isEqualTo(1);
    assertThat(purchase.feedback().csat().dissatisfied()).isEqualTo(1);
    assertThat(purchase.feedback().csat().score()).isEqualTo(0.0);
    assertThat(purchase.feedback().negative()).isEqualTo(1);
    assertThat(service.reached()).isEqualTo(1);
    assertThat(service.feedback().nps().score()).isEqualTo(-100.0);
    assertThat(service.feedback().complaints()).isEqualTo(1);
    assertThat(r.currentStage(CustomerId.of("u2"))).hasValue("service");
    assertThat(r.currentStage(CustomerId.of("u3"))).hasValue("consideration");
    assertThat(r.currentStage(CustomerId.of("nobody"))).isEmpty();
  }

  @Test
  void builder_rejectsOverlappingStages() {
    assertThatThrownBy(() -> JourneyMap.builder("x").stage(Stage.of("a", "E"))
        .stage(Stage.of("b", "E")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("touchpoint 'E' of stage 'b' is already in another stage");
    assertThatThrownBy(() -> Stage.of("a", "E").withMomentsOfTruth("F"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("moment of truth 'F' of stage 'a' must be one of its touchpoints [E]");
    assertThatThrownBy(() -> JourneyMap.builder("x").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("journey map 'x' needs at least one stage");
  }

  private void comment(String user, FeedbackKind kind, OptionalInt score, String text,
      long minutes, Optional<JourneyStage> stage) {
    cxs.ingest(new FeedbackEvent("f" + ids++, Optional.of(user), Optional.empty(),
        T0.plusSeconds(60 * minutes), kind, "nps", Scale.NPS, score,
        text.isEmpty() ? Optional.empty() : Optional.of(text), Optional.empty(), Channel.WEB,
        stage));
  }

  private static SentimentResult expected(SentimentAnalyzer analyzer, String... comments) {
    SentimentAggregate a = SentimentAggregate.empty();
    for (String c : comments) {
      a = a.add(analyzer.analyze(c));
    }
    return a.result();
  }

  @Test
  void run_reportsTheSentimentOfEachStagesComments() {
    track("u1", "Product Viewed", 0, Channel.WEB);
    comment("u1", FeedbackKind.SURVEY, OptionalInt.of(9), "Great choice, very helpful", 5,
        Optional.empty());                                      // consideration
    track("u1", "Order Completed", 30, Channel.WEB);
    comment("u1", FeedbackKind.SURVEY, OptionalInt.empty(), "Checkout was slow but fine", 31,
        Optional.empty());                                      // purchase, skipped score
    comment("u1", FeedbackKind.SURVEY, OptionalInt.of(8), "", 32, Optional.empty());
    track("u2", "Product Viewed", 0, Channel.WEB);
    comment("u2", FeedbackKind.COMPLAINT, OptionalInt.empty(), "Rude agent, NOT helpful!", 3,
        Optional.of(JourneyStage.SERVICE));                    // tagged: service
    comment("u2", FeedbackKind.SURVEY, OptionalInt.of(2), "Terrible. Delivery was late.", 4,
        Optional.empty());                                      // consideration

    JourneyMapReport r = MAP.run(cxs);

    LexiconSentimentAnalyzer lexicon = LexiconSentimentAnalyzer.ofDefaults();
    StageFeedback consideration = r.stages().get(0).feedback();
    StageFeedback purchase = r.stages().get(1).feedback();
    StageFeedback service = r.stages().get(2).feedback();
    assertThat(consideration.sentiment()).isEqualTo(
        expected(lexicon, "Great choice, very helpful", "Terrible. Delivery was late."));
    assertThat(consideration.sentiment().positive()).isEqualTo(1);
    assertThat(consideration.sentiment().negative()).isEqualTo(1);
    assertThat(purchase.sentiment()).isEqualTo(expected(lexicon, "Checkout was slow but fine"));
    assertThat(purchase.responses()).isEqualTo(1);
    assertThat(service.sentiment().comments()).isEqualTo(1);
    assertThat(service.sentiment().negative()).isEqualTo(1);
    assertThat(service.sentiment().mean()).isNegative();
    assertThat(service.complaints()).isEqualTo(1);
  }

  @Test
  void run_usesTheConfiguredAnalyzer() {
    SentimentAnalyzer alwaysPositive = text -> Sentiment.of(0.5);
    JourneyMap map = JourneyMap.builder("one")
        .stage(Stage.of("consideration", "Product Viewed"))
        .sentimentAnalyzer(alwaysPositive)
        .build();
    track("u1", "Product Viewed", 0, Channel.WEB);
    comment("u1", FeedbackKind.COMPLAINT, OptionalInt.empty(), "awful awful awful", 1,
        Optional.empty());

    SentimentResult s = map.run(cxs).stages().get(0).feedback().sentiment();

    assertThat(map.sentimentAnalyzer()).isSameAs(alwaysPositive);
    assertThat(s.positive()).isEqualTo(1);
    assertThat(s.mean()).isEqualTo(0.5);
    assertThat(MAP.sentimentAnalyzer()).isSameAs(LexiconSentimentAnalyzer.ofDefaults());
  }

  @Test
  void builder_sentimentAnalyzerTwice_isRejected() {
    JourneyMap.Builder b = JourneyMap.builder("x").sentimentAnalyzer(text -> Sentiment.neutral());
    assertThatThrownBy(() -> b.sentimentAnalyzer(LexiconSentimentAnalyzer.ofDefaults()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("sentimentAnalyzer was already set to ");
  }
}
