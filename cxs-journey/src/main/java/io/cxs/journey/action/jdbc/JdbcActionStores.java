package io.cxs.journey.action.jdbc;

import io.cxs.core.internal.Sql;
import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import io.cxs.core.jdbc.Dialect;
import io.cxs.core.jdbc.JdbcSchema;
import io.cxs.journey.action.ActionLog;
import io.cxs.journey.action.TimerStore;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The durable {@link TimerStore} and {@link ActionLog} of one tenant over a host's
 * {@link DataSource} (H2 or PostgreSQL), in the tables {@code cxs_timer} and {@code cxs_action}
 * of cxs schema version 2. With them, pending timers survive a restart: a new
 * {@link io.cxs.journey.action.Orchestrator} over the same database reschedules them on
 * {@code start()}, and each runs exactly once (a timer is taken by a delete whose row count
 * decides who runs it; an action is claimed by an insert on its primary key), also across nodes.
 *
 * <pre>{@code
 * JdbcSchema.migrate(dataSource, Dialect.POSTGRESQL);   // once, at start-up
 * JdbcActionStores actions = JdbcActionStores.builder(dataSource).tenant("acme").build();
 * Orchestrator orchestrator = Orchestrator.builder(cxs)
 *     .rules(rules)
 *     .timerStore(actions.timers())
 *     .actionLog(actions.actionLog())
 *     .build()
 *     .start();
 * }</pre>
 *
 * <p>Each call is one statement or transaction on a connection borrowed from the data source.
 * Every statement is scoped by the tenant. Thread-safe.
 *
 * @since 0.1
 */
public final class JdbcActionStores {
  /** The tenant of a builder that sets none (the same as the event stores' default). */
  public static final String DEFAULT_TENANT = "default";

  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private final Dialect dialect;
  private final String tenant;
  private final JdbcTimerStore timers;
  private final JdbcActionLog log;

  private JdbcActionStores(DataSource dataSource, Dialect dialect, String tenant) {
    Sql db = new Sql(dataSource);
    this.dialect = dialect;
    this.tenant = tenant;
    this.timers = new JdbcTimerStore(db, dialect, tenant);
    this.log = new JdbcActionLog(db, dialect, tenant);
  }

  /**
   * @param dataSource the host's data source; connections are borrowed per call and closed
   * @return a builder for the default tenant and the dialect detected from the database
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
  }

  /** @return the durable timer store */
  public TimerStore timers() {
    return timers;
  }

  /** @return the durable action log */
  public ActionLog actionLog() {
    return log;
  }

  /** @return the tenant every operation is scoped to */
  public String tenant() {
    return tenant;
  }

  /** @return the SQL dialect in use */
  public Dialect dialect() {
    return dialect;
  }

  @Override
  public String toString() {
    return "JdbcActionStores[" + dialect + ", tenant " + tenant + "]";
  }

  /**
   * Configures {@link JdbcActionStores}. Each option may be set once.
   *
   * @since 0.1
   */
  public static final class Builder {
    private final DataSource dataSource;
    private String tenant;
    private Dialect dialect;

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /**
     * @param tenant the tenant id: 1 to 64 letters, digits, {@code _}, {@code -} or {@code .}
     *     (default {@link #DEFAULT_TENANT}); use the event stores' tenant
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
     * Builds the stores after checking that the schema is at version 2 or later.
     *
     * @return the stores
     * @throws IllegalStateException if the schema is missing or older (run
     *     {@link JdbcSchema#migrate} first), or the database is not a supported dialect
     * @throws io.cxs.core.StorageException if the database cannot be reached
     */
    public JdbcActionStores build() {
      Dialect d = dialect != null ? dialect : detect(dataSource);
      OptionalInt version = JdbcSchema.version(dataSource);
      checkState(version.isPresent() && version.getAsInt() >= 2,
          "the database needs cxs schema version 2 for timers and actions but has %s: run"
              + " JdbcSchema.migrate(dataSource, Dialect.%s) first",
          version.isPresent() ? String.valueOf(version.getAsInt()) : "none", d);
      return new JdbcActionStores(dataSource, d, tenant != null ? tenant : DEFAULT_TENANT);
    }

    private static Dialect detect(DataSource ds) {
      String product = new Sql(ds).autoCommit("JdbcActionStores.build",
          c -> c.getMetaData().getDatabaseProductName());
      return Dialect.fromProductName(product).orElseThrow(() -> new IllegalStateException(
          "database '" + product + "' is not supported: use H2 or PostgreSQL"));
    }
  }
}
