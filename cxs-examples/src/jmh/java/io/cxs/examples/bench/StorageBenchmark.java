package io.cxs.examples.bench;

import io.cxs.core.customer.Customer;
import io.cxs.core.customer.CustomerId;
import io.cxs.core.customer.Identity;
import io.cxs.core.jdbc.Dialect;
import io.cxs.core.jdbc.DriverManagerDataSource;
import io.cxs.core.jdbc.JdbcSchema;
import io.cxs.core.jdbc.JdbcStores;
import io.cxs.core.spi.CustomerStore;
import io.cxs.core.spi.TouchpointStore;
import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.Touchpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
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
 * Storage: ingestion throughput (events/s) into the in-memory store, an embedded H2 file database
 * and PostgreSQL, batched ({@code addAll} of 1000 touchpoints) and one at a time ({@code add}, as
 * {@code Cxs.ingest} stores a track event); the time of a whole-store scan; and profile-read
 * latency with and without the Caffeine cache. PostgreSQL runs only when {@code CXS_TEST_POSTGRES_URL} names a
 * server (as {@code .ci/postgres.sh} starts one); otherwise its parameters fail with a message.
 *
 * <pre>
 * java -jar cxs-examples/target/cxs-bench.jar StorageBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
public class StorageBenchmark {
  static final int BATCH = 1000;
  static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  static final String POSTGRES_ENV = "CXS_TEST_POSTGRES_URL";

  /** A database and its data source, opened per trial. */
  static final class Db {
    final DriverManagerDataSource ds;
    final Path dir;

    Db(String kind) throws IOException {
      if (kind.startsWith("h2")) {
        dir = Files.createTempDirectory("cxs-bench");
        ds = DriverManagerDataSource.of("jdbc:h2:" + dir.resolve("cxs").toAbsolutePath());
        JdbcSchema.migrate(ds, Dialect.H2);
      } else {
        String url = System.getenv(POSTGRES_ENV);
        if (url == null || url.isBlank()) {
          System.err.println("StorageBenchmark: " + POSTGRES_ENV + " is not set; skipping "
              + kind);
          throw new IllegalStateException(POSTGRES_ENV + " is not set: PostgreSQL skipped");
        }
        dir = null;
        ds = DriverManagerDataSource.of(url);
        JdbcSchema.migrate(ds, Dialect.POSTGRESQL);
      }
    }

    void close() throws IOException {
      ds.close();
      if (dir != null) {
        try (var files = Files.walk(dir)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  /** Ingestion into a fresh store per iteration. */
  @State(Scope.Thread)
  public static class Ingest {
    @Param({"memory", "h2", "postgres"})
    public String store;

    Db db;
    TouchpointStore touchpoints;
    long next;
    int iteration;

    @Setup(Level.Trial)
    public void open() throws IOException {
      if (!store.equals("memory")) {
        db = new Db(store);
      }
    }

    @Setup(Level.Iteration)
    public void fresh() {
      iteration++;
      touchpoints = db == null ? TouchpointStore.inMemory()
          : JdbcStores.builder(db.ds).tenant("bench-" + ProcessHandle.current().pid() + "-"
              + iteration).build().touchpoints();
    }

    List<Touchpoint> batch() {
      List<Touchpoint> b = new ArrayList<>(BATCH);
      for (int i = 0; i < BATCH; i++) {
        b.add(one());
      }
      return b;
    }

    Touchpoint one() {
      long n = next++;
      return new Touchpoint("e" + n, Identity.userId("u" + (n % 10_000)),
          n % 3 == 0 ? Channel.WEB : Channel.EMAIL, "N" + (n % 20), T0.plusSeconds(n),
          java.util.Optional.empty(), n % 5 == 0 ? Map.of("sku", "X" + (n % 100)) : Map.of(),
          java.util.Optional.empty());
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      if (db != null) {
        db.close();
      }
    }
  }

  /** Profile reads of 10,000 stored customers, through the cache or straight to the database. */
  @State(Scope.Thread)
  public static class Read {
    @Param({"h2", "h2-cached", "postgres", "postgres-cached"})
    public String store;

    Db db;
    CustomerStore customers;
    int next;

    @Setup(Level.Trial)
    public void open() throws IOException {
      db = new Db(store);
      JdbcStores stores = JdbcStores.builder(db.ds)
          .tenant("bench-read-" + ProcessHandle.current().pid())
          .customerCacheSize(store.endsWith("-cached") ? 20_000 : 0).build();
      customers = stores.customers();
      for (int i = 0; i < 10_000; i++) {
        customers.put(new Customer(CustomerId.of("c" + i),
            List.of(Identity.userId("c" + i), Identity.email("c" + i + "@example.com")),
            Map.of("name", "Customer " + i, "tier", i % 3 == 0 ? "gold" : "silver"),
            Map.of("name", T0, "tier", T0), List.of(), T0, T0, List.of()));
      }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      db.close();
    }
  }

  /**
   * A whole-store scan of 200,000 touchpoints of 20,000 customers that arrived interleaved, as
   * real traffic does, so the stored order is not the scan's (subject, time) order.
   */
  @State(Scope.Thread)
  public static class Scan {
    static final int ROWS = 200_000;

    @Param({"memory", "h2", "postgres"})
    public String store;

    Db db;
    TouchpointStore touchpoints;

    @Setup(Level.Trial)
    public void open() throws IOException {
      if (!store.equals("memory")) {
        db = new Db(store);
      }
      touchpoints = db == null ? TouchpointStore.inMemory()
          : JdbcStores.builder(db.ds).tenant("bench-scan-" + ProcessHandle.current().pid())
              .build().touchpoints();
      java.util.Random random = new java.util.Random(7);
      List<Touchpoint> batch = new ArrayList<>(BATCH);
      for (int i = 0; i < ROWS; i++) {
        batch.add(new Touchpoint("e" + i, Identity.userId("u" + random.nextInt(ROWS / 10)),
            i % 3 == 0 ? Channel.WEB : Channel.EMAIL, "N" + (i % 20), T0.plusSeconds(i),
            java.util.Optional.empty(), i % 5 == 0 ? Map.of("sku", "X" + (i % 100)) : Map.of(),
            java.util.Optional.empty()));
        if (batch.size() == BATCH) {
          touchpoints.addAll(batch);
          batch.clear();
        }
      }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      if (db != null) {
        db.close();
      }
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public long scanTouchpoints(Scan s) {
    long[] rows = {0};
    s.touchpoints.scan(b -> rows[0] += b.size());
    if (rows[0] != Scan.ROWS) {
      throw new IllegalStateException("scanned " + rows[0] + " of " + Scan.ROWS + " rows");
    }
    return rows[0];
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(BATCH)
  public int ingestBatched(Ingest s) {
    return s.touchpoints.addAll(s.batch());
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public boolean ingestOneByOne(Ingest s) {
    return s.touchpoints.add(s.one());
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Object readProfile(Read s) {
    int i = s.next;
    s.next = (i + 7) % 10_000;
    return s.customers.find(CustomerId.of("c" + i)).orElseThrow();
  }
}
