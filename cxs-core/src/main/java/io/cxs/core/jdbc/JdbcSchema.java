package io.cxs.core.jdbc;

import io.cxs.core.internal.Sql;
import io.cxs.core.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and upgrades the tables of the JDBC stores. The schema is plain SQL scripts shipped in
 * the jar under {@code io/cxs/core/jdbc/h2/} and {@code io/cxs/core/jdbc/postgresql/}
 * ({@code V1__stores.sql}: customers, touchpoints, feedback; {@code V2__actions.sql}: the
 * orchestrator's timers and action log, used by cxs-journey's {@code JdbcActionStores};
 * {@code V3__identifies.sql}: the message ids of applied identify events), so a
 * host that manages its schema with its own tool can apply them itself. {@link #migrate} applies the scripts not yet recorded in the table
 * {@code cxs_schema_version} and records each; it is idempotent.
 *
 * <pre>{@code
 * JdbcSchema.migrate(dataSource, Dialect.H2);   // once, at start-up
 * JdbcStores stores = JdbcStores.builder(dataSource).tenant("acme").build();
 * }</pre>
 *
 * <p>Thread-safe; this class has no state.
 *
 * @since 0.1
 */
public final class JdbcSchema {
  /** The schema version this release of cxs reads and writes. */
  public static final int CURRENT_VERSION = 3;

  private static final Logger LOG = LoggerFactory.getLogger(JdbcSchema.class);
  private static final String[] DESCRIPTIONS = {"", "stores", "actions", "identifies"};

  private JdbcSchema() {}

  /**
   * Brings the schema to {@link #CURRENT_VERSION}, applying each missing version's script in one
   * transaction where the database supports transactional DDL.
   *
   * @param dataSource where the tables live
   * @param dialect the database's dialect
   * @return the number of versions applied (0 if the schema was current)
   * @throws StorageException if a script fails
   * @throws IllegalStateException if the database has a newer schema than this release knows
   */
  public static int migrate(DataSource dataSource, Dialect dialect) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(dialect, "dialect");
    Sql sql = new Sql(dataSource);
    return sql.transaction("JdbcSchema.migrate", c -> {
      run(c, script(dialect, "V0__version.sql"));
      int current = read(c).orElse(0);
      if (current > CURRENT_VERSION) {
        throw new IllegalStateException("database schema version " + current
            + " is newer than this release's version " + CURRENT_VERSION);
      }
      int applied = 0;
      for (int v = current + 1; v <= CURRENT_VERSION; v++) {
        run(c, script(dialect, "V" + v + "__" + DESCRIPTIONS[v] + ".sql"));
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO cxs_schema_version (version, description) VALUES (?, ?)")) {
          ps.setInt(1, v);
          ps.setString(2, DESCRIPTIONS[v]);
          ps.executeUpdate();
        }
        applied++;
        LOG.debug("applied cxs schema version {} ({})", v, dialect);
      }
      return applied;
    });
  }

  /**
   * @param dataSource where the tables live
   * @return the highest applied schema version, or empty if {@link #migrate} never ran there
   * @throws StorageException if the database cannot be read
   */
  public static OptionalInt version(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    return new Sql(dataSource).autoCommit("JdbcSchema.version", c -> {
      if (!hasVersionTable(c)) {
        return OptionalInt.empty();
      }
      return read(c);
    });
  }

  private static boolean hasVersionTable(Connection c) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    for (String name : new String[] {"cxs_schema_version", "CXS_SCHEMA_VERSION"}) {
      try (ResultSet rs = md.getTables(null, null, name, null)) {
        if (rs.next()) {
          return true;
        }
      }
    }
    return false;
  }

  private static OptionalInt read(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT MAX(version) FROM cxs_schema_version")) {
      rs.next();
      int v = rs.getInt(1);
      return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(v);
    }
  }

  /** The statements of a script in this jar: split at {@code ;} ending a line, comments dropped. */
  static List<String> script(Dialect dialect, String name) {
    String path = "/io/cxs/core/jdbc/" + dialect.folder() + "/" + name;
    String text;
    try (InputStream in = JdbcSchema.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("schema script " + path + " is missing from the jar");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema script " + path, e);
    }
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("--")) {
        continue;
      }
      current.append(l).append('\n');
      if (l.endsWith(";")) {
        current.setLength(current.length() - 2);
        statements.add(current.toString());
        current.setLength(0);
      }
    }
    if (current.length() > 0) {
      statements.add(current.toString().strip());
    }
    return statements;
  }

  private static void run(Connection c, List<String> statements) throws SQLException {
    try (Statement st = c.createStatement()) {
      for (String s : statements) {
        st.execute(s);
      }
    }
  }
}
