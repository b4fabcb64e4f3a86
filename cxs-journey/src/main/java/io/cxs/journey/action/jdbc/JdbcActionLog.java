package io.cxs.journey.action.jdbc;

import io.cxs.core.internal.Sql;
import static com.google.common.base.Preconditions.checkArgument;

import io.cxs.core.customer.CustomerId;
import io.cxs.core.jdbc.Dialect;
import io.cxs.core.touchpoint.Channel;
import io.cxs.journey.action.ActionLog;
import io.cxs.journey.action.ActionRecord;
import io.cxs.journey.action.ActionStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The JDBC {@link ActionLog}: table {@code cxs_action}. {@code claim} is an insert that fails on
 * the primary key (tenant, id), so an action is claimed once across restarts and nodes; the
 * claim order is an identity column.
 */
final class JdbcActionLog implements ActionLog {
  private static final String COLUMNS = "id, rule_id, customer_id, action_type, channel, purpose,"
      + " occurrence_id, at_ms, at_ns, status, reason, detail, attempts";

  private final Sql db;
  private final Dialect dialect;
  private final String tenant;
  private final String insert;

  JdbcActionLog(Sql db, Dialect dialect, String tenant) {
    this.db = db;
    this.dialect = dialect;
    this.tenant = tenant;
    this.insert = "INSERT INTO cxs_action (" + COLUMNS + ", tenant) VALUES"
        + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        + (dialect == Dialect.POSTGRESQL ? " ON CONFLICT DO NOTHING" : "");
  }

  @Override
  public boolean claim(ActionRecord record) {
    Objects.requireNonNull(record, "record");
    return db.autoCommit("ActionLog.claim", c -> {
      try (PreparedStatement ps = c.prepareStatement(insert)) {
        bind(ps, record);
        ps.setString(14, tenant);
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
  public void update(ActionRecord record) {
    Objects.requireNonNull(record, "record");
    int n = db.autoCommit("ActionLog.update", c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE cxs_action SET id = ?, rule_id = ?,"
          + " customer_id = ?, action_type = ?, channel = ?, purpose = ?, occurrence_id = ?,"
          + " at_ms = ?, at_ns = ?, status = ?, reason = ?, detail = ?, attempts = ?"
          + " WHERE tenant = ? AND id = ?")) {
        bind(ps, record);
        ps.setString(14, tenant);
        ps.setString(15, record.id());
        return ps.executeUpdate();
      }
    });
    checkArgument(n > 0, "no action record with id '%s'", record.id());
  }

  @Override
  public Optional<ActionRecord> find(String id) {
    Objects.requireNonNull(id, "id");
    List<ActionRecord> r = select("ActionLog.find", "id = ?", id);
    return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
  }

  @Override
  public List<ActionRecord> timeline(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    return select("ActionLog.timeline", "customer_id = ?", customer.value());
  }

  @Override
  public List<ActionRecord> all() {
    return select("ActionLog.all", "", "");
  }

  @Override
  public int forget(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    return db.autoCommit("ActionLog.forget", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM cxs_action WHERE tenant = ? AND customer_id = ?")) {
        ps.setString(1, tenant);
        ps.setString(2, customer.value());
        return ps.executeUpdate();
      }
    });
  }

  private List<ActionRecord> select(String operation, String condition, String value) {
    return db.autoCommit(operation, c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
          + " FROM cxs_action WHERE tenant = ?" + (condition.isEmpty() ? "" : " AND " + condition)
          + " ORDER BY seq")) {
        ps.setString(1, tenant);
        if (!condition.isEmpty()) {
          ps.setString(2, value);
        }
        List<ActionRecord> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(read(rs));
          }
        }
        return out;
      }
    });
  }

  private static void bind(PreparedStatement ps, ActionRecord r) throws SQLException {
    ps.setString(1, r.id());
    ps.setString(2, r.ruleId());
    ps.setString(3, r.customer().value());
    ps.setString(4, r.type());
    if (r.channel().isPresent()) {
      ps.setString(5, r.channel().get().name());
    } else {
      ps.setNull(5, Types.VARCHAR);
    }
    ps.setString(6, r.purpose());
    ps.setString(7, r.occurrenceId());
    ps.setLong(8, InstantColumns.millis(r.at()));
    ps.setInt(9, InstantColumns.nanos(r.at()));
    ps.setString(10, r.status().name());
    ps.setString(11, r.reason());
    ps.setString(12, r.detail().orElse(null));
    ps.setInt(13, r.attempts());
  }

  private static ActionRecord read(ResultSet rs) throws SQLException {
    String channel = rs.getString(5);
    return new ActionRecord(rs.getString(1), rs.getString(2), CustomerId.of(rs.getString(3)),
        rs.getString(4), channel == null ? Optional.empty() : Optional.of(new Channel(channel)),
        rs.getString(6), rs.getString(7), InstantColumns.instant(rs.getLong(8), rs.getInt(9)),
        ActionStatus.valueOf(rs.getString(10)), rs.getString(11),
        Optional.ofNullable(rs.getString(12)), rs.getInt(13));
  }

  @Override
  public String toString() {
    return "JdbcActionLog[" + dialect + ", tenant " + tenant + "]";
  }
}
