package io.cxs.metrics.clv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The CDNOW sample (test resources {@code cdnow/}; provenance in {@code cdnow/README.md}): 2,357
 * customers, calibration to 1997-09-30, holdout to 1998-06-30. Customer ids are the sample ids.
 */
final class Cdnow {
  static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
  static final LocalDate HOLDOUT_END = LocalDate.of(1998, 6, 30);
  private static List<Transaction> transactions;
  private static List<RfmSummary> summaries;

  private Cdnow() {}

  static synchronized List<Transaction> transactions() {
    if (transactions == null) {
      List<Transaction> out = new ArrayList<>();
      for (String line : lines("cdnow/CDNOW_sample.txt")) {
        String[] f = line.trim().split("\\s+");
        if (f.length == 5) {
          out.add(
              new Transaction(String.valueOf(Integer.parseInt(f[1])), LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE), Double.parseDouble(f[4])));
        }
      }
      transactions = List.copyOf(out);
    }
    return transactions;
  }

  static synchronized List<RfmSummary> summaries() {
    if (summaries == null) {
      summaries = RfmSummaries.fromTransactions(transactions(), CALIBRATION_END, PeriodUnit.WEEKS);
    }
    return summaries;
  }

  static List<String> lines(String resource) {
    try (InputStream in = Objects.requireNonNull(Cdnow.class.getClassLoader().getResourceAsStream(resource), resource);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String> out = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.isBlank()) {
          out.add(line);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
