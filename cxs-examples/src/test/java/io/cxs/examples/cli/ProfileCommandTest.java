package io.cxs.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

final class ProfileCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return CxsCommand.standard().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String small() throws URISyntaxException {
    return Path.of(ProfileCommandTest.class.getResource("/small.jsonl").toURI()).toString();
  }

  @Test
  void profile_summarizesIdentityResolution() throws Exception {
    assertThat(run("profile", "--events", small())).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(json.at("/events/accepted").asLong()).isEqualTo(7);
    assertThat(json.at("/events/duplicates").asLong()).isEqualTo(1);
    assertThat(json.at("/events/rejected").asLong()).isEqualTo(2);
    // a-9 became c-42; a-7 and c-7 share bob's e-mail: two customers, both identified
    assertThat(json.at("/customers").asLong()).isEqualTo(2);
    assertThat(json.at("/identified").asLong()).isEqualTo(2);
    assertThat(json.at("/merges").asLong()).isEqualTo(2);
    String errors = err.toString(StandardCharsets.UTF_8);
    assertThat(errors).contains("line 6: json").contains("line 9: score");
  }

  @Test
  void profile_customer_printsThe360View() throws Exception {
    assertThat(run("profile", "--events", small(), "--customer", "anonymous_id:a-9")).isZero();
    JsonNode view = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(view.at("/customer/id").asText()).isEqualTo("c-42");
    assertThat(view.at("/customer/traits/name").asText()).isEqualTo("Ann");
    assertThat(view.at("/touchpoints")).hasSize(2);
    assertThat(view.at("/touchpoints/1/value/amount").decimalValue()).isEqualByComparingTo("19.99");
    assertThat(view.at("/feedback/0/score").asInt()).isEqualTo(9);
  }

  @Test
  void profile_missingFile_exitsWithUsageError() {
    assertThat(run("profile", "--events", "no-such-file.jsonl")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no readable file 'no-such-file.jsonl'");
  }

  @Test
  void unknownOptionOrCommand_exitsWithUsageError() throws Exception {
    assertThat(run("profile", "--events", small(), "--colour", "red")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --colour");
    assertThat(run("frobnicate")).isEqualTo(2);
  }

  @Test
  void demo_runsAndWritesReadableEvents(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path file = dir.resolve("shop.jsonl");
    assertThat(run("demo", "--customers", "300", "--write", file.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Customers:").contains("NPS +")
        .contains("Funnel, 7-day window").contains("Monthly purchase cohorts")
        .contains("cart-abandonment");
    out.reset();
    assertThat(run("profile", "--events", file.toString())).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(json.at("/events/rejected").asLong()).isZero();
    assertThat(json.at("/customers").asLong()).isEqualTo(300);
    assertThat(json.at("/events/duplicates").asLong()).isPositive();
  }
}
