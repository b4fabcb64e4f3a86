package io.cxs.journey.action.jdbc;

import io.cxs.core.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/** Runs work on a borrowed connection and turns {@link SQLException} into StorageException. */
final class Db {
  /** SQLState of a unique-constraint violation (both H2 and PostgreSQL). */
  static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;

  Db(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @FunctionalInterface
  interface Work<R> {
    R apply(Connection c) throws SQLException;
  }

  /** Runs {@code work} on an auto-commit connection. */
  <R> R autoCommit(String operation, Work<R> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.apply(c);
    } catch (SQLException e) {
      throw failure(operation, e);
    }
  }

  /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
  <R> R transaction(String operation, Work<R> work) {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        R r = work.apply(c);
        c.commit();
        return r;
      } catch (SQLException | RuntimeException | Error e) {
        try {
          c.rollback();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw failure(operation, e);
    }
  }

  static boolean isUniqueViolation(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      if (UNIQUE_VIOLATION.equals(x.getSQLState())) {
        return true;
      }
    }
    return e.getCause() instanceof SQLException && isUniqueViolation((SQLException) e.getCause());
  }

  static StorageException failure(String operation, SQLException e) {
    return new StorageException(operation, "database failed (SQLState " + e.getSQLState()
        + ", error " + e.getErrorCode() + ")", e);
  }

  /** Milliseconds for ordering; with {@link #nanos} the instant round-trips exactly. */
  static long millis(Instant t) {
    return t.getEpochSecond() * 1000 + t.getNano() / 1_000_000;
  }

  static int nanos(Instant t) {
    return t.getNano();
  }

  static Instant instant(long millis, int nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(millis, 1000), nanos);
  }
}
