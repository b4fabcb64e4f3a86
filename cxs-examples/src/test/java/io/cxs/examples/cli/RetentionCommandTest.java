package io.cxs.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * retention.jsonl: a-1 buys in January anonymously, identifies as u-1 and buys again on 3
 * February; u-2 buys in January and views a product in February (its March order repeats message
 * id r4 and is a duplicate); u-3 buys at 23:30 UTC on 28 February (1 March in Berlin) and on 10
 * March; one line is not JSON.
 */
final class RetentionCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return CxsCommand.standard().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String file() throws URISyntaxException {
    return Path.of(RetentionCommandTest.class.getResource("/retention.jsonl").toURI()).toString();
  }

  private JsonNode json() throws Exception {
    return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
  }

  private static List<Integer> active(JsonNode cohort) {
    List<Integer> a = new ArrayList<>();
    cohort.get("retention").forEach(c -> a.add(c.get("active").asInt()));
    return a;
  }

  @Test
  void retention_monthlyPurchases_knownAnswers() throws Exception {
    assertThat(run("retention", "--events", file(), "--period", "month", "--purchase-event", "Order Completed"))
        .isZero();
    JsonNode j = json();
    assertThat(j.at("/events/accepted").asInt()).isEqualTo(7);
    assertThat(j.at("/events/duplicates").asInt()).isEqualTo(1);
    assertThat(j.at("/events/rejected").asInt()).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 8");
    assertThat(j.at("/period").asText()).isEqualTo("month");
    assertThat(j.at("/activity").asText()).isEqualTo("purchase");
    // a-1 and u-1 are one customer
    assertThat(j.at("/customers").asInt()).isEqualTo(3);
    assertThat(j.at("/cohorts/0/cohort").asText()).isEqualTo("2026-01");
    assertThat(j.at("/cohorts/0/customers").asInt()).isEqualTo(2);
    assertThat(active(j.at("/cohorts/0"))).containsExactly(2, 1, 0);
    assertThat(j.at("/cohorts/0/retention/0/rate").asDouble()).isEqualTo(1.0);
    assertThat(j.at("/cohorts/0/retention/1/rate").asDouble()).isEqualTo(0.5);
    assertThat(j.at("/cohorts/1/cohort").asText()).isEqualTo("2026-02");
    assertThat(active(j.at("/cohorts/1"))).containsExactly(1, 1);
    assertThat(j.at("/churn/0/period").asText()).isEqualTo("2026-02");
    assertThat(j.at("/churn/0/activeBefore").asInt()).isEqualTo(2);
    assertThat(j.at("/churn/0/retained").asInt()).isEqualTo(1);
    assertThat(j.at("/churn/0/churnRate").asDouble()).isEqualTo(0.5);
    assertThat(j.at("/churn/1/period").asText()).isEqualTo("2026-03");
    assertThat(j.at("/churn/1/activeBefore").asInt()).isEqualTo(2); // u-1 and u-3
    assertThat(j.at("/churn/1/retained").asInt()).isEqualTo(1); // u-3; u-2's March order was a duplicate
    assertThat(j.at("/churn/1/churned").asInt()).isEqualTo(1);
    assertThat(j.at("/churn/1/retentionRate").asDouble()).isEqualTo(0.5);
    assertThat(j.at("/repeatPurchaseRate").asDouble()).isEqualTo(2 / 3.0);
  }

  @Test
  void retention_berlinZone_movesTheMidnightOrderToMarch() throws Exception {
    assertThat(run("retention", "--events", file(), "--period", "month", "--zone", "Europe/Berlin")).isZero();
    JsonNode j = json();
    assertThat(j.at("/zone").asText()).isEqualTo("Europe/Berlin");
    assertThat(j.at("/cohorts/1/cohort").asText()).isEqualTo("2026-03");
    assertThat(active(j.at("/cohorts/1"))).containsExactly(1);
    assertThat(j.at("/churn/1/activeBefore").asInt()).isEqualTo(1);
    assertThat(j.at("/churn/1/churnRate").asDouble()).isEqualTo(1.0);
  }

  @Test
  void retention_anyActivity_countsTheProductView() throws Exception {
    assertThat(run("retention", "--events", file(), "--period", "month", "--activity", "any")).isZero();
    JsonNode j = json();
    assertThat(active(j.at("/cohorts/0"))).containsExactly(2, 2, 0);
    assertThat(j.at("/churn/1/activeBefore").asInt()).isEqualTo(3);
    assertThat(j.at("/churn/1/retained").asInt()).isEqualTo(1);
  }

  @Test
  void retention_isoWeeks_labelsWeeks() throws Exception {
    assertThat(run("retention", "--events", file(), "--period", "week")).isZero();
    JsonNode j = json();
    assertThat(j.at("/cohorts/0/cohort").asText()).isEqualTo("2026-W03"); // 15 January 2026
    // the empty week after a purchase week has nobody active before it: a null rate
    assertThat(j.at("/churn").findValues("churnRate")).anyMatch(JsonNode::isNull);
  }

  @Test
  void retention_badArguments_exitWithUsageError() throws Exception {
    assertThat(run("retention", "--events", file(), "--period", "year")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("option --period must be day, week, month or quarter but was 'year'");
    assertThat(run("retention", "--events", file(), "--period", "day", "--zone", "Mars/Olympus")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("option --zone must be a time zone");
    assertThat(run("retention", "--events", file(), "--period", "day", "--activity", "visit")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("option --activity must be any or purchase but was 'visit'");
  }
}
