package io.cxs.examples.cli;

import io.cxs.core.Cxs;
import io.cxs.core.cache.CacheStatistics;
import io.cxs.core.jdbc.Dialect;
import io.cxs.core.jdbc.DriverManagerDataSource;
import io.cxs.core.jdbc.JdbcSchema;
import io.cxs.core.jdbc.JdbcStores;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Opens the engine a command works on: in memory by default, or over a database given with
 * {@code --db jdbc:...} (H2, such as {@code jdbc:h2:./cxs-data/cxs}, or PostgreSQL, such as
 * {@code jdbc:postgresql://localhost/cxs?user=cxs&password=secret}). The schema is created or
 * upgraded on open. Every command that reads or ingests events accepts {@code --db}. Without it
 * {@code --events} is required; with it {@code --events} is optional: its events are ingested
 * into the database (duplicates by message id are skipped, so a file can be given again), and
 * the command then works on everything the database holds.
 *
 * <pre>{@code
 * Engines.Source source = Engines.source(args);
 * args.finish();
 * try (Engines.Engine engine = Engines.open(source.db())) {
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

  /** The option naming the events file. */
  static final String EVENTS_OPTION = "events";
  /** What a command's usage line says about {@code --events} and {@code --db}. */
  static final String SOURCE_USAGE = "[--events FILE.jsonl] " + DB_USAGE;

  private Engines() {}

  /**
   * Where a command's events come from.
   *
   * @param events the file to ingest, if given
   * @param db the database URL, if given
   */
  record Source(Optional<Path> events, Optional<String> db) {
    Source {
      Objects.requireNonNull(events, "events");
      Objects.requireNonNull(db, "db");
    }

    /** @return the file and/or the database, for messages */
    String describe() {
      String base = db.map(Engines::redact).orElse("");
      if (events.isEmpty()) {
        return base;
      }
      return base.isEmpty() ? events.get().toString() : events.get() + " and " + base;
    }
  }

  /** @return {@code url} with any {@code password=...} parameter masked */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  /**
   * Reads {@code --db} and {@code --events}: without {@code --db}, {@code --events} is required;
   * with it, optional.
   *
   * @throws UsageException if {@code --events} is missing without {@code --db}, or names no
   *     readable file
   */
  static Source source(Args args) {
    Optional<String> db = args.optional(DB_OPTION);
    if (db.isEmpty()) {
      if (args.optional(EVENTS_OPTION).isEmpty()) {
        throw new UsageException("option --events is required without --db");
      }
      return new Source(Optional.of(args.existingFile(EVENTS_OPTION)), db);
    }
    Optional<Path> events = args.optional(EVENTS_OPTION).isPresent()
        ? Optional.of(args.existingFile(EVENTS_OPTION)) : Optional.empty();
    return new Source(events, db);
  }

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
    return open(dbUrl, Clock.systemUTC());
  }

  /**
   * @param dbUrl the value of {@code --db}, if given
   * @param clock the engine's clock
   * @return an engine on in-memory stores, or on JDBC stores over that database
   * @throws UsageException if the URL is not an H2 or PostgreSQL JDBC URL
   */
  static Engine open(Optional<String> dbUrl, Clock clock) {
    Objects.requireNonNull(dbUrl, "dbUrl");
    Objects.requireNonNull(clock, "clock");
    if (dbUrl.isEmpty()) {
      return new Engine(Cxs.builder().clock(clock).build(), Optional.empty(), Optional.empty());
    }
    String url = dbUrl.get();
    Dialect dialect = Dialect.fromUrl(url).orElseThrow(() -> new UsageException(
        "option --db must be a jdbc:h2: or jdbc:postgresql: URL but was '"
            + redact(url) + "'"));
    DriverManagerDataSource ds = DriverManagerDataSource.of(url);
    try {
      JdbcSchema.migrate(ds, dialect);
      JdbcStores stores = JdbcStores.builder(ds).dialect(dialect).build();
      Cxs cxs = Cxs.builder().clock(clock).customerStore(stores.customers())
          .touchpointStore(stores.touchpoints()).feedbackStore(stores.feedback())
          .eraser(stores.eraser()).build();
      return new Engine(cxs, Optional.of(stores), Optional.of(ds));
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
  }
}
