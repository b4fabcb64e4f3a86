package io.cxs.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code cxs clv} in-process on the CDNOW sample. Published BG/NBD estimates: Fader, Hardie
 * and Lee (2005), Marketing Science 24(2): r = 0.243, α = 4.414, a = 0.793, b = 2.426,
 * LL = −9582.4; Gamma-Gamma (Fader, Hardie and Lee 2005, JMR 42(4)): p = 6.25, q = 3.74,
 * γ = 15.44.
 */
final class ClvCommandTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        CxsCommand.standard()
            .run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static String sample() throws URISyntaxException {
    return Path.of(Objects.requireNonNull(ClvCommandTest.class.getResource("/cdnow/CDNOW_sample.txt")).toURI())
        .toString();
  }

  @Test
  void run_cdnowBgNbdWithSpendAndHoldout_printsPublishedFit() throws Exception {
    Path customers = dir.resolve("customers.csv");
    Run r =
        run(
            "clv", "--transactions", sample(), "--format", "cdnow", "--calibration-end", "1997-09-30",
            "--holdout-end", "1998-06-30", "--model", "bgnbd", "--spend", "gamma-gamma",
            "--horizon-weeks", "39", "--discount-rate", "0.001", "--customers-out", customers.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("model").asText()).isEqualTo("bgnbd");
    assertThat(json.get("customers").asInt()).isEqualTo(2357);
    assertThat(json.get("converged").asBoolean()).isTrue();
    assertThat(json.get("logLikelihood").asDouble()).isCloseTo(-9582.4, within(0.1));
    JsonNode p = json.get("params");
    assertThat(p.get("r").asDouble()).isCloseTo(0.243, within(0.003));
    assertThat(p.get("alpha").asDouble()).isCloseTo(4.414, within(0.04));
    assertThat(p.get("a").asDouble()).isCloseTo(0.793, within(0.008));
    assertThat(p.get("b").asDouble()).isCloseTo(2.426, within(0.025));
    JsonNode s = json.get("spend");
    assertThat(s.get("p").asDouble()).isCloseTo(6.25, within(0.06));
    assertThat(s.get("q").asDouble()).isCloseTo(3.74, within(0.04));
    assertThat(s.get("gamma").asDouble()).isCloseTo(15.44, within(0.15));
    assertThat(json.get("holdout").get("actual").asLong()).isEqualTo(1882);
    assertThat(json.get("holdout").get("predicted").asDouble()).isBetween(1600.0, 2100.0);

    List<String> lines = Files.readAllLines(customers);
    assertThat(lines.get(0)).isEqualTo("customer_id,frequency,recency,T,monetary_value,p_alive,expected_purchases,clv");
    assertThat(lines).hasSize(2358);
    // master id 00004 is sample customer 1: x = 2, t_x = 30.43, T = 38.86
    assertThat(lines.get(1)).startsWith("00004,2,30.4286,38.8571,");
  }

  @Test
  void run_paretoNbd_printsItsParameterNames() throws Exception {
    Run r =
        run("clv", "--transactions", sample(), "--format", "cdnow", "--calibration-end", "1997-09-30",
            "--model", "pareto-nbd");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("params").fieldNames()).toIterable().containsExactly("r", "alpha", "s", "beta");
    assertThat(json.get("logLikelihood").asDouble()).isCloseTo(-9595.0, within(0.1));
  }

  @Test
  void run_csvFormat_readsDatesAndInstants() throws Exception {
    Path csv = dir.resolve("t.csv");
    Files.writeString(
        csv,
        "customer_id,date,amount\n"
            + "a,2024-01-01,10\nb,2024-01-02T10:00:00Z,5\na,2024-01-15,7\nc,2024-01-03,1\nb,2024-02-01,3\n"
            + "c,2024-01-20,4\nd,2024-01-05,9\n");
    Run r =
        run("clv", "--transactions", csv.toString(), "--format", "csv", "--calibration-end", "2024-03-01",
            "--model", "mbgnbd");
    assertThat(r.err()).contains("read 7 transactions");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(new ObjectMapper().readTree(r.out()).get("customers").asInt()).isEqualTo(4);
  }

  @Test
  void run_badLine_namesLineAndValue() throws Exception {
    Path csv = dir.resolve("bad.csv");
    Files.writeString(csv, "customer_id,date,amount\na,2024-01-01,10\nb,2024-13-45,5\n");
    Run r =
        run("clv", "--transactions", csv.toString(), "--format", "csv", "--calibration-end", "2024-03-01",
            "--model", "bgnbd");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("line 3: bad date '2024-13-45', expected yyyy-MM-dd or an ISO instant");
  }

  @Test
  void run_badArguments_exitTwoWithUsage() throws Exception {
    Run missing = run("clv", "--transactions", dir.resolve("none.txt").toString(), "--format", "cdnow");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("option --transactions: no readable file").contains("usage: cxs clv");
    Run model =
        run("clv", "--transactions", sample(), "--format", "cdnow", "--calibration-end", "1997-09-30",
            "--model", "nbd");
    assertThat(model.code()).isEqualTo(2);
    assertThat(model.err()).contains("option --model must be bgnbd, pareto-nbd or mbgnbd but was 'nbd'");
    Run date =
        run("clv", "--transactions", sample(), "--format", "cdnow", "--calibration-end", "30/09/1997",
            "--model", "bgnbd");
    assertThat(date.err()).contains("option --calibration-end must be a date YYYY-MM-DD but was '30/09/1997'");
  }
}
