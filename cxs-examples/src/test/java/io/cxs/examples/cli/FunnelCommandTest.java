package io.cxs.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxs.journey.funnel.EventPredicate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cxs funnel} with property conditions on steps and exclusions. */
final class FunnelCommandTest {
  @TempDir
  Path dir;
  private Path events;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private static String track(String id, String user, String event, String minute,
      String properties) {
    return "{\"type\":\"track\",\"messageId\":\"" + id + "\",\"userId\":\"" + user
        + "\",\"event\":\"" + event + "\",\"timestamp\":\"2026-03-01T10:" + minute + ":00Z\","
        + "\"properties\":" + properties + "}";
  }

  @BeforeEach
  void writeEvents() throws Exception {
    events = dir.resolve("events.jsonl");
    Files.write(events, List.of(
        track("1", "shoes", "Viewed", "00", "{}"),
        track("2", "shoes", "Order Completed", "05", "{\"category\":\"shoes\",\"qty\":1}"),
        track("3", "bags", "Viewed", "00", "{}"),
        track("4", "bags", "Order Completed", "05", "{\"category\":\"bags\",\"qty\":1.0}"),
        track("5", "refund", "Viewed", "00", "{}"),
        track("6", "refund", "Refund", "01", "{\"reason\":\"damaged, torn\"}"),
        track("7", "refund", "Order Completed", "05", "{\"category\":\"shoes\",\"qty\":2}")),
        StandardCharsets.UTF_8);
  }

  private int exec(String... args) {
    return CxsCommand.standard().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private JsonNode run(String... args) throws Exception {
    assertThat(exec(args)).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void funnel_stepWithProperty_countsOnlyMatchingEvents() throws Exception {
    JsonNode r = run("funnel", "--events", events.toString(), "--steps",
        "Viewed,Order Completed[category=shoes]", "--dropped");

    JsonNode steps = r.get("steps");
    assertThat(steps.get(1).get("name").asText()).isEqualTo("Order Completed[category=shoes]");
    assertThat(steps.get(0).get("count").asLong()).isEqualTo(3);
    assertThat(steps.get(1).get("count").asLong()).isEqualTo(2);
    assertThat(r.get("dropped").get("Order Completed[category=shoes]").toString())
        .isEqualTo("[\"bags\"]");
  }

  @Test
  void funnel_numericValue_isAJsonNumber() throws Exception {
    JsonNode r = run("funnel", "--events", events.toString(), "--steps",
        "Viewed,Order Completed[qty=1]", "--dropped");

    // qty 1 and qty 1.0 both match; qty 2 does not
    assertThat(r.get("steps").get(1).get("count").asLong()).isEqualTo(2);
    assertThat(r.get("dropped").get("Order Completed[qty=1]").toString())
        .isEqualTo("[\"refund\"]");
  }

  @Test
  void funnel_quotedValueWithComma_andSeveralConditions() throws Exception {
    JsonNode r = run("funnel", "--events", events.toString(), "--steps",
        "Viewed,Order Completed[category=shoes, qty=2]?,Order Completed",
        "--exclude", "Refund[reason=\"damaged, torn\"],Nothing[k=v]", "--dropped");

    JsonNode steps = r.get("steps");
    assertThat(steps).hasSize(3);
    assertThat(steps.get(1).get("optional").asBoolean()).isTrue();
    // "refund" is excluded before its order; the other two convert without the optional step
    assertThat(steps.get(1).get("count").asLong()).isZero();
    assertThat(steps.get(2).get("count").asLong()).isEqualTo(2);
    assertThat(r.get("dropped").get("Order Completed").toString()).isEqualTo("[\"refund\"]");
  }

  @Test
  void funnel_badStepSyntax_isAUsageErrorNamingTheStep() {
    assertThat(exec("funnel", "--events", events.toString(), "--steps",
        "Viewed,Order Completed[category]")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("option --steps: bad step"
        + " 'Order Completed[category]': a property condition must be key=value");
  }

  @Test
  void predicate_parsesScalars() {
    assertThat(StepSyntax.predicate("steps", "E[s=shoes, n=2, f=1.50, b=true, q=\"2\"]"))
        .isEqualTo(EventPredicate.of("E").withProperty("s", "shoes").withProperty("n", 2L)
            .withProperty("f", new BigDecimal("1.5")).withProperty("b", true)
            .withProperty("q", "2"));
    assertThat(StepSyntax.predicate("steps", "Plain Event")).isEqualTo(EventPredicate.of("Plain Event"));
    assertThat(StepSyntax.predicate("steps", "E[note=\"a]b,c=d \\\"x\\\"\"]").properties())
        .isEqualTo(Map.of("note", "a]b,c=d \"x\""));
  }

  @Test
  void predicate_badSyntax_namesTheStepText() {
    assertBad("E[", "property conditions must end the step with ']'");
    assertBad("E[]", "a property condition must be key=value");
    assertBad("E[k=v,]", "a property condition must be key=value");
    assertBad("[k=v]", "the event name before '[' is empty");
    assertBad("E]", "']' without '['");
    assertBad("E[k=]", "the value of property 'k' is empty");
    assertBad("E[=v]", "a property key must be non-empty text without quotes, commas or brackets"
        + " but was ''");
    assertBad("E[k=null]", "null is not a value a property condition can require");
    assertBad("E[k=\"open]", "a quoted value has no closing '\"'");
    assertBad("E[k=\"a\"b]", "expected ',' or ']' after a quoted value");
    assertBad("E[k=v][x=y]", "an unquoted value must not contain brackets or quotes but was"
        + " 'v][x=y'");
    assertBad("E[k=1,k=2]", "property 'k' already has a condition (1) but was given another (2)");
  }

  private static void assertBad(String step, String why) {
    assertThatThrownBy(() -> StepSyntax.predicate("steps", step))
        .isInstanceOf(UsageException.class)
        .hasMessage("option --steps: bad step '" + step + "': " + why);
  }

  @Test
  void split_ignoresCommasInsideBracketsAndQuotes() {
    assertThat(StepSyntax.split("steps", "A, B[x=1,y=\"p,q]\"]?, C"))
        .containsExactly("A", "B[x=1,y=\"p,q]\"]?", "C");
    assertThatThrownBy(() -> StepSyntax.split("steps", "A,,B"))
        .isInstanceOf(UsageException.class)
        .hasMessage("option --steps has an empty item in 'A,,B'");
  }
}
