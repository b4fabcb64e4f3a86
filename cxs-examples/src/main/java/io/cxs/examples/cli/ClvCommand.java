package io.cxs.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxs.metrics.clv.BgNbdModel;
import io.cxs.metrics.clv.CalibrationHoldout;
import io.cxs.metrics.clv.ClvCalculator;
import io.cxs.metrics.clv.GammaGammaModel;
import io.cxs.metrics.clv.HoldoutComparison;
import io.cxs.metrics.clv.MbgNbdModel;
import io.cxs.metrics.clv.ModelFit;
import io.cxs.metrics.clv.ParetoNbdModel;
import io.cxs.metrics.clv.PeriodUnit;
import io.cxs.metrics.clv.PurchaseModel;
import io.cxs.metrics.clv.RfmSummaries;
import io.cxs.metrics.clv.RfmSummary;
import io.cxs.metrics.clv.Transaction;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cxs clv}: fits a customer-base model (BG/NBD, Pareto/NBD or MBG/NBD, optionally with
 * Gamma-Gamma spend) to a transaction file and prints the fit as JSON. Times are in weeks. With
 * {@code --holdout-end} it also compares the forecast of the holdout period with the repeat
 * purchase days that happened; with {@code --customers-out} it writes P(alive), expected purchases
 * and CLV over {@code --horizon-weeks} (default 52) per customer, discounted at
 * {@code --discount-rate} per week (default 0).
 */
final class ClvCommand implements Subcommand {
  private static final DateTimeFormatter CDNOW_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  @Override
  public String name() {
    return "clv";
  }

  @Override
  public String usage() {
    return "clv --transactions FILE --format cdnow|csv --calibration-end YYYY-MM-DD [--holdout-end YYYY-MM-DD]"
        + " --model bgnbd|pareto-nbd|mbgnbd [--spend gamma-gamma] [--horizon-weeks N] [--discount-rate R]"
        + " [--customers-out FILE.csv]";
  }

  @Override
  public int run(Args args, PrintStream out, PrintStream err) throws Exception {
    Path file = args.existingFile("transactions");
    String format = args.required("format");
    if (!format.equals("cdnow") && !format.equals("csv")) {
      throw new UsageException("option --format must be cdnow or csv but was '" + format + "'");
    }
    LocalDate calibrationEnd = date(args, "calibration-end").orElseThrow(
        () -> new UsageException("option --calibration-end is required"));
    Optional<LocalDate> holdoutEnd = date(args, "holdout-end");
    String model = args.required("model");
    if (!List.of("bgnbd", "pareto-nbd", "mbgnbd").contains(model)) {
      throw new UsageException("option --model must be bgnbd, pareto-nbd or mbgnbd but was '" + model + "'");
    }
    Optional<String> spend = args.optional("spend");
    if (spend.isPresent() && !spend.get().equals("gamma-gamma")) {
      throw new UsageException("option --spend must be gamma-gamma but was '" + spend.get() + "'");
    }
    int horizon = args.intOption("horizon-weeks", 52);
    if (horizon <= 0) {
      throw new UsageException("option --horizon-weeks must be positive but was " + horizon);
    }
    double discountRate = args.doubleOption("discount-rate", 0);
    if (!(discountRate > -1) || !Double.isFinite(discountRate)) {
      throw new UsageException("option --discount-rate must be greater than -1 but was " + discountRate);
    }
    Optional<Path> customersOut = args.optional("customers-out").map(Path::of);
    if (customersOut.isPresent() && spend.isEmpty()) {
      throw new UsageException("option --customers-out needs --spend gamma-gamma for the clv column");
    }
    if (holdoutEnd.isPresent() && !holdoutEnd.get().isAfter(calibrationEnd)) {
      throw new UsageException(
          "option --holdout-end must be after --calibration-end " + calibrationEnd + " but was " + holdoutEnd.get());
    }
    args.finish();

    List<Transaction> transactions = format.equals("cdnow") ? readCdnow(file) : readCsv(file);
    err.println("cxs clv: read " + transactions.size() + " transactions");
    List<RfmSummary> summaries = RfmSummaries.fromTransactions(transactions, calibrationEnd, PeriodUnit.WEEKS);
    if (summaries.isEmpty()) {
      throw new IllegalArgumentException("no customer has a purchase on or before " + calibrationEnd);
    }
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode result = json.createObjectNode();
    ModelFit<? extends PurchaseModel> fit = fit(model, summaries);
    result.put("model", model);
    result.put("customers", summaries.size());
    ObjectNode params = result.putObject("params");
    for (Map.Entry<String, Double> p : fit.model().parameters().entrySet()) {
      params.put(p.getKey(), p.getValue());
    }
    result.put("logLikelihood", fit.logLikelihood());
    result.put("converged", fit.diagnostics().converged());
    result.put("iterations", fit.diagnostics().iterations());
    result.put("gradientNorm", fit.diagnostics().gradientNorm());
    Optional<GammaGammaModel> spendModel = Optional.empty();
    if (spend.isPresent()) {
      ModelFit<GammaGammaModel> gg = GammaGammaModel.fit(summaries);
      spendModel = Optional.of(gg.model());
      ObjectNode s = result.putObject("spend");
      for (Map.Entry<String, Double> p : gg.model().parameters().entrySet()) {
        s.put(p.getKey(), p.getValue());
      }
      s.put("customers", gg.sampleSize());
      s.put("logLikelihood", gg.logLikelihood());
    }
    if (holdoutEnd.isPresent()) {
      CalibrationHoldout split =
          RfmSummaries.calibrationAndHoldout(transactions, calibrationEnd, holdoutEnd.get(), PeriodUnit.WEEKS);
      HoldoutComparison c = split.compare(fit.model());
      ObjectNode h = result.putObject("holdout");
      h.put("weeks", split.holdoutLength());
      h.put("actual", c.actual());
      h.put("predicted", c.predicted());
    }
    if (customersOut.isPresent()) {
      ClvCalculator clv =
          ClvCalculator.builder(fit.model(), spendModel.orElseThrow()).horizon(horizon).discountRate(discountRate).build();
      writeCustomers(customersOut.get(), summaries, fit.model(), clv);
      result.put("horizonWeeks", horizon);
      result.put("discountRate", discountRate);
    }
    out.println(json.writeValueAsString(result));
    return 0;
  }

  private static ModelFit<? extends PurchaseModel> fit(String model, List<RfmSummary> summaries) {
    switch (model) {
      case "bgnbd":
        return BgNbdModel.fit(summaries);
      case "pareto-nbd":
        return ParetoNbdModel.fit(summaries);
      default:
        return MbgNbdModel.fit(summaries);
    }
  }

  private static Optional<LocalDate> date(Args args, String name) {
    return args.optional(name)
        .map(
            v -> {
              try {
                return LocalDate.parse(v);
              } catch (DateTimeParseException e) {
                throw new UsageException("option --" + name + " must be a date YYYY-MM-DD but was '" + v + "'");
              }
            });
  }

  private static void writeCustomers(Path path, List<RfmSummary> summaries, PurchaseModel model, ClvCalculator clv)
      throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
      w.write("customer_id,frequency,recency,T,monetary_value,p_alive,expected_purchases,clv\n");
      for (RfmSummary s : summaries) {
        w.write(
            String.format(
                Locale.ROOT,
                "%s,%d,%.4f,%.4f,%.4f,%.6f,%.6f,%.4f%n",
                s.customerId(),
                s.frequency(),
                s.recency(),
                s.age(),
                s.monetaryValue(),
                model.probabilityAlive(s),
                clv.expectedPurchases(s),
                clv.clv(s)));
      }
    }
  }

  /** CDNOW_sample.txt (master id, sample id, date, CDs, dollars) or CDNOW_master.txt (id, date, CDs, dollars). */
  static List<Transaction> readCdnow(Path file) throws IOException {
    List<Transaction> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int lineNo = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lineNo++;
        String trimmed = line.trim();
        if (trimmed.isEmpty()) {
          continue;
        }
        String[] f = trimmed.split("\\s+");
        if (out.isEmpty() && lineNo == 1 && !f[0].chars().allMatch(Character::isDigit)) {
          continue; // header
        }
        if (f.length != 4 && f.length != 5) {
          throw new IllegalArgumentException(
              "line " + lineNo + ": expected 4 or 5 whitespace-separated fields but found " + f.length + ": '"
                  + trimmed + "'");
        }
        int dateField = f.length - 3;
        LocalDate date;
        try {
          date = LocalDate.parse(f[dateField], CDNOW_DATE);
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException("line " + lineNo + ": bad date '" + f[dateField] + "', expected yyyymmdd");
        }
        out.add(new Transaction(f[0], date, amount(f[f.length - 1], lineNo)));
      }
    }
    return out;
  }

  /** {@code customer_id,date,amount} with a header; date is yyyy-MM-dd or an ISO instant (its UTC day). */
  static List<Transaction> readCsv(Path file) throws IOException {
    List<Transaction> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = r.readLine();
      if (header == null || !header.trim().replace(" ", "").equalsIgnoreCase("customer_id,date,amount")) {
        throw new IllegalArgumentException(
            "line 1: expected the header 'customer_id,date,amount' but was '" + header + "'");
      }
      int lineNo = 1;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",", -1);
        if (f.length != 3) {
          throw new IllegalArgumentException(
              "line " + lineNo + ": expected 3 comma-separated fields but found " + f.length + ": '" + line + "'");
        }
        String id = f[0].trim();
        if (id.isEmpty()) {
          throw new IllegalArgumentException("line " + lineNo + ": empty customer_id");
        }
        out.add(new Transaction(id, csvDate(f[1].trim(), lineNo), amount(f[2].trim(), lineNo)));
      }
    }
    return out;
  }

  private static LocalDate csvDate(String v, int lineNo) {
    try {
      return v.length() == 10 ? LocalDate.parse(v) : LocalDate.ofInstant(Instant.parse(v), ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "line " + lineNo + ": bad date '" + v + "', expected yyyy-MM-dd or an ISO instant");
    }
  }

  private static double amount(String v, int lineNo) {
    double a;
    try {
      a = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("line " + lineNo + ": bad amount '" + v + "'");
    }
    if (!Double.isFinite(a) || a < 0) {
      throw new IllegalArgumentException("line " + lineNo + ": amount must be finite and at least 0 but was '" + v + "'");
    }
    return a;
  }
}
