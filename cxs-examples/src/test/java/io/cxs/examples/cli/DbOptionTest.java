package io.cxs.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --db} on the commands that load events: ingest once, analyse later without a file. */
final class DbOptionTest {
  @TempDir
  Path dir;
  private String events;
  private String db;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void writeEvents() {
    events = dir.resolve("events.jsonl").toString();
    db = "jdbc:h2:" + dir.resolve("cxs").toAbsolutePath();
    assertThat(run("demo", "--customers", "200", "--write", events)).isZero();
  }

  private int run(String... args) {
    out.reset();
    err.reset();
    return CxsCommand.standard().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private JsonNode json(String... args) throws Exception {
    assertThat(run(args)).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
  }

  private static String[] with(String[] base, String... more) {
    List<String> all = new ArrayList<>(List.of(base));
    all.addAll(List.of(more));
    return all.toArray(new String[0]);
  }

  @Test
  void profileThenFunnel_withoutEvents_sameNumbersAsInMemory() throws Exception {
    JsonNode stored = json("profile", "--events", events, "--db", db);
    assertThat(stored.get("events").get("accepted").asLong()).isPositive();
    String[] funnel = {"funnel", "--steps", "Product Viewed,Product Added,Order Completed"};

    JsonNode memory = json(with(funnel, "--events", events));
    JsonNode fromDb = json(with(funnel, "--db", db));

    assertThat(memory.get("entered").asLong()).isPositive();
    assertThat(fromDb).isEqualTo(memory);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("using jdbc:h2:");
  }

  @Test
  void kpi_fromTheDatabase_sameNumbersAsInMemory() throws Exception {
    json("profile", "--events", events, "--db", db);
    JsonNode memory = json("kpi", "--events", events, "--period", "month");
    JsonNode fromDb = json("kpi", "--db", db, "--period", "month");
    assertThat(memory.at("/nps/responses").asLong()).isPositive();
    assertThat(fromDb.get("nps")).isEqualTo(memory.get("nps"));
    assertThat(fromDb.get("csat")).isEqualTo(memory.get("csat"));
    assertThat(fromDb.get("periods")).isEqualTo(memory.get("periods"));
  }

  @Test
  void profileAgain_withoutEvents_seesWhatTheDatabaseHolds() throws Exception {
    JsonNode first = json("profile", "--events", events, "--db", db);
    JsonNode again = json("profile", "--db", db);
    assertThat(again.get("events").get("accepted").asLong()).isZero();
    assertThat(again.get("customers")).isEqualTo(first.get("customers"));
    assertThat(again.get("touchpoints")).isEqualTo(first.get("touchpoints"));
    assertThat(again.get("merges")).isEqualTo(first.get("merges"));
  }

  @Test
  void ingestTwice_duplicatesAreSkipped() throws Exception {
    JsonNode first = json("profile", "--events", events, "--db", db);
    JsonNode second = json("profile", "--events", events, "--db", db);
    assertThat(second.get("touchpoints")).isEqualTo(first.get("touchpoints"));
    assertThat(second.get("events").get("duplicates").asLong())
        .isGreaterThanOrEqualTo(first.get("touchpoints").asLong());
  }

  @Test
  void retentionAndPaths_fromDatabase_sameAsInMemory() throws Exception {
    json("profile", "--events", events, "--db", db);
    String[] retention = {"retention", "--period", "month"};
    JsonNode memory = json(with(retention, "--events", events));
    JsonNode fromDb = json(with(retention, "--db", db));
    assertThat(fromDb.get("cohorts")).isEqualTo(memory.get("cohorts"));

    String[] paths = {"paths", "--from", "Product Viewed"};
    assertThat(json(with(paths, "--db", db))).isEqualTo(json(with(paths, "--events", events)));
  }

  @Test
  void noEventsNoDb_isAUsageError() {
    assertThat(run("funnel", "--steps", "A,B")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("option --events is required without --db");
  }

  @Test
  void unsupportedDb_isAUsageError() {
    assertThat(run("paths", "--db", "jdbc:mysql://h/db?password=secret", "--to", "X"))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("option --db must be a jdbc:h2: or jdbc:postgresql: URL")
        .doesNotContain("secret");
  }

  @Test
  void usage_everyEventCommandMentionsDb() {
    for (Subcommand c : List.of(new ProfileCommand(), new FunnelCommand(), new PathsCommand(),
        new JourneyCommand(), new RetentionCommand(), new SimulateCommand())) {
      assertThat(c.usage()).as(c.name()).contains(Engines.DB_USAGE);
    }
  }
}
