package io.cxs.examples.bench;

import io.cxs.metrics.clv.BgNbdModel;
import io.cxs.metrics.clv.ModelFit;
import io.cxs.metrics.clv.ParetoNbdModel;
import io.cxs.metrics.clv.PeriodUnit;
import io.cxs.metrics.clv.RfmSummaries;
import io.cxs.metrics.clv.RfmSummary;
import io.cxs.metrics.clv.Transaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Maximum-likelihood fits of BG/NBD and Pareto/NBD on the CDNOW sample (2,357 customers) and on
 * 1,000,000 customers simulated from the BG/NBD process with the published CDNOW parameters
 * (r = 0.243, α = 4.414, a = 0.793, b = 2.426), acquired uniformly over 12 weeks and observed to
 * week 39, purchases recorded by calendar day. Run from the repository root:
 *
 * <pre>{@code
 * mvn -B -q -Pbench -DskipTests package
 * java -jar cxs-examples/target/cxs-bench.jar ClvBenchmark -f 1 -wi 2 -i 3
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ClvBenchmark {
  /** The CDNOW sample, relative to the repository root. */
  @Param("cxs-metrics/src/test/resources/cdnow/CDNOW_sample.txt")
  public String cdnowFile;

  private List<RfmSummary> cdnow;
  private List<RfmSummary> million;

  @Setup
  public void setUp() throws IOException {
    List<Transaction> t = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(cdnowFile))) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 5) {
        t.add(new Transaction(f[1], LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE), Double.parseDouble(f[4])));
      }
    }
    cdnow = RfmSummaries.fromTransactions(t, LocalDate.of(1997, 9, 30), PeriodUnit.WEEKS);
    million = simulateBgNbd(1_000_000, 0.243, 4.414, 0.793, 2.426, 20260101L);
  }

  @Benchmark
  public ModelFit<BgNbdModel> bgNbdCdnow() {
    return BgNbdModel.fit(cdnow);
  }

  @Benchmark
  public ModelFit<ParetoNbdModel> paretoNbdCdnow() {
    return ParetoNbdModel.fit(cdnow);
  }

  @Benchmark
  public ModelFit<BgNbdModel> bgNbdMillion() {
    return BgNbdModel.fit(million);
  }

  @Benchmark
  public ModelFit<ParetoNbdModel> paretoNbdMillion() {
    return ParetoNbdModel.fit(million);
  }

  /**
   * Simulates the BG/NBD process: λ ~ Gamma(r, rate α), p ~ Beta(a, b); purchases arrive at rate
   * λ and after each one the customer drops out with probability p. Acquisition day uniform in
   * 0..83, observation to day 273, times recorded by day and reported in weeks.
   */
  static List<RfmSummary> simulateBgNbd(int n, double r, double alpha, double a, double b, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<RfmSummary> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int acquired = random.nextInt(84);
      int ageDays = 273 - acquired;
      double ageWeeks = ageDays / 7.0;
      double lambda = gamma(random, r) / alpha;
      double ga = gamma(random, a);
      double p = ga / (ga + gamma(random, b));
      int x = 0;
      int lastDay = 0;
      double t = 0;
      while (true) {
        t += -Math.log(1 - random.nextDouble()) / lambda;
        if (t > ageWeeks) {
          break;
        }
        int day = (int) (t * 7);
        if (day > lastDay) {
          x++;
          lastDay = day;
        }
        if (random.nextDouble() < p) {
          break;
        }
      }
      out.add(RfmSummary.of(Integer.toString(i), x, lastDay / 7.0, ageWeeks));
    }
    return out;
  }

  /** Gamma(shape, 1) by Marsaglia and Tsang (2000), with the U^(1/shape) boost below shape 1. */
  static double gamma(SplittableRandom random, double shape) {
    if (shape < 1) {
      return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double z = normal(random);
      double v = 1 + c * z;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = random.nextDouble();
      if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  private static double normal(SplittableRandom random) {
    double u1 = 1 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
