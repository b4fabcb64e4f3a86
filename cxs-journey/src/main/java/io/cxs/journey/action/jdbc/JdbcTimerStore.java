package io.cxs.journey.action.jdbc;

import io.cxs.core.internal.Sql;
import io.cxs.core.customer.Identity;
import io.cxs.core.jdbc.Dialect;
import io.cxs.journey.action.Timer;
import io.cxs.journey.action.TimerStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The JDBC {@link TimerStore}: table {@code cxs_timer}. {@code put} inserts and ignores a
 * duplicate key; {@code take} reads the row and deletes it in one transaction, and only the
 * caller whose delete removed the row gets the timer, so exactly one node runs it.
 */
final class JdbcTimerStore implements TimerStore {
  private static final String COLUMNS = "id, kind, rule_id, subject, occurrence_id, occurred_ms,"
      + " occurred_ns, due_ms, due_ns, action_index, attempt";

  private final Sql db;
  private final Dialect dialect;
  private final String tenant;
  private final String insert;

  JdbcTimerStore(Sql db, Dialect dialect, String tenant) {
    this.db = db;
    this.dialect = dialect;
    this.tenant = tenant;
    this.insert = "INSERT INTO cxs_timer (tenant, " + COLUMNS + ") VALUES"
        + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        + (dialect == Dialect.POSTGRESQL ? " ON CONFLICT DO NOTHING" : "");
  }

  @Override
  public boolean put(Timer timer) {
    Objects.requireNonNull(timer, "timer");
    return db.autoCommit("TimerStore.put", c -> {
      try (PreparedStatement ps = c.prepareStatement(insert)) {
        ps.setString(1, tenant);
        ps.setString(2, timer.id());
        ps.setString(3, timer.kind().name());
        ps.setString(4, timer.ruleId());
        ps.setString(5, timer.subject().key());
        ps.setString(6, timer.occurrenceId());
        ps.setLong(7, InstantColumns.millis(timer.occurredAt()));
        ps.setInt(8, InstantColumns.nanos(timer.occurredAt()));
        ps.setLong(9, InstantColumns.millis(timer.dueAt()));
        ps.setInt(10, InstantColumns.nanos(timer.dueAt()));
        ps.setInt(11, timer.actionIndex());
        ps.setInt(12, timer.attempt());
        return ps.executeUpdate() > 0;
      } catch (SQLException e) {
        if (Sql.isUniqueViolation(e)) {
          return false;
        }
        throw e;
      }
    });
  }

  @Override
  public Optional<Timer> take(String id) {
    Objects.requireNonNull(id, "id");
    return db.transaction("TimerStore.take", c -> {
      Optional<Timer> found;
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + COLUMNS + " FROM cxs_timer WHERE tenant = ? AND id = ?")) {
        ps.setString(1, tenant);
        ps.setString(2, id);
        try (ResultSet rs = ps.executeQuery()) {
          found = rs.next() ? Optional.of(read(rs)) : Optional.empty();
        }
      }
      if (found.isEmpty()) {
        return found;
      }
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM cxs_timer WHERE tenant = ? AND id = ?")) {
        ps.setString(1, tenant);
        ps.setString(2, id);
        return ps.executeUpdate() == 1 ? found : Optional.<Timer>empty();
      }
    });
  }

  @Override
  public List<Timer> all() {
    return db.autoCommit("TimerStore.all", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
          + " FROM cxs_timer WHERE tenant = ? ORDER BY due_ms, due_ns, id")) {
        ps.setString(1, tenant);
        List<Timer> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(read(rs));
          }
        }
        return out;
      }
    });
  }

  private static Timer read(ResultSet rs) throws SQLException {
    return new Timer(rs.getString(1), Timer.Kind.valueOf(rs.getString(2)), rs.getString(3),
        Identity.parse(rs.getString(4)), rs.getString(5),
        InstantColumns.instant(rs.getLong(6), rs.getInt(7)), InstantColumns.instant(rs.getLong(8), rs.getInt(9)),
        rs.getInt(10), rs.getInt(11));
  }

  @Override
  public String toString() {
    return "JdbcTimerStore[" + dialect + ", tenant " + tenant + "]";
  }
}
