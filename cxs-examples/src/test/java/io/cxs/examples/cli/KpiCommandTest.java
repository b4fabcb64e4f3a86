package io.cxs.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class KpiCommandTest {
  private static final String EVENTS = String.join("\n",
      // Anonymous feedback, then the visitor identifies as c-42: counted once.
      "{\"type\":\"feedback\",\"messageId\":\"m1\",\"anonymousId\":\"a-9\",\"timestamp\":\"2026-01-05T10:00:00Z\",\"survey\":\"nps\",\"score\":10,\"context\":{\"channel\":\"web\"}}",
      "{\"type\":\"identify\",\"messageId\":\"m2\",\"userId\":\"c-42\",\"anonymousId\":\"a-9\",\"timestamp\":\"2026-01-05T11:00:00Z\",\"traits\":{\"plan\":\"gold\"}}",
      "{\"type\":\"feedback\",\"messageId\":\"m3\",\"userId\":\"c-42\",\"timestamp\":\"2026-01-06T09:00:00Z\",\"survey\":\"nps\",\"score\":6,\"context\":{\"channel\":\"email\"}}",
      // The same messageId again: a duplicate, counted once.
      "{\"type\":\"feedback\",\"messageId\":\"m3\",\"userId\":\"c-42\",\"timestamp\":\"2026-01-06T09:00:00Z\",\"survey\":\"nps\",\"score\":6,\"context\":{\"channel\":\"email\"}}",
      "{\"type\":\"feedback\",\"messageId\":\"m4\",\"userId\":\"c-7\",\"timestamp\":\"2026-01-12T09:00:00Z\",\"survey\":\"nps\",\"score\":8,\"channel\":\"web\"}",
      // Skipped: no score.
      "{\"type\":\"feedback\",\"messageId\":\"m5\",\"userId\":\"c-7\",\"timestamp\":\"2026-01-12T10:00:00Z\",\"survey\":\"nps\"}",
      "{\"type\":\"feedback\",\"messageId\":\"m6\",\"userId\":\"c-7\",\"timestamp\":\"2026-01-12T10:00:00Z\",\"survey\":\"csat\",\"score\":5}",
      "{\"type\":\"feedback\",\"messageId\":\"m7\",\"userId\":\"c-8\",\"timestamp\":\"2026-01-13T10:00:00Z\",\"survey\":\"csat\",\"score\":2}",
      "{\"type\":\"feedback\",\"messageId\":\"m8\",\"userId\":\"c-8\",\"timestamp\":\"2026-01-13T10:00:00Z\",\"survey\":\"ces\",\"score\":6}",
      "{\"type\":\"feedback\",\"messageId\":\"m9\",\"userId\":\"c-9\",\"timestamp\":\"2026-01-13T10:00:00Z\",\"survey\":\"ces\",\"score\":4}",
      "not json",
      "");

  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) throws Exception {
    Path file = dir.resolve("events.jsonl");
    Files.writeString(file, EVENTS, StandardCharsets.UTF_8);
    List<String> all = new ArrayList<>(List.of("kpi", "--events", file.toString()));
    all.addAll(List.of(args));
    return CxsCommand.standard().run(all.toArray(new String[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private JsonNode json() throws Exception {
    return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void run_weekly_printsTheKnownAnswers() throws Exception {
    assertThat(run()).isZero();
    JsonNode root = json();
    JsonNode nps = root.get("nps");
    assertThat(nps.get("responses").asLong()).isEqualTo(3);
    assertThat(nps.get("promoters").asLong()).isEqualTo(1);
    assertThat(nps.get("passives").asLong()).isEqualTo(1);
    assertThat(nps.get("detractors").asLong()).isEqualTo(1);
    assertThat(nps.get("skipped").asLong()).isEqualTo(1);
    assertThat(nps.get("score").asDouble()).isZero();
    assertThat(nps.get("ci95").get(0).asDouble()).isLessThan(0);
    assertThat(nps.get("ci95").get(1).asDouble()).isGreaterThan(0);
    JsonNode csat = root.get("csat");
    assertThat(csat.get("responses").asLong()).isEqualTo(2);
    assertThat(csat.get("satisfied").asLong()).isEqualTo(1);
    assertThat(csat.get("score").asDouble()).isEqualTo(50.0);
    assertThat(csat.get("netSatisfaction").asDouble()).isEqualTo(0.0);
    JsonNode ces = root.get("ces");
    assertThat(ces.get("responses").asLong()).isEqualTo(2);
    assertThat(ces.get("mean").asDouble()).isEqualTo(5.0);
    assertThat(ces.get("ci95").get(0).asDouble()).isEqualTo(1.0);
    JsonNode periods = root.get("periods");
    assertThat(periods).hasSize(2);
    assertThat(periods.get(0).get("period").asText()).isEqualTo("2026-W02");
    assertThat(periods.get(0).get("nps").get("responses").asLong()).isEqualTo(2);
    assertThat(periods.get(1).get("period").asText()).isEqualTo("2026-W03");
    assertThat(periods.get(1).get("nps").get("passives").asLong()).isEqualTo(1);
    assertThat(periods.get(1).get("csat").get("responses").asLong()).isEqualTo(2);
    assertThat(root.get("input").get("accepted").asLong()).isEqualTo(9);
    assertThat(root.get("input").get("duplicates").asLong()).isEqualTo(1);
    assertThat(root.get("input").get("rejected").asLong()).isEqualTo(1);
    assertThat(root.has("groups")).isFalse();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 11:");
  }

  @Test
  void run_byChannelMonthly_addsGroups() throws Exception {
    assertThat(run("--period", "month", "--by", "channel")).isZero();
    JsonNode root = json();
    assertThat(root.get("periods").get(0).get("period").asText()).isEqualTo("2026-01");
    JsonNode web = root.get("groups").get("web");
    assertThat(web.get("nps").get("responses").asLong()).isEqualTo(2);
    assertThat(web.get("nps").get("score").asDouble()).isEqualTo(50.0);
    assertThat(root.get("groups").get("email").get("nps").get("score").asDouble())
        .isEqualTo(-100.0);
    assertThat(root.get("groups").get("unknown").get("csat").get("responses").asLong())
        .isEqualTo(2);
    assertThat(web.get("periods").get(0).get("period").asText()).isEqualTo("2026-01");
  }

  @Test
  void run_zone_shiftsDays() throws Exception {
    assertThat(run("--period", "day", "--zone", "Pacific/Kiritimati")).isZero();
    // UTC+14: 2026-01-05T10:00Z is already 2026-01-06 there.
    assertThat(json().get("periods").get(0).get("period").asText()).isEqualTo("2026-01-06");
  }

  @Test
  void run_badPeriod_exitsWith2() throws Exception {
    assertThat(run("--period", "year")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("option --period must be day, week, month or quarter but was 'year'");
  }

  @Test
  void run_badDimension_exitsWith2() throws Exception {
    assertThat(run("--by", "colour")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("option --by must be channel, stage or survey but was 'colour'");
  }

  @Test
  void run_badZone_exitsWith2() throws Exception {
    assertThat(run("--zone", "Mars/Olympus")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("option --zone must be a time zone");
  }
}
