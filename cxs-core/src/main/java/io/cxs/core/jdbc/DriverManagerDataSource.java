package io.cxs.core.jdbc;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A small {@link DataSource} over {@link DriverManager} that keeps a few idle connections for
 * reuse, for the {@code cxs} command line, tests and benchmarks. A production host passes its
 * own connection pool to {@link JdbcStores} instead.
 *
 * <p>A connection handed out is returned to the pool when closed, with any open transaction
 * rolled back and auto-commit restored; at most {@code maxIdle} are kept. {@link #close()} closes
 * the idle ones; connections still in use are closed when they are returned. The JDBC driver must
 * be on the class path.
 *
 * <p>Thread-safe.
 *
 * @since 0.1
 */
public final class DriverManagerDataSource implements DataSource, AutoCloseable {
  /** The default number of idle connections kept. */
  public static final int DEFAULT_MAX_IDLE = 8;

  private final String url;
  private final Properties properties;
  private final int maxIdle;
  private final ArrayDeque<Connection> idle = new ArrayDeque<>();
  private boolean closed;
  private PrintWriter logWriter;

  private DriverManagerDataSource(String url, Properties properties, int maxIdle) {
    this.url = url;
    this.properties = properties;
    this.maxIdle = maxIdle;
  }

  /**
   * @param url a JDBC URL, such as {@code jdbc:h2:./data/cxs}; credentials may be in the URL
   * @return a data source keeping {@link #DEFAULT_MAX_IDLE} idle connections
   * @throws IllegalArgumentException if {@code url} does not start with {@code jdbc:}
   */
  public static DriverManagerDataSource of(String url) {
    return create(url, new Properties(), DEFAULT_MAX_IDLE);
  }

  /**
   * @param url a JDBC URL
   * @param user the database user
   * @param password the password
   * @return a data source keeping {@link #DEFAULT_MAX_IDLE} idle connections
   * @throws IllegalArgumentException if {@code url} does not start with {@code jdbc:}
   */
  public static DriverManagerDataSource of(String url, String user, String password) {
    Properties p = new Properties();
    p.setProperty("user", Objects.requireNonNull(user, "user"));
    p.setProperty("password", Objects.requireNonNull(password, "password"));
    return create(url, p, DEFAULT_MAX_IDLE);
  }

  /**
   * @param url a JDBC URL
   * @param maxIdle how many idle connections to keep, 0 to keep none
   * @return a data source
   * @throws IllegalArgumentException if {@code url} does not start with {@code jdbc:} or
   *     {@code maxIdle} is negative
   */
  public static DriverManagerDataSource of(String url, int maxIdle) {
    return create(url, new Properties(), maxIdle);
  }

  private static DriverManagerDataSource create(String url, Properties p, int maxIdle) {
    Objects.requireNonNull(url, "url");
    checkArgument(url.startsWith("jdbc:"), "url must start with 'jdbc:' but was '%s'",
        redact(url));
    checkArgument(maxIdle >= 0, "maxIdle must be >= 0 but was %s", maxIdle);
    return new DriverManagerDataSource(url, p, maxIdle);
  }

  /** @return the URL with any {@code password=...} parameter masked, for messages */
  public String describe() {
    return redact(url);
  }

  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection physical = null;
    synchronized (this) {
      if (closed) {
        throw new SQLException("data source " + describe() + " is closed", "08003");
      }
      while (physical == null && !idle.isEmpty()) {
        Connection c = idle.pop();
        if (!c.isClosed()) {
          physical = c;
        }
      }
    }
    if (physical == null) {
      physical = DriverManager.getConnection(url, properties);
    }
    return pooled(physical);
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", username);
    p.setProperty("password", password);
    return DriverManager.getConnection(url, p);
  }

  private Connection pooled(Connection physical) {
    InvocationHandler handler = new InvocationHandler() {
      private boolean released;

      @Override
      public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
          case "close":
            if (!released) {
              released = true;
              release(physical);
            }
            return null;
          case "isClosed":
            return released || physical.isClosed();
          case "equals":
            return proxy == args[0];
          case "hashCode":
            return System.identityHashCode(proxy);
          case "toString":
            return "pooled " + physical;
          default:
            if (released) {
              throw new SQLException("connection was closed", "08003");
            }
            try {
              return method.invoke(physical, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
        }
      }
    };
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, handler);
  }

  private void release(Connection physical) throws SQLException {
    boolean keep;
    try {
      if (!physical.isClosed() && !physical.getAutoCommit()) {
        physical.rollback();
        physical.setAutoCommit(true);
      }
      synchronized (this) {
        keep = !closed && !physical.isClosed() && idle.size() < maxIdle;
        if (keep) {
          idle.push(physical);
        }
      }
    } catch (SQLException e) {
      keep = false;
    }
    if (!keep) {
      physical.close();
    }
  }

  /** Closes the idle connections; connections in use are closed when returned. */
  @Override
  public void close() {
    ArrayDeque<Connection> toClose;
    synchronized (this) {
      closed = true;
      toClose = new ArrayDeque<>(idle);
      idle.clear();
    }
    for (Connection c : toClose) {
      try {
        c.close();
      } catch (SQLException e) {
        // Closing an idle connection that already failed: nothing more to do.
        continue;
      }
    }
  }

  @Override
  public synchronized PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public synchronized void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    DriverManager.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() {
    return DriverManager.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("no java.util.logging parent logger");
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    throw new SQLException("not a wrapper of " + iface.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }

  @Override
  public String toString() {
    return "DriverManagerDataSource[" + describe() + "]";
  }
}
