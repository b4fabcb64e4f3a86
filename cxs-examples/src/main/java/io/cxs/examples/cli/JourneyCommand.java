package io.cxs.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxs.core.Cxs;
import io.cxs.core.touchpoint.JourneyStage;
import io.cxs.journey.friction.FrictionAnalysis;
import io.cxs.journey.friction.FrictionPoint;
import io.cxs.journey.map.JourneyMap;
import io.cxs.journey.map.JourneyMapReport;
import io.cxs.journey.map.Stage;
import io.cxs.journey.map.StageFeedback;
import io.cxs.metrics.kpi.KpiResults;
import io.cxs.metrics.sentiment.SentimentResult;
import io.cxs.journey.map.StageReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cxs journey}: a journey map report. The map file is JSON:
 *
 * <pre>{@code
 * {"name": "online shop",
 *  "stages": [
 *    {"name": "consideration",                         required, unique
 *     "touchpoints": ["Product Viewed", "Product Added"], event names (each in one stage)
 *     "tag": "consideration",                          optional journey stage tag
 *     "momentsOfTruth": ["Product Added"],             optional, among the touchpoints
 *     "targetFromPrevious": "P3D"},                    optional ISO-8601 duration
 *    …]}
 * }</pre>
 *
 * Prints {@code {"name","customers","stages":[…],"friction":[…]}}; each stage's
 * {@code "feedback"} holds its NPS, CSAT and CES and the {@code "sentiment"} of its comments
 * (counts, mean score in [-1, 1] with {@code ci95}, and {@code netScore}, positive minus negative
 * in points, with {@code netCi95}).
 */
final class JourneyCommand implements Subcommand {
  @Override
  public String name() {
    return "journey";
  }

  @Override
  public String usage() {
    return "journey " + Engines.SOURCE_USAGE + " --map MAP.json";
  }

  @Override
  public int run(Args args, PrintStream out, PrintStream err) throws Exception {
    Engines.Source source = Engines.source(args);
    Path mapFile = args.existingFile("map");
    args.finish();
    JourneyMap map = parseMap(Files.readString(mapFile));
    try (Engines.Engine engine = Engines.open(source.db())) {
      Cxs cxs = JourneyCommands.load(engine, source, err);
      JourneyMapReport report = map.run(cxs);
      ObjectNode root = toJson(report);
      ArrayNode friction = root.putArray("friction");
      for (FrictionPoint p : FrictionAnalysis.stages(report)) {
        friction.addObject().put("stage", p.name()).put("score", p.score())
            .put("reached", p.reached()).put("dropped", p.dropped())
            .put("dropOffRate", p.dropOffRate()).put("responses", p.responses())
            .put("negative", p.negative()).put("complaints", p.complaints())
            .put("negativeShare", p.negativeShare());
      }
      JourneyCommands.print(out, root);
      return 0;
    }
  }

  /** Parses a map file; every mistake is a usage error naming the field. */
  static JourneyMap parseMap(String json) throws IOException {
    JsonNode root;
    try {
      root = JourneyCommands.JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UsageException("option --map: not valid JSON: " + e.getOriginalMessage());
    }
    try {
      JourneyMap.Builder b = JourneyMap.builder(text(root, "name", "map"));
      JsonNode stages = root.path("stages");
      if (!stages.isArray() || stages.isEmpty()) {
        throw new UsageException("option --map: \"stages\" must be a non-empty array");
      }
      for (JsonNode s : stages) {
        String name = text(s, "name", "stage");
        Optional<JourneyStage> tag = Optional.empty();
        if (s.has("tag")) {
          String t = text(s, "tag", "stage '" + name + "'");
          tag = Optional.of(JourneyStage.fromCode(t).orElseThrow(() -> new UsageException(
              "option --map: stage '" + name + "' has unknown tag '" + t + "'")));
        }
        Optional<Duration> target = Optional.empty();
        if (s.has("targetFromPrevious")) {
          String d = text(s, "targetFromPrevious", "stage '" + name + "'");
          try {
            target = Optional.of(Duration.parse(d));
          } catch (DateTimeParseException e) {
            throw new UsageException("option --map: stage '" + name
                + "' targetFromPrevious must be an ISO-8601 duration but was '" + d + "'");
          }
        }
        b.stage(new Stage(name, strings(s, "touchpoints", name), tag,
            strings(s, "momentsOfTruth", name), target));
      }
      return b.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UsageException("option --map: " + e.getMessage());
    }
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode v = node.path(field);
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new UsageException("option --map: " + where + " needs a string \"" + field + "\"");
    }
    return v.asText();
  }

  private static List<String> strings(JsonNode node, String field, String stage) {
    List<String> out = new ArrayList<>();
    JsonNode v = node.path(field);
    if (v.isMissingNode()) {
      return out;
    }
    if (!v.isArray()) {
      throw new UsageException("option --map: stage '" + stage + "' field \"" + field
          + "\" must be an array of strings");
    }
    for (JsonNode e : v) {
      if (!e.isTextual()) {
        throw new UsageException("option --map: stage '" + stage + "' field \"" + field
            + "\" must be an array of strings");
      }
      out.add(e.asText());
    }
    return out;
  }

  static ObjectNode toJson(JourneyMapReport r) {
    ObjectNode root = JourneyCommands.JSON.createObjectNode();
    root.put("name", r.name());
    root.put("customers", r.customers());
    ArrayNode stages = root.putArray("stages");
    for (StageReport s : r.stages()) {
      ObjectNode n = stages.addObject();
      n.put("name", s.name());
      n.put("reached", s.reached());
      JourneyCommands.putOptional(n, "medianSecondsToReach", s.medianSecondsToReach());
      JourneyCommands.putOptional(n, "p90SecondsToReach", s.p90SecondsToReach());
      n.put("withinTarget", s.withinTarget());
      n.put("left", s.left());
      counts(n.putObject("lastEventsOfLeavers"), s.lastEvents());
      counts(n.putObject("channels"), s.channels());
      counts(n.putObject("momentsOfTruth"), s.momentsOfTruth());
      StageFeedback f = s.feedback();
      ObjectNode fb = n.putObject("feedback");
      fb.put("responses", f.responses());
      fb.put("complaints", f.complaints());
      fb.put("negative", f.negative());
      KpiCommand.putKpis(fb, new KpiResults(f.nps(), f.csat(), f.ces()));
      putSentiment(fb.putObject("sentiment"), f.sentiment());
    }
    return root;
  }

  /** Writes a sentiment result: counts, mean with its t-interval, net score with its interval. */
  static void putSentiment(ObjectNode node, SentimentResult r) {
    node.put("comments", r.comments());
    node.put("negative", r.negative());
    node.put("neutral", r.neutral());
    node.put("positive", r.positive());
    node.put("mean", KpiCommand.round(r.mean(), 3));
    ArrayNode ci = node.putArray("ci95");
    ci.add(KpiCommand.round(r.ci95().lower(), 3));
    ci.add(KpiCommand.round(r.ci95().upper(), 3));
    node.put("netScore", KpiCommand.round(r.netScore(), 2));
    ArrayNode net = node.putArray("netCi95");
    net.add(KpiCommand.round(r.netCi95().lower(), 2));
    net.add(KpiCommand.round(r.netCi95().upper(), 2));
    node.put("sampleSizeSufficient", r.sampleSizeSufficient());
  }

  private static void counts(ObjectNode node, Map<String, Long> counts) {
    counts.forEach(node::put);
  }
}
