package io.cxs.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class JourneyCommandsTest {
  @TempDir
  Path dir;
  private Path events;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private static String track(String id, String user, String event, String time, String channel) {
    return "{\"type\":\"track\",\"messageId\":\"" + id + "\"," + user + ",\"event\":\"" + event
        + "\",\"timestamp\":\"" + time + "\",\"context\":{\"channel\":\"" + channel + "\"}}";
  }

  @BeforeEach
  void writeEvents() throws Exception {
    List<String> lines = new ArrayList<>();
    // c1: anonymous on the web, logs in, buys in the app: one full conversion
    lines.add(track("1", "\"anonymousId\":\"a1\"", "Product Viewed", "2026-03-01T10:00:00Z", "web"));
    lines.add(track("2", "\"anonymousId\":\"a1\"", "Product Added", "2026-03-01T10:01:00Z", "web"));
    lines.add("{\"type\":\"identify\",\"messageId\":\"3\",\"userId\":\"c1\",\"anonymousId\":\"a1\","
        + "\"timestamp\":\"2026-03-01T10:02:00Z\",\"traits\":{}}");
    lines.add(track("4", "\"userId\":\"c1\"", "Checkout Started", "2026-03-01T10:03:00Z", "app"));
    lines.add(track("5", "\"userId\":\"c1\"", "Order Completed", "2026-03-01T10:05:00Z", "app"));
    // c2: adds to cart, never checks out
    lines.add(track("6", "\"userId\":\"c2\"", "Product Viewed", "2026-03-01T11:00:00Z", "web"));
    lines.add(track("7", "\"userId\":\"c2\"", "Product Added", "2026-03-01T11:03:00Z", "web"));
    // c3: buys 8 days after viewing: outside a 7-day window
    lines.add(track("8", "\"userId\":\"c3\"", "Product Viewed", "2026-03-01T12:00:00Z", "web"));
    lines.add(track("9", "\"userId\":\"c3\"", "Product Added", "2026-03-01T12:05:00Z", "web"));
    lines.add(track("10", "\"userId\":\"c3\"", "Checkout Started", "2026-03-09T12:00:00Z", "web"));
    lines.add(track("11", "\"userId\":\"c3\"", "Order Completed", "2026-03-09T12:01:00Z", "web"));
    lines.add("{\"type\":\"feedback\",\"messageId\":\"12\",\"userId\":\"c2\",\"timestamp\":"
        + "\"2026-03-01T11:10:00Z\",\"survey\":\"nps\",\"score\":3}");
    lines.add("this is not json");
    events = dir.resolve("events.jsonl");
    Files.write(events, lines, StandardCharsets.UTF_8);
  }

  private JsonNode run(String... args) throws Exception {
    int code = CxsCommand.standard().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void funnel_printsKnownCountsConversionsAndTimes() throws Exception {
    JsonNode r = run("funnel", "--events", events.toString(), "--steps",
        "Product Viewed,Product Added,Checkout Started,Order Completed", "--window", "P7D",
        "--dropped");

    assertThat(r.get("customers").asLong()).isEqualTo(3);
    JsonNode steps = r.get("steps");
    assertThat(steps).hasSize(4);
    assertThat(steps.get(0).get("name").asText()).isEqualTo("Product Viewed");
    assertThat(steps.get(0).get("count").asLong()).isEqualTo(3);
    assertThat(steps.get(1).get("count").asLong()).isEqualTo(3);
    assertThat(steps.get(1).get("medianSecondsFromPrevious").asDouble()).isEqualTo(180.0);
    assertThat(steps.get(2).get("count").asLong()).isEqualTo(1);
    assertThat(steps.get(2).get("conversionFromPrevious").asDouble()).isEqualTo(1.0 / 3);
    assertThat(steps.get(3).get("count").asLong()).isEqualTo(1);
    assertThat(steps.get(3).get("conversionFromStart").asDouble()).isEqualTo(1.0 / 3);
    assertThat(steps.get(3).get("medianSecondsFromPrevious").asDouble()).isEqualTo(120.0);
    assertThat(r.get("dropped").get("Checkout Started").toString()).isEqualTo("[\"c2\",\"c3\"]");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 13");
  }

  @Test
  void funnel_badWindow_isAUsageError() {
    int code = CxsCommand.standard().run(new String[] {"funnel", "--events", events.toString(),
        "--steps", "A,B", "--window", "7 days"}, new PrintStream(out), new PrintStream(err));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(
        "option --window must be an ISO-8601 duration such as P7D or PT30M but was '7 days'");
  }

  @Test
  void paths_printsNextStepsAndSankey() throws Exception {
    JsonNode r = run("paths", "--events", events.toString(), "--from", "Product Viewed",
        "--depth", "4", "--top", "20");

    assertThat(r.get("customers").asLong()).isEqualTo(3);
    assertThat(r.get("next").get(0).get("event").asText()).isEqualTo("Product Added");
    assertThat(r.get("next").get(0).get("customers").asLong()).isEqualTo(3);
    assertThat(r.get("paths").get(0).get("events").toString()).isEqualTo(
        "[\"Product Viewed\",\"Product Added\",\"Checkout Started\",\"Order Completed\"]");
    assertThat(r.get("paths").get(0).get("customers").asLong()).isEqualTo(2);
    assertThat(r.get("sankey").get("links").get(0).get("customers").asLong()).isEqualTo(3);
  }

  @Test
  void journey_reportsTheShippedExampleMap() throws Exception {
    Path map = dir.resolve("map.json");
    try (InputStream in = getClass().getResourceAsStream("/journey-map.json")) {
      Files.copy(in, map);
    }
    JsonNode r = run("journey", "--events", events.toString(), "--map", map.toString());

    assertThat(r.get("customers").asLong()).isEqualTo(3);
    JsonNode consideration = r.get("stages").get(1);
    assertThat(consideration.get("name").asText()).isEqualTo("consideration");
    assertThat(consideration.get("reached").asLong()).isEqualTo(3);
    assertThat(consideration.get("left").asLong()).isEqualTo(1);
    assertThat(consideration.at("/feedback/nps/score").asDouble()).isEqualTo(-100.0);
    assertThat(consideration.at("/feedback/nps/ci95")).hasSize(2);
    JsonNode purchase = r.get("stages").get(2);
    assertThat(purchase.get("reached").asLong()).isEqualTo(2);
    assertThat(purchase.get("withinTarget").asLong()).isEqualTo(1);
    assertThat(r.get("friction").get(0).get("stage").asText()).isEqualTo("consideration");
  }

  @Test
  void journey_reportsTheSentimentOfEachStagesComments() throws Exception {
    Path map = dir.resolve("map.json");
    try (InputStream in = getClass().getResourceAsStream("/journey-map.json")) {
      Files.copy(in, map);
    }
    String rude = "Checkout was confusing and the agent was rude";
    String fast = "Very fast delivery, love it!";
    Files.write(events, List.of(
        "{\"type\":\"feedback\",\"messageId\":\"20\",\"userId\":\"c2\",\"timestamp\":"
            + "\"2026-03-01T11:20:00Z\",\"survey\":\"csat\",\"score\":1,\"comment\":\"" + rude
            + "\"}",
        "{\"type\":\"feedback\",\"messageId\":\"21\",\"userId\":\"c1\",\"timestamp\":"
            + "\"2026-03-01T10:30:00Z\",\"survey\":\"nps\",\"comment\":\"" + fast + "\"}"),
        StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

    JsonNode r = run("journey", "--events", events.toString(), "--map", map.toString());

    var analyzer = io.cxs.metrics.sentiment.SentimentAnalyzer.lexicon();
    JsonNode consideration = r.get("stages").get(1).at("/feedback/sentiment");
    assertThat(consideration.get("comments").asLong()).isEqualTo(1);
    assertThat(consideration.get("negative").asLong()).isEqualTo(1);
    assertThat(consideration.get("positive").asLong()).isZero();
    assertThat(consideration.get("mean").asDouble())
        .isCloseTo(analyzer.analyze(rude).score(), org.assertj.core.api.Assertions.within(5e-4))
        .isNegative();
    assertThat(consideration.get("netScore").asDouble()).isEqualTo(-100.0);
    assertThat(consideration.get("ci95")).hasSize(2);
    JsonNode purchase = r.get("stages").get(2).at("/feedback/sentiment");
    assertThat(purchase.get("comments").asLong()).isEqualTo(1);
    assertThat(purchase.get("positive").asLong()).isEqualTo(1);
    assertThat(purchase.get("mean").asDouble()).isPositive();
    JsonNode awareness = r.get("stages").get(0).at("/feedback/sentiment");
    assertThat(awareness.get("comments").asLong()).isZero();
    assertThat(awareness.get("sampleSizeSufficient").asBoolean()).isFalse();
  }

  @Test
  void journey_badMap_isAUsageErrorNamingTheField() throws Exception {
    Path map = dir.resolve("bad.json");
    Files.writeString(map, "{\"name\":\"x\",\"stages\":[{\"name\":\"a\",\"tag\":\"nowhere\"}]}");
    int code = CxsCommand.standard().run(new String[] {"journey", "--events", events.toString(),
        "--map", map.toString()}, new PrintStream(out), new PrintStream(err));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(
        "option --map: stage 'a' has unknown tag 'nowhere'");
  }
}
