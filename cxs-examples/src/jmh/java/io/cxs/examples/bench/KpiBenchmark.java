package io.cxs.examples.bench;

import io.cxs.core.customer.Identity;
import io.cxs.core.feedback.Feedback;
import io.cxs.core.feedback.FeedbackKind;
import io.cxs.core.feedback.Scale;
import io.cxs.core.spi.FeedbackStore;
import io.cxs.core.touchpoint.Channel;
import io.cxs.metrics.kpi.Dimension;
import io.cxs.metrics.kpi.KpiQuery;
import io.cxs.metrics.kpi.KpiReport;
import io.cxs.metrics.kpi.NpsResult;
import io.cxs.metrics.CalendarPeriod;
import io.cxs.metrics.kpi.PeriodResult;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * NPS per segment (channel, 100 of them) per ISO week over one year of generated survey answers
 * (10,000,000 by default), three ways on the same data:
 *
 * <ul>
 *   <li>{@link #library}: {@code KpiQuery.builder().period(WEEK).by(channel()).build().run(store)},
 *       a columnar scan of the in-memory {@code FeedbackStore}, including building the report;
 *   <li>{@link #primitiveLoop}: a hand-written loop over primitive arrays (the practical limit);
 *   <li>{@link #duckdb}: DuckDB's in-process SQL over the same rows.
 * </ul>
 *
 * The setup checks that the three tables agree and prints the store's bytes per response. Run
 * {@code java -cp cxs-bench.jar io.cxs.examples.bench.KpiBenchmark} to get the ratios printed, or
 * {@code java -jar cxs-bench.jar KpiBenchmark -f 1 -wi 2 -i 3} for the plain JMH table.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// a fixed, pre-touched heap: resizing it, and first touches of new memory, are not what is
// measured
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class KpiBenchmark {
  private static final long DAY_MS = 86_400_000L;
  private static final int SEGMENTS = 100;
  private static final int[] CATEGORY = {2, 2, 2, 2, 2, 2, 2, 1, 1, 0, 0};

  @Param("10000000")
  int responses;

  private FeedbackStore store;
  private KpiQuery query;
  private KpiQuery queryParallel;
  private long[] time;
  private short[] channel;
  private byte[] score;
  private long firstWeek;
  private int weeks;
  private Connection duck;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Random random = new Random(20260122);
    long from = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
    long span = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli() - from;
    Channel[] channels = new Channel[SEGMENTS];
    for (int c = 0; c < SEGMENTS; c++) {
      channels[c] = Channel.of(String.format(Locale.ROOT, "ch%02d", c));
    }
    time = new long[responses];
    channel = new short[responses];
    score = new byte[responses];
    // A skewed 0-10 distribution, roughly NPS +20.
    int[] weights = {3, 1, 2, 2, 3, 5, 7, 12, 16, 22, 27};
    int[] cumulative = new int[11];
    for (int i = 0, sum = 0; i < 11; i++) {
      sum += weights[i];
      cumulative[i] = sum;
    }
    long heapBefore = usedHeap();
    store = FeedbackStore.inMemory();
    Identity subject = null;
    for (int i = 0; i < responses; i++) {
      if (i % 10 == 0) {
        subject = Identity.userId("c" + (i / 10));
      }
      time[i] = from + (long) (random.nextDouble() * span);
      channel[i] = (short) random.nextInt(SEGMENTS);
      int u = random.nextInt(cumulative[10]);
      int s = 0;
      while (u >= cumulative[s]) {
        s++;
      }
      score[i] = (byte) s;
      store.add(new Feedback("e" + i, subject, Instant.ofEpochMilli(time[i]), FeedbackKind.SURVEY,
          "nps", Scale.NPS, OptionalInt.of(s), Optional.empty(), Optional.empty(),
          channels[channel[i]], Optional.empty()));
    }
    query = KpiQuery.builder().period(CalendarPeriod.WEEK).by(Dimension.channel()).build();
    queryParallel = KpiQuery.builder().period(CalendarPeriod.WEEK).by(Dimension.channel())
        .parallelism(2).build();
    KpiReport report = query.run(store); // merges the store's tail into its sorted base
    long heapAfter = usedHeap();
    long primitiveBytes = 11L * responses;
    long approximate = approximateBytes(store);
    System.out.printf(Locale.ROOT, "%n[kpi] store: %d responses, approximateBytes %.1f B/response,"
        + " heap delta %.1f B/response (less the %d B/response of the reference arrays)%n",
        store.count(), approximate / (double) responses,
        (heapAfter - heapBefore - primitiveBytes) / (double) responses, 11);

    firstWeek = CalendarPeriod.WEEK.index(LocalDate.parse("2025-01-01"));
    weeks = (int) (CalendarPeriod.WEEK.index(LocalDate.parse("2025-12-31")) - firstWeek + 1);

    Class.forName("org.duckdb.DuckDBDriver");
    duck = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement st = duck.createStatement()) {
      st.execute("CREATE TABLE fb (ts BIGINT, channel SMALLINT, score TINYINT)");
    }
    try (DuckDBAppender app = ((DuckDBConnection) duck).createAppender(
        DuckDBConnection.DEFAULT_SCHEMA, "fb")) {
      for (int i = 0; i < responses; i++) {
        app.beginRow();
        app.append(time[i]);
        app.append(channel[i]);
        app.append(score[i]);
        app.endRow();
      }
    }
    check(report);
    check(queryParallel.run(store));
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** The in-memory store's own estimate, read reflectively (it is package-private). */
  private static long approximateBytes(FeedbackStore store) {
    try {
      Method m = store.getClass().getDeclaredMethod("approximateBytes");
      m.setAccessible(true);
      return (long) m.invoke(store);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return -1;
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    duck.close();
  }

  /** Checks that the library, the loop and DuckDB computed the same table. */
  private void check(KpiReport report) throws SQLException {
    long[] loop = primitiveLoop();
    long[] sql = duckdb();
    long[] lib = new long[loop.length];
    for (Map.Entry<String, List<PeriodResult>> e : report.periodsByGroup().entrySet()) {
      int c = Integer.parseInt(e.getKey().substring(2));
      for (PeriodResult p : e.getValue()) {
        int w = (int) (CalendarPeriod.WEEK.index(p.start()) - firstWeek);
        NpsResult n = p.kpis().nps();
        int cell = (w * SEGMENTS + c) * 3;
        lib[cell] = n.promoters();
        lib[cell + 1] = n.passives();
        lib[cell + 2] = n.detractors();
      }
    }
    if (!Arrays.equals(lib, loop) || !Arrays.equals(sql, loop)) {
      throw new IllegalStateException("the three tables differ");
    }
    long total = Arrays.stream(loop).sum();
    if (total != responses) {
      throw new IllegalStateException("counted " + total + " of " + responses);
    }
    System.out.printf(Locale.ROOT, "[kpi] tables agree: %d weeks x %d segments, overall NPS %.2f%n",
        weeks, SEGMENTS, report.overall().nps().score());
  }

  @Benchmark
  public KpiReport library() {
    return query.run(store);
  }

  /**
   * As {@link #library}, with {@code parallelism(2)}: the calling thread and one task on the
   * common pool.
   */
  @Benchmark
  public KpiReport libraryParallel() {
    return queryParallel.run(store);
  }

  @Benchmark
  public long[] primitiveLoop() {
    long[] counts = new long[weeks * SEGMENTS * 3];
    long[] t = time;
    short[] ch = channel;
    byte[] sc = score;
    long w0 = firstWeek;
    for (int i = 0; i < t.length; i++) {
      int w = (int) ((t[i] / DAY_MS + 3) / 7 - w0);
      counts[(w * SEGMENTS + ch[i]) * 3 + CATEGORY[sc[i]]]++;
    }
    return counts;
  }

  @Benchmark
  public long[] duckdb() throws SQLException {
    long[] counts = new long[weeks * SEGMENTS * 3];
    try (Statement st = duck.createStatement();
        ResultSet rs = st.executeQuery("SELECT (ts // 86400000 + 3) // 7 AS w, channel,"
            + " count(*) FILTER (WHERE score >= 9), count(*) FILTER (WHERE score BETWEEN 7 AND 8),"
            + " count(*) FILTER (WHERE score <= 6) FROM fb GROUP BY ALL")) {
      while (rs.next()) {
        int cell = (int) ((rs.getLong(1) - firstWeek) * SEGMENTS + rs.getInt(2)) * 3;
        counts[cell] = rs.getLong(3);
        counts[cell + 1] = rs.getLong(4);
        counts[cell + 2] = rs.getLong(5);
      }
    }
    return counts;
  }

  /**
   * Runs the benchmark and prints the library's time as a ratio of the two references.
   *
   * @param args ignored
   * @throws Exception if the run fails
   */
  public static void main(String[] args) throws Exception {
    Options options = new OptionsBuilder().include(KpiBenchmark.class.getSimpleName())
        .forks(1).warmupIterations(2).measurementIterations(3).build();
    Collection<RunResult> results = new Runner(options).run();
    Map<String, Double> ms = new HashMap<>();
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      ms.put(name.substring(name.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
    }
    double lib = ms.get("library");
    double par = ms.get("libraryParallel");
    System.out.printf(Locale.ROOT, "library %.1f ms (2 threads %.1f ms), primitive loop %.1f ms,"
        + " DuckDB %.1f ms%n", lib, par, ms.get("primitiveLoop"), ms.get("duckdb"));
    System.out.printf(Locale.ROOT, "library / primitive loop = %.2f (2 threads %.2f; target <= 2)%n",
        lib / ms.get("primitiveLoop"), par / ms.get("primitiveLoop"));
    System.out.printf(Locale.ROOT, "DuckDB / library = %.2f (2 threads %.2f; target >= 3)%n",
        ms.get("duckdb") / lib, ms.get("duckdb") / par);
  }
}
