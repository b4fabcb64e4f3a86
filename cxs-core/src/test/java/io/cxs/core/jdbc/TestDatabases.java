package io.cxs.core.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * Databases for JDBC store tests: a fresh in-memory H2 database, or the PostgreSQL server named
 * by the environment variable {@value #POSTGRES_URL_ENV} (a JDBC URL with credentials, as
 * {@code .ci/run} exports it). Without a reachable server the PostgreSQL tests are skipped with
 * a message, except when {@code CI=true}: then they fail, so they never pass by not running.
 */
public final class TestDatabases {
  /** The environment variable with the PostgreSQL JDBC URL. */
  public static final String POSTGRES_URL_ENV = "CXS_TEST_POSTGRES_URL";

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static Optional<DriverManagerDataSource> postgres;
  private static String postgresProblem;

  private TestDatabases() {}

  /** @return a new, migrated, private in-memory H2 database */
  public static DriverManagerDataSource h2() {
    DriverManagerDataSource ds = DriverManagerDataSource.of(
        "jdbc:h2:mem:cxs-test-" + COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    JdbcSchema.migrate(ds, Dialect.H2);
    return ds;
  }

  /** @return a tenant id no other test uses */
  public static String uniqueTenant() {
    return "t" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
  }

  /**
   * @return the migrated PostgreSQL test database, shared by the tests of this JVM
   * @throws org.opentest4j.TestAbortedException if no server is reachable on a developer's machine
   * @throws AssertionError if no server is reachable and {@code CI=true}
   */
  public static synchronized DriverManagerDataSource postgres() {
    if (postgres == null) {
      postgres = connectPostgres();
    }
    if (postgres.isEmpty()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("PostgreSQL tests must run on CI but " + postgresProblem);
      }
      Assumptions.abort("PostgreSQL tests skipped: " + postgresProblem);
    }
    return postgres.get();
  }

  private static Optional<DriverManagerDataSource> connectPostgres() {
    String url = System.getenv(POSTGRES_URL_ENV);
    if (url == null || url.isBlank()) {
      postgresProblem = POSTGRES_URL_ENV + " is not set (see .ci/run for how to start a server)";
      return Optional.empty();
    }
    DriverManagerDataSource ds = DriverManagerDataSource.of(url);
    try (Connection c = ds.getConnection()) {
      c.isValid(5);
    } catch (SQLException e) {
      postgresProblem = "no PostgreSQL server at " + ds.describe() + ": " + e.getMessage();
      return Optional.empty();
    }
    JdbcSchema.migrate(ds, Dialect.POSTGRESQL);
    return Optional.of(ds);
  }
}
