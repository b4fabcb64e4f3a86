package io.cxs.examples;

import io.cxs.metrics.clv.BgNbdModel;
import io.cxs.metrics.clv.CalibrationHoldout;
import io.cxs.metrics.clv.ClvCalculator;
import io.cxs.metrics.clv.GammaGammaModel;
import io.cxs.metrics.clv.ModelFit;
import io.cxs.metrics.clv.PeriodUnit;
import io.cxs.metrics.clv.RfmSummaries;
import io.cxs.metrics.clv.RfmSummary;
import io.cxs.metrics.clv.Transaction;
import io.cxs.metrics.rfm.RfmScore;
import io.cxs.metrics.rfm.RfmScores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Predictive CLV on the CDNOW sample: {@code java -cp cxs.jar io.cxs.examples.ClvExample
 * CDNOW_sample.txt}. Builds the RFM summary, fits BG/NBD and Gamma-Gamma, checks the holdout
 * forecast, and prints the top customers by 52-week CLV and the RFM segment sizes.
 */
public final class ClvExample {
  private ClvExample() {}

  /**
   * @param args the path of CDNOW_sample.txt
   * @throws IOException if the file cannot be read
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ClvExample CDNOW_sample.txt");
      System.exit(2);
    }
    List<Transaction> transactions = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 5) { // master id, sample id, yyyymmdd, CDs, dollars
        transactions.add(
            new Transaction(f[0], LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE), Double.parseDouble(f[4])));
      }
    }
    LocalDate calibrationEnd = LocalDate.of(1997, 9, 30);
    CalibrationHoldout split =
        RfmSummaries.calibrationAndHoldout(transactions, calibrationEnd, LocalDate.of(1998, 6, 30), PeriodUnit.WEEKS);
    List<RfmSummary> summaries = split.calibration();

    ModelFit<BgNbdModel> purchases = BgNbdModel.fit(summaries);
    ModelFit<GammaGammaModel> spend = GammaGammaModel.fit(summaries);
    System.out.printf("BG/NBD %s, LL %.1f%n", purchases.model().parameters(), purchases.logLikelihood());
    System.out.printf("Gamma-Gamma %s%n", spend.model().parameters());
    System.out.printf("holdout: %s%n", split.compare(purchases.model()));

    ClvCalculator clv = ClvCalculator.builder(purchases.model(), spend.model()).horizon(52).discountRate(0.0015).build();
    summaries.stream()
        .sorted((p, q) -> Double.compare(clv.clv(q), clv.clv(p)))
        .limit(5)
        .forEach(
            s ->
                System.out.printf(
                    "customer %s: x=%d P(alive)=%.3f E[purchases, 52 weeks]=%.2f CLV=%.2f%n",
                    s.customerId(), s.frequency(), purchases.model().probabilityAlive(s), clv.expectedPurchases(s),
                    clv.clv(s)));

    Map<String, Integer> segments = new TreeMap<>();
    for (RfmScore score : RfmScores.score(RfmSummaries.historicalValues(transactions, calibrationEnd, PeriodUnit.WEEKS))) {
      segments.merge(score.segment().name(), 1, Integer::sum);
    }
    System.out.println("RFM segments: " + segments);
  }
}
