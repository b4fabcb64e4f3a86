package io.cxs.examples.cli;

import io.cxs.core.Cxs;
import io.cxs.core.cache.CacheStatistics;
import io.cxs.core.jdbc.Dialect;
import io.cxs.core.jdbc.DriverManagerDataSource;
import io.cxs.core.jdbc.JdbcSchema;
import io.cxs.core.jdbc.JdbcStores;
import java.util.Objects;
import java.util.Optional;

/**
 * Opens the engine a command works on: in memory by default, or over a database given with
 * {@code --db jdbc:...} (H2, such as {@code jdbc:h2:./cxs-data/cxs}, or PostgreSQL, such as
 * {@code jdbc:postgresql://localhost/cxs?user=cxs&password=secret}). The schema is created or
 * upgraded on open. Every command that reads or ingests events accepts {@code --db}:
 *
 * <pre>{@code
 * try (Engines.Engine engine = Engines.open(args.optional(Engines.DB_OPTION))) {
 *   args.finish();
 *   Cxs cxs = engine.cxs();
 *   ...
 * }
 * }</pre>
 */
final class Engines {
  /** The option naming the database. */
  static final String DB_OPTION = "db";
  /** What a command's usage line says about the option. */
  static final String DB_USAGE = "[--db jdbc:h2:FILE|jdbc:postgresql://...]";

  private Engines() {}

  /** An engine and what it runs on; closing it releases the database connections. */
  static final class Engine implements AutoCloseable {
    private final Cxs cxs;
    private final Optional<JdbcStores> stores;
    private final Optional<DriverManagerDataSource> dataSource;

    private Engine(Cxs cxs, Optional<JdbcStores> stores,
        Optional<DriverManagerDataSource> dataSource) {
      this.cxs = cxs;
      this.stores = stores;
      this.dataSource = dataSource;
    }

    /** @return the engine */
    Cxs cxs() {
      return cxs;
    }

    /** @return {@code "memory"} or the database URL without its password */
    String description() {
      return dataSource.map(DriverManagerDataSource::describe).orElse("memory");
    }

    /** @return the profile cache's counters; all zero in memory */
    CacheStatistics cacheStatistics() {
      return stores.map(JdbcStores::cacheStatistics).orElse(CacheStatistics.empty());
    }

    @Override
    public void close() {
      cxs.close();
      dataSource.ifPresent(DriverManagerDataSource::close);
    }
  }

  /**
   * @param dbUrl the value of {@code --db}, if given
   * @return an engine on in-memory stores, or on JDBC stores over that database
   * @throws UsageException if the URL is not an H2 or PostgreSQL JDBC URL
   */
  static Engine open(Optional<String> dbUrl) {
    Objects.requireNonNull(dbUrl, "dbUrl");
    if (dbUrl.isEmpty()) {
      return new Engine(Cxs.builder().build(), Optional.empty(), Optional.empty());
    }
    String url = dbUrl.get();
    Dialect dialect = Dialect.fromUrl(url).orElseThrow(() -> new UsageException(
        "option --db must be a jdbc:h2: or jdbc:postgresql: URL but was '"
            + url.replaceAll("(?i)(password=)[^&;]*", "$1***") + "'"));
    DriverManagerDataSource ds = DriverManagerDataSource.of(url);
    try {
      JdbcSchema.migrate(ds, dialect);
      JdbcStores stores = JdbcStores.builder(ds).dialect(dialect).build();
      Cxs cxs = Cxs.builder().customerStore(stores.customers())
          .touchpointStore(stores.touchpoints()).feedbackStore(stores.feedback()).build();
      return new Engine(cxs, Optional.of(stores), Optional.of(ds));
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
  }
}
