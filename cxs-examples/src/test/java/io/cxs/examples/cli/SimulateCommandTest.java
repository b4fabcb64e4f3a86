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

final class SimulateCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private static Path resource(String name) throws Exception {
    return Path.of(SimulateCommandTest.class.getResource("/" + name).toURI());
  }

  private int run(String... args) {
    return CxsCommand.standard().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static List<String> rows(JsonNode list) {
    List<String> rows = new ArrayList<>();
    for (JsonNode n : list) {
      rows.add(n.get("at").asText() + " " + n.get("rule").asText() + " "
          + n.get("customer").asText() + " " + n.get("occurrence").asText() + " "
          + n.get("status").asText() + (n.has("detail") ? " | " + n.get("detail").asText() : ""));
    }
    return rows;
  }

  @Test
  void run_exampleFiles_printsEveryActionAndSuppression() throws Exception {
    int code = run("simulate", "--events", resource("actions-events.jsonl").toString(),
        "--rules", resource("actions-rules.json").toString());
    assertThat(code).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(json.get("events").asLong()).isEqualTo(17);
    assertThat(json.get("duplicates").asLong()).isEqualTo(1);
    assertThat(json.get("rejected").asLong()).isEqualTo(1);
    assertThat(rows(json.get("actions"))).containsExactly(
        // c-5's first two carts are reminded an hour later
        "2026-03-02T09:00:00Z cart-abandonment c-5 m16 sent",
        "2026-03-02T10:30:00Z cart-abandonment c-5 m17 sent",
        "2026-03-02T11:00:00Z cart-abandonment c-1 m10 sent",
        // internal actions: a detractor and a complaint open cases
        "2026-03-02T15:00:00Z detractor-follow-up c-4 m15 sent",
        "2026-03-02T16:00:00Z complaint-follow-up c-4 m20 sent",
        // 21:30Z is 22:30 in Berlin: quiet until 08:00 Berlin = 07:00Z
        "2026-03-03T07:00:00Z cart-abandonment c-6 m19 sent | deferred by quiet hours",
        // delivered on the 3rd at 09:00, asked one day later
        "2026-03-04T09:00:00Z ask-for-feedback c-2 m13 sent");
    assertThat(rows(json.get("suppressions"))).containsExactly(
        "2026-03-02T13:00:00Z cart-abandonment c-3 m14 suppressed"
            + " | no consent for purpose 'marketing' on channel email",
        "2026-03-02T14:00:00Z cart-abandonment c-5 m18 suppressed"
            + " | frequency cap: 2 messages in the last PT168H (max 2)");
    JsonNode first = json.get("actions").get(0);
    assertThat(first.get("channel").asText()).isEqualTo("email");
    assertThat(first.get("reason").asText()).isEqualTo("rule 'cart-abandonment': Product Added"
        + " not followed by Order Completed within PT1H (occurrence m16 at 2026-03-02T08:00:00Z)");
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("actions-events.jsonl:19: event is missing in track event m21");
  }

  @Test
  void run_withoutRules_isAUsageError() throws Exception {
    int code = run("simulate", "--events", resource("actions-events.jsonl").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("option --rules is required")
        .contains("usage: cxs simulate --events FILE.jsonl --rules RULES.json");
  }

  @Test
  void run_invalidRulesFile_namesTheField(@TempDir Path dir) throws Exception {
    Path rules = dir.resolve("rules.json");
    Files.writeString(rules, "{\"rules\":[{\"id\":\"r\",\"when\":{\"event\":\"A\"},"
        + "\"notFollowedBy\":{\"event\":\"B\"},\"within\":\"one hour\","
        + "\"actions\":[{\"type\":\"email\"}]}]}");
    int code = run("simulate", "--events", resource("actions-events.jsonl").toString(),
        "--rules", rules.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(
        "rules[0].within must be an ISO-8601 duration such as PT1H or P7D but was 'one hour'");
  }

  @Test
  void run_outboundActionWithoutPurpose_isRejected(@TempDir Path dir) throws Exception {
    Path rules = dir.resolve("rules.json");
    Files.writeString(rules, "{\"rules\":[{\"id\":\"r\",\"when\":{\"event\":\"A\"},"
        + "\"actions\":[{\"type\":\"sms\",\"channel\":\"sms\"}]}]}");
    int code = run("simulate", "--events", resource("actions-events.jsonl").toString(),
        "--rules", rules.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("rules[0].actions[0].purpose must be a non-blank string but was missing");
  }

  @Test
  void parse_conditionsAndPatterns_buildTheRules() throws Exception {
    JsonNode root = new ObjectMapper().readTree("{\"rules\":[{\"id\":\"vip-detractor\","
        + "\"when\":{\"feedback\":\"nps\",\"minScore\":0,\"maxScore\":6},"
        + "\"conditions\":[{\"segment\":\"vip\"},{\"stage\":\"loyalty\"},"
        + "{\"not\":{\"trait\":\"plan\",\"equals\":\"free\"}},"
        + "{\"lastScore\":{\"survey\":\"csat\",\"max\":2}}],"
        + "\"actions\":[{\"type\":\"call\",\"params\":{\"queue\":\"vip\"}}]}]}");
    RulesFile f = RulesFile.parse(root);
    assertThat(f.rules).hasSize(1);
    assertThat(f.rules.get(0).trigger().first().toString()).isEqualTo("survey nps score 0..6");
    assertThat(f.rules.get(0).conditions()).extracting(c -> c.describe()).containsExactly(
        "trait segment = vip", "stage = loyalty", "not (trait plan = free)",
        "last csat score at most 2");
    assertThat(f.rules.get(0).actions().get(0).outbound()).isFalse();
    assertThat(f.policy.maxMessages()).isEqualTo(2);
  }
}
