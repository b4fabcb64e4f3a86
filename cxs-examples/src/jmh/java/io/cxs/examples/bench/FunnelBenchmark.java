package io.cxs.examples.bench;

import io.cxs.core.Cxs;
import io.cxs.core.customer.CustomerId;
import io.cxs.core.customer.Identity;
import io.cxs.core.customer.IdentityResolver;
import io.cxs.core.ingest.IdentifyEvent;
import io.cxs.core.ingest.TrackEvent;
import io.cxs.core.spi.TouchpointStore;
import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.Touchpoint;
import io.cxs.journey.funnel.Funnel;
import io.cxs.journey.funnel.FunnelReport;
import io.cxs.journey.funnel.FunnelStepResult;
import io.cxs.journey.timeline.TimelineScan;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A 4-step funnel with a 7-day window over 10 M events of 1 M customers: cxs (in-memory store,
 * timeline scan with identity resolution, either through a plain function of the identity,
 * {@code cxsFunnel}, or through an engine's identity graph, {@code cxsFunnelEngine}) against a
 * hand-written loop over primitive arrays already ordered by customer and time, and DuckDB SQL
 * (a chain of self-joins) on the same data.
 * The setup checks that all three give the same counts. Also measures ingestion into the
 * in-memory store ({@code TouchpointStore.add} and {@code Cxs.ingest}) and prints bytes per
 * stored touchpoint.
 *
 * <pre>
 * java -jar cxs-examples/target/cxs-bench.jar FunnelBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// a fixed, pre-touched heap: resizing it, and first touches of new memory, are not what is
// measured
@Fork(value = 1, jvmArgsAppend = {"-Xms12g", "-Xmx12g", "-XX:+AlwaysPreTouch"})
public class FunnelBenchmark {
  static final String[] NAMES = {"Product Viewed", "Product Added", "Checkout Started",
      "Order Completed", "Page Viewed", "Products Searched"};
  static final long WINDOW = Duration.ofDays(7).toMillis();
  static final long T0 = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

  /** Synthetic data: per customer, events with strictly increasing times. */
  static final class Data {
    final int customers;
    final int[] start; // customer c's rows are [start[c], start[c+1])
    final long[] time;
    final byte[] name;

    Data(int customers, int eventsPerCustomer, long seed) {
      this.customers = customers;
      int n = customers * eventsPerCustomer;
      start = new int[customers + 1];
      time = new long[n];
      name = new byte[n];
      Random rnd = new Random(seed);
      int k = 0;
      for (int c = 0; c < customers; c++) {
        start[c] = k;
        long t = T0 + (long) (rnd.nextDouble() * 30 * 86_400_000L);
        int stage = 0;
        for (int e = 0; e < eventsPerCustomer; e++) {
          t += 1 + (long) (rnd.nextDouble() * rnd.nextDouble() * 4 * 86_400_000L);
          int nm;
          if (rnd.nextInt(3) == 0) {
            nm = 4 + rnd.nextInt(2);
          } else if (stage < 4 && rnd.nextInt(10) < 6) {
            nm = stage++;
          } else {
            nm = rnd.nextInt(4);
          }
          time[k] = t;
          name[k] = (byte) nm;
          k++;
        }
      }
      start[customers] = k;
    }
  }

  /** The reference: the same semantics as cxs over arrays in customer-then-time order. */
  static long[] handLoop(Data d) {
    long[] counts = new long[4];
    for (int c = 0; c < d.customers; c++) {
      int from = d.start[c];
      int to = d.start[c + 1];
      int best = 0;
      for (int a = from; a < to && best < 4; a++) {
        if (d.name[a] != 0) {
          continue;
        }
        long deadline = d.time[a] + WINDOW;
        int step = 1;
        for (int r = a + 1; r < to && step < 4 && d.time[r] <= deadline; r++) {
          if (d.name[r] == step) {
            step++;
          }
        }
        best = Math.max(best, step);
      }
      for (int s = 0; s < best; s++) {
        counts[s]++;
      }
    }
    return counts;
  }

  static final String DUCKDB_SQL = "WITH s1 AS (SELECT c, t AS t1 FROM ev WHERE n = 0),"
      + " s2 AS (SELECT s1.c, s1.t1, min(e.t) AS t2 FROM s1 JOIN ev e ON e.c = s1.c AND e.n = 1"
      + "   AND e.t > s1.t1 AND e.t <= s1.t1 + ? GROUP BY s1.c, s1.t1),"
      + " s3 AS (SELECT s2.c, s2.t1, min(e.t) AS t3 FROM s2 JOIN ev e ON e.c = s2.c AND e.n = 2"
      + "   AND e.t > s2.t2 AND e.t <= s2.t1 + ? GROUP BY s2.c, s2.t1),"
      + " s4 AS (SELECT s3.c FROM s3 JOIN ev e ON e.c = s3.c AND e.n = 3"
      + "   AND e.t > s3.t3 AND e.t <= s3.t1 + ?)"
      + " SELECT (SELECT count(DISTINCT c) FROM s1), (SELECT count(DISTINCT c) FROM s2),"
      + " (SELECT count(DISTINCT c) FROM s3), (SELECT count(DISTINCT c) FROM s4)";

  static long[] duckdb(Connection conn) throws Exception {
    try (var ps = conn.prepareStatement(DUCKDB_SQL)) {
      ps.setLong(1, WINDOW);
      ps.setLong(2, WINDOW);
      ps.setLong(3, WINDOW);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
      }
    }
  }

  static Touchpoint touchpoint(Data d, int row, int customer) {
    return new Touchpoint("e" + row, Identity.userId("c" + customer), Channel.WEB,
        NAMES[d.name[row]], Instant.ofEpochMilli(d.time[row]), Optional.empty(), Map.of(),
        Optional.empty());
  }

  /** The funnel data set in a cxs store and in DuckDB. */
  @State(Scope.Benchmark)
  public static class FunnelState {
    @Param({"1000000"})
    int customers;

    Data data;
    TouchpointStore store;
    IdentityResolver resolver;
    Cxs engine;
    Funnel funnel;
    Funnel funnelParallel;
    Connection duck;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      data = new Data(customers, 10, 42);
      // arrival order differs from time order: customers interleaved
      store = TouchpointStore.inMemory();
      int[] order = new int[data.time.length];
      for (int c = 0, k = 0; c < customers; c++) {
        for (int r = data.start[c]; r < data.start[c + 1]; r++) {
          order[k++] = r;
        }
      }
      int[] customerOf = new int[data.time.length];
      for (int c = 0; c < customers; c++) {
        Arrays.fill(customerOf, data.start[c], data.start[c + 1], c);
      }
      int stride = 10;
      for (int e = 0; e < stride; e++) {
        for (int c = 0; c < customers; c++) {
          int row = data.start[c] + e;
          if (row < data.start[c + 1]) {
            store.add(touchpoint(data, row, c));
          }
        }
      }
      System.out.printf("%nbytes per stored touchpoint before the first merge: %.1f%n",
          approximateBytes(store) / (double) store.count());
      resolver = id -> Optional.of(CustomerId.of(id.value()));
      // the same store behind an engine whose identity graph knows every customer
      engine = Cxs.builder().touchpointStore(store).build();
      for (int c = 0; c < customers; c++) {
        engine.ingest(IdentifyEvent.of("i" + c, "c" + c, Instant.ofEpochMilli(T0), Map.of()));
      }
      funnel = Funnel.builder().step(NAMES[0]).step(NAMES[1]).step(NAMES[2]).step(NAMES[3])
          .window(Duration.ofDays(7)).build();
      funnelParallel = Funnel.builder().step(NAMES[0]).step(NAMES[1]).step(NAMES[2])
          .step(NAMES[3]).window(Duration.ofDays(7)).parallelism(2).build();
      long t = System.nanoTime();
      FunnelReport first = funnel.run(TimelineScan.of(store, resolver));
      System.out.printf("%nfirst funnel run (includes merging the store's tail): %d ms%n",
          (System.nanoTime() - t) / 1_000_000);
      System.out.printf("bytes per stored touchpoint (no properties): %.1f %s%n",
          approximateBytes(store) / (double) store.count(), bytesByPart(store));

      Class.forName("org.duckdb.DuckDBDriver");
      duck = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement st = duck.createStatement()) {
        st.execute("CREATE TABLE ev (c INTEGER, t BIGINT, n TINYINT)");
      }
      try (DuckDBAppender app = ((DuckDBConnection) duck).createAppender(
          DuckDBConnection.DEFAULT_SCHEMA, "ev")) {
        for (int r = 0; r < data.time.length; r++) {
          app.beginRow();
          app.append(customerOf[r]);
          app.append(data.time[r]);
          app.append(data.name[r]);
          app.endRow();
        }
      }
      long[] cxs = first.steps().stream().mapToLong(FunnelStepResult::count).toArray();
      long[] viaEngine = funnel.run(TimelineScan.of(engine)).steps().stream()
          .mapToLong(FunnelStepResult::count).toArray();
      long[] parallel = funnelParallel.run(TimelineScan.of(engine)).steps().stream()
          .mapToLong(FunnelStepResult::count).toArray();
      long[] hand = handLoop(data);
      long[] sql = duckdb(duck);
      System.out.printf("counts: cxs %s, hand loop %s, duckdb %s%n", Arrays.toString(cxs),
          Arrays.toString(hand), Arrays.toString(sql));
      if (!Arrays.equals(cxs, hand) || !Arrays.equals(cxs, sql) || !Arrays.equals(cxs, viaEngine)
          || !Arrays.equals(cxs, parallel)) {
        throw new IllegalStateException("the three funnels disagree");
      }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
      duck.close();
    }
  }

  static long approximateBytes(TouchpointStore store) throws Exception {
    Method m = store.getClass().getDeclaredMethod("approximateBytes");
    m.setAccessible(true);
    return (long) m.invoke(store);
  }

  @SuppressWarnings("unchecked")
  static String bytesByPart(TouchpointStore store) throws Exception {
    Method m = store.getClass().getDeclaredMethod("approximateBytesByPart");
    m.setAccessible(true);
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, Long> e : ((Map<String, Long>) m.invoke(store)).entrySet()) {
      b.append(String.format(" %s=%.2f", e.getKey(), e.getValue() / (double) store.count()));
    }
    return b.toString().trim();
  }

  @Benchmark
  public FunnelReport cxsFunnel(FunnelState s) {
    return s.funnel.run(TimelineScan.of(s.store, s.resolver));
  }

  /** As {@link #cxsFunnel}, resolving subjects through the engine's identity graph. */
  @Benchmark
  public FunnelReport cxsFunnelEngine(FunnelState s) {
    return s.funnel.run(TimelineScan.of(s.engine));
  }

  /**
   * As {@link #cxsFunnelEngine}, with {@code parallelism(2)}: the calling thread and one task on
   * the common pool.
   */
  @Benchmark
  public FunnelReport cxsFunnelEngineParallel(FunnelState s) {
    return s.funnelParallel.run(TimelineScan.of(s.engine));
  }

  /**
   * The timeline scan alone, with a visitor that only counts rows: resolution, cutting the store
   * into customers, and one call per customer. What {@link #cxsFunnelEngine} spends beyond it is
   * the funnel itself.
   */
  @Benchmark
  public long timelineScanOnly(FunnelState s) {
    long[] rows = {0};
    TimelineScan.of(s.engine).run(new io.cxs.journey.timeline.TimelineVisitor() {
      @Override
      public void begin(io.cxs.core.spi.ScanDictionary d, io.cxs.journey.timeline.Customers c) {}

      @Override
      public void visit(io.cxs.journey.timeline.Timeline t) {
        rows[0] += t.size();
      }
    });
    return rows[0];
  }

  @Benchmark
  public long[] handLoopPresorted(FunnelState s) {
    return handLoop(s.data);
  }

  @Benchmark
  public long[] duckdbSql(FunnelState s) throws Exception {
    return duckdb(s.duck);
  }

  /** One million prepared events for the ingestion benchmarks. */
  @State(Scope.Benchmark)
  public static class IngestState {
    static final int N = 1_000_000;
    Touchpoint[] touchpoints;
    TrackEvent[] events;

    @Setup(Level.Trial)
    public void setUp() {
      Data d = new Data(N / 10, 10, 7);
      touchpoints = new Touchpoint[N];
      events = new TrackEvent[N];
      for (int c = 0; c < N / 10; c++) {
        for (int r = d.start[c]; r < d.start[c + 1]; r++) {
          touchpoints[r] = touchpoint(d, r, c);
          events[r] = TrackEvent.of("e" + r, "c" + c, NAMES[d.name[r]],
              Instant.ofEpochMilli(d.time[r]), Channel.WEB);
        }
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(IngestState.N)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public TouchpointStore ingestStoreAdd(IngestState s) {
    TouchpointStore store = TouchpointStore.inMemory();
    for (Touchpoint t : s.touchpoints) {
      store.add(t);
    }
    return store;
  }

  @Benchmark
  @OperationsPerInvocation(IngestState.N)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public Cxs ingestCxs(IngestState s) {
    Cxs cxs = Cxs.builder().build();
    for (TrackEvent e : s.events) {
      cxs.ingest(e);
    }
    return cxs;
  }

  /** Ingestion followed by the first scan, which merges the tail into the sorted base. */
  @Benchmark
  @OperationsPerInvocation(IngestState.N)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public long ingestStoreAddThenFirstScan(IngestState s) {
    TouchpointStore store = TouchpointStore.inMemory();
    for (Touchpoint t : s.touchpoints) {
      store.add(t);
    }
    long[] rows = new long[1];
    store.scan(b -> rows[0] += b.size());
    return rows[0];
  }

  static List<String> names() {
    return List.of(NAMES);
  }
}
