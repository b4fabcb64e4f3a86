package io.cxs.core.jdbc;

import io.cxs.core.internal.Sql;
import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import io.cxs.core.cache.CacheStatistics;
import io.cxs.core.cache.CachingCustomerStore;
import io.cxs.core.customer.CustomerId;
import io.cxs.core.customer.Identity;
import io.cxs.core.spi.CustomerStore;
import io.cxs.core.spi.Eraser;
import io.cxs.core.spi.FeedbackStore;
import io.cxs.core.spi.TouchpointStore;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The three durable stores of one tenant over a host's {@link DataSource}: customers, touchpoints
 * and feedback, in H2 (embedded) or PostgreSQL. Every statement is scoped by the tenant id, so
 * stores of different tenants over the same database never see each other's rows.
 *
 * <pre>{@code
 * JdbcSchema.migrate(dataSource, Dialect.POSTGRESQL);        // explicit, once
 * JdbcStores stores = JdbcStores.builder(dataSource)
 *     .tenant("acme")
 *     .customerCacheSize(50_000)
 *     .build();
 * Cxs cxs = Cxs.builder()
 *     .customerStore(stores.customers())
 *     .touchpointStore(stores.touchpoints())
 *     .feedbackStore(stores.feedback())
 *     .build();
 * }</pre>
 *
 * <h2>Transactions</h2>
 * Each store call is one transaction: {@code addAll} stores all new events or none, and
 * {@link CustomerStore#replace} (an identity merge) deletes and writes in one transaction.
 * Idempotency on event ids holds across restarts through the primary key (tenant, event id).
 * {@link #erase} removes a customer's rows from every table in one transaction.
 *
 * <h2>Writes</h2>
 * {@code addAll} inserts only the events whose ids are new, counted exactly, without reading the
 * stored ids first: on PostgreSQL as multi-row {@code INSERT ... ON CONFLICT DO NOTHING}
 * statements, on H2 as one JDBC batch of inserts that each probe the primary key. A single
 * {@code add} (what {@code Cxs.ingest} does per event) is one auto-commit insert.
 *
 * <p>The orchestrator's durable timers and action log live in the same database (schema version
 * 2) but are built by cxs-journey's {@code JdbcActionStores}.
 *
 * <h2>Reads</h2>
 * Profile reads go through a Caffeine cache (see {@link CachingCustomerStore}) unless its size
 * is set to 0. Scans stream the rows ordered by subject and time with the configured fetch size
 * and hand them over in columnar batches, so analytics never hold the table in memory.
 *
 * <p>The stores hold no connection between calls; each call borrows one from the data source
 * (a scan holds one until it returns). Thread-safe.
 *
 * @since 0.1
 */
public final class JdbcStores {
  /** The tenant of a builder that sets none. */
  public static final String DEFAULT_TENANT = "default";
  /** The default JDBC fetch size of scans and {@code forEach}. */
  public static final int DEFAULT_FETCH_SIZE = 1000;
  /** The default number of rows after which a scan batch is cut at the next subject. */
  public static final int DEFAULT_SCAN_BATCH_ROWS = 4096;

  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private final Sql sql;
  private final Dialect dialect;
  private final String tenant;
  private final JdbcCustomerStore rawCustomers;
  private final Optional<CachingCustomerStore> cached;
  private final JdbcTouchpointStore touchpoints;
  private final JdbcFeedbackStore feedback;

  private JdbcStores(Builder b, Dialect dialect) {
    this.sql = new Sql(b.dataSource);
    this.dialect = dialect;
    this.tenant = b.tenant != null ? b.tenant : DEFAULT_TENANT;
    int fetch = b.fetchSize > 0 ? b.fetchSize : DEFAULT_FETCH_SIZE;
    int rows = b.scanBatchRows > 0 ? b.scanBatchRows : DEFAULT_SCAN_BATCH_ROWS;
    this.rawCustomers = new JdbcCustomerStore(sql, dialect, tenant, fetch);
    long cacheSize = b.cacheSize >= 0 ? b.cacheSize : CachingCustomerStore.DEFAULT_MAXIMUM_SIZE;
    if (cacheSize == 0) {
      this.cached = Optional.empty();
    } else {
      CachingCustomerStore.Builder cb = CachingCustomerStore.builder(rawCustomers)
          .maximumSize(cacheSize);
      if (b.cacheExpiry != null) {
        cb.expireAfterWrite(b.cacheExpiry);
      }
      this.cached = Optional.of(cb.build());
    }
    this.touchpoints = new JdbcTouchpointStore(sql, dialect, tenant, fetch, rows);
    this.feedback = new JdbcFeedbackStore(sql, dialect, tenant, fetch, rows);
  }

  /**
   * @param dataSource the host's data source; connections are borrowed per call and closed
   * @return a builder for the default tenant, the dialect detected from the database, and a
   *     profile cache of {@link CachingCustomerStore#DEFAULT_MAXIMUM_SIZE} entries
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
  }

  /** @return the customer store, behind the profile cache unless its size is 0 */
  public CustomerStore customers() {
    return cached.isPresent() ? cached.get() : rawCustomers;
  }

  /** @return the touchpoint store */
  public TouchpointStore touchpoints() {
    return touchpoints;
  }

  /** @return the feedback store */
  public FeedbackStore feedback() {
    return feedback;
  }

  /** @return the tenant every store operation is scoped to */
  public String tenant() {
    return tenant;
  }

  /** @return the SQL dialect in use */
  public Dialect dialect() {
    return dialect;
  }

  /**
   * @return an {@link Eraser} for {@code Cxs.builder().eraser(…)} that removes a customer from
   *     every table (and the profile cache) in one transaction, as {@link #erase} does
   */
  public Eraser eraser() {
    return this::erase;
  }

  /** @return the profile cache's counters; all zero if the cache is disabled */
  public CacheStatistics cacheStatistics() {
    return cached.map(CachingCustomerStore::statistics).orElse(CacheStatistics.empty());
  }

  /**
   * Erases a customer in one transaction: its profile row and every touchpoint and piece of
   * feedback that arrived with one of {@code subjects}; then drops it from the profile cache.
   * Either everything is removed or, if the database fails, nothing.
   *
   * @param id the customer id
   * @param subjects the identities whose events to remove (usually all of the customer's)
   * @return the number of rows removed, over all tables
   * @throws io.cxs.core.StorageException if the database fails
   */
  public long erase(CustomerId id, Collection<Identity> subjects) {
    Objects.requireNonNull(id, "id");
    List<Identity> ids = List.copyOf(subjects);
    long removed = sql.transaction("JdbcStores.erase", c -> {
      long n = 0;
      for (Identity i : ids) {
        n += touchpoints.deleteSubject(c, i);
        n += feedback.deleteSubject(c, i);
      }
      return n + (rawCustomers.delete(c, id) ? 1 : 0);
    });
    cached.ifPresent(cache -> cache.invalidate(id));
    return removed;
  }

  @Override
  public String toString() {
    return "JdbcStores[" + dialect + ", tenant " + tenant + "]";
  }

  /**
   * Configures {@link JdbcStores}. Each option may be set once.
   *
   * @since 0.1
   */
  public static final class Builder {
    private final DataSource dataSource;
    private String tenant;
    private Dialect dialect;
    private int fetchSize;
    private int scanBatchRows;
    private long cacheSize = -1;
    private Duration cacheExpiry;

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /**
     * @param tenant the tenant id: 1 to 64 letters, digits, {@code _}, {@code -} or {@code .}
     *     (default {@link #DEFAULT_TENANT})
     * @return this builder
     * @throws IllegalArgumentException if the id has other characters or length
     * @throws IllegalStateException if already set
     */
    public Builder tenant(String tenant) {
      checkState(this.tenant == null, "tenant was already set to %s", this.tenant);
      Objects.requireNonNull(tenant, "tenant");
      checkArgument(TENANT.matcher(tenant).matches(),
          "tenant must be 1 to 64 letters, digits, '_', '-' or '.' but was '%s'", tenant);
      this.tenant = tenant;
      return this;
    }

    /**
     * @param dialect the SQL dialect (default: detected from the database's product name)
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder dialect(Dialect dialect) {
      checkState(this.dialect == null, "dialect was already set to %s", this.dialect);
      this.dialect = Objects.requireNonNull(dialect, "dialect");
      return this;
    }

    /**
     * @param rows the JDBC fetch size of streaming reads (default {@link #DEFAULT_FETCH_SIZE})
     * @return this builder
     * @throws IllegalArgumentException if not positive
     * @throws IllegalStateException if already set
     */
    public Builder fetchSize(int rows) {
      checkState(fetchSize == 0, "fetchSize was already set to %s", fetchSize);
      checkArgument(rows > 0, "fetchSize must be > 0 but was %s", rows);
      this.fetchSize = rows;
      return this;
    }

    /**
     * @param rows how many rows a scan batch holds before it is cut at the next subject boundary
     *     (default {@link #DEFAULT_SCAN_BATCH_ROWS}); a subject with more rows gets a larger batch
     * @return this builder
     * @throws IllegalArgumentException if not positive
     * @throws IllegalStateException if already set
     */
    public Builder scanBatchRows(int rows) {
      checkState(scanBatchRows == 0, "scanBatchRows was already set to %s", scanBatchRows);
      checkArgument(rows > 0, "scanBatchRows must be > 0 but was %s", rows);
      this.scanBatchRows = rows;
      return this;
    }

    /**
     * @param maximumSize the most profiles the cache keeps; 0 disables the cache (default
     *     {@link CachingCustomerStore#DEFAULT_MAXIMUM_SIZE})
     * @return this builder
     * @throws IllegalArgumentException if negative
     * @throws IllegalStateException if already set
     */
    public Builder customerCacheSize(long maximumSize) {
      checkState(cacheSize < 0, "customerCacheSize was already set to %s", cacheSize);
      checkArgument(maximumSize >= 0, "customerCacheSize must be >= 0 but was %s", maximumSize);
      this.cacheSize = maximumSize;
      return this;
    }

    /**
     * @param duration how long a cached profile is kept after loading (default: until evicted
     *     by size or invalidated by a write through these stores)
     * @return this builder
     * @throws IllegalArgumentException if not positive
     * @throws IllegalStateException if already set
     */
    public Builder customerCacheExpiry(Duration duration) {
      checkState(cacheExpiry == null, "customerCacheExpiry was already set to %s", cacheExpiry);
      Objects.requireNonNull(duration, "duration");
      checkArgument(!duration.isNegative() && !duration.isZero(),
          "customerCacheExpiry must be positive but was %s", duration);
      this.cacheExpiry = duration;
      return this;
    }

    /**
     * Builds the stores after checking the database: the dialect is detected if not set, and the
     * schema must be at {@link JdbcSchema#CURRENT_VERSION}.
     *
     * @return the stores
     * @throws IllegalStateException if the schema is missing or at another version (run
     *     {@link JdbcSchema#migrate} first), or the database is not a supported dialect
     * @throws io.cxs.core.StorageException if the database cannot be reached
     */
    public JdbcStores build() {
      Dialect d = dialect != null ? dialect : detect(dataSource);
      OptionalInt version = JdbcSchema.version(dataSource);
      checkState(version.isPresent(),
          "the database has no cxs schema: run JdbcSchema.migrate(dataSource, Dialect.%s) first",
          d);
      checkState(version.getAsInt() == JdbcSchema.CURRENT_VERSION,
          "the database has cxs schema version %s but this release needs %s: run"
              + " JdbcSchema.migrate first", version.getAsInt(), JdbcSchema.CURRENT_VERSION);
      return new JdbcStores(this, d);
    }

    private static Dialect detect(DataSource ds) {
      String product = new Sql(ds).autoCommit("JdbcStores.build",
          c -> c.getMetaData().getDatabaseProductName());
      return Dialect.fromProductName(product).orElseThrow(() -> new IllegalStateException(
          "database '" + product + "' is not supported: use H2 or PostgreSQL"));
    }
  }
}
