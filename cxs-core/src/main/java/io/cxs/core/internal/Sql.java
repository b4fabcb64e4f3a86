package io.cxs.core.internal;

import io.cxs.core.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs work on a connection from the host's data source, in auto-commit mode or in one
 * transaction, and turns {@link SQLException} into {@link StorageException}. Shared by the JDBC
 * stores of cxs-core and cxs-journey; not API.
 */
public final class Sql {
  /** SQLState of a unique-constraint violation (both H2 and PostgreSQL). */
  public static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;

  /** @param dataSource the host's data source */
  public Sql(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Work on a connection; may throw {@link SQLException}. */
  @FunctionalInterface
  public interface Work<R> {
    R apply(Connection c) throws SQLException;
  }

  /** @return the data source */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Runs {@code work} on an auto-commit connection. */
  public <R> R autoCommit(String operation, Work<R> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.apply(c);
    } catch (SQLException e) {
      throw failure(operation, e);
    }
  }

  /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
  public <R> R transaction(String operation, Work<R> work) {
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

  /** @return true if {@code e} or a chained exception is a unique-constraint violation */
  public static boolean isUniqueViolation(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      if (UNIQUE_VIOLATION.equals(x.getSQLState())) {
        return true;
      }
    }
    return e.getCause() instanceof SQLException && isUniqueViolation((SQLException) e.getCause());
  }

  /** @return a {@link StorageException} for a failed operation, with the SQL state */
  public static StorageException failure(String operation, SQLException e) {
    return new StorageException(operation, "database failed (SQLState " + e.getSQLState()
        + ", error " + e.getErrorCode() + ")", e);
  }
}
