package io.cxs.core.jdbc;

import io.cxs.core.internal.Sql;
import static com.google.common.base.Preconditions.checkArgument;

import io.cxs.core.StorageException;
import io.cxs.core.customer.Identity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the touchpoint and feedback tables share: idempotent inserts keyed by (tenant, event id),
 * lookups by event id, timelines and deletes by subject. Every statement is scoped by tenant.
 *
 * @param <T> the row type
 */
abstract class EventTable<T> {
  /** The longest event id the schema accepts. */
  static final int MAX_EVENT_ID_LENGTH = 512;
  /** The longest subject key the schema accepts. */
  static final int MAX_SUBJECT_LENGTH = 1000;
  /** Rows per JDBC batch (H2). */
  private static final int JDBC_BATCH = 1000;
  /** Rows per multi-row INSERT (PostgreSQL; at most 13 parameters a row, far below 32767). */
  private static final int MULTI_ROW = 500;
  private static final int ATTEMPTS = 5;

  final Sql sql;
  final Dialect dialect;
  final String tenant;
  final int fetchSize;
  final int batchRows;
  private final String table;
  private final String store;
  private final int columnCount;
  private final String columns;
  private final String rowMarks;
  private final String insert;
  private final String insertIfAbsent;

  EventTable(Sql sql, Dialect dialect, String tenant, int fetchSize, int batchRows, String table,
      String store, String columns) {
    this.sql = sql;
    this.dialect = dialect;
    this.tenant = tenant;
    this.fetchSize = fetchSize;
    this.batchRows = batchRows;
    this.table = table;
    this.store = store;
    int n = columns.split(",").length;
    StringBuilder marks = new StringBuilder();
    for (int i = 0; i < n; i++) {
      marks.append(i == 0 ? "" : ", ").append(columns.contains("properties") && i == n - 1
          ? dialect.jsonParameter() : "?");
    }
    this.columnCount = n;
    this.columns = columns;
    this.rowMarks = "(" + marks + ")";
    this.insert = "INSERT INTO " + table + " (" + columns + ") VALUES " + rowMarks
        + dialect.insertIgnoreSuffix();
    // Without an insert-or-ignore (H2), each row of a batch checks its own key through the
    // primary-key index: parameters 1..n are the row, n+1 and n+2 the tenant and event id.
    this.insertIfAbsent = "INSERT INTO " + table + " (" + columns + ") SELECT " + marks
        + " WHERE NOT EXISTS (SELECT 1 FROM " + table + " WHERE tenant = ? AND event_id = ?)";
  }

  abstract String eventId(T row);

  abstract Identity subject(T row);

  /**
   * Binds every column of {@code row} in the order given to the constructor, starting at
   * parameter {@code at}.
   */
  abstract void bind(PreparedStatement ps, int at, T row) throws SQLException;

  /** The columns that {@link #read} reads, in order. */
  abstract String selectColumns();

  abstract T read(ResultSet rs) throws SQLException;

  final void check(T row) {
    String id = eventId(row);
    checkArgument(id.length() <= MAX_EVENT_ID_LENGTH,
        "eventId must be at most %s characters for a JDBC store but had %s", MAX_EVENT_ID_LENGTH,
        id.length());
    String key = subject(row).key();
    checkArgument(key.length() <= MAX_SUBJECT_LENGTH,
        "subject must be at most %s characters for a JDBC store but had %s", MAX_SUBJECT_LENGTH,
        key.length());
  }

  final boolean insertOne(T row) {
    Objects.requireNonNull(row, "row");
    check(row);
    return sql.autoCommit(store + ".add", c -> {
      try (PreparedStatement ps = c.prepareStatement(insert)) {
        bind(ps, 1, row);
        return ps.executeUpdate() > 0;
      } catch (SQLException e) {
        if (Sql.isUniqueViolation(e)) {
          return false;
        }
        throw e;
      }
    });
  }

  /**
   * Inserts the rows whose event ids are new, in one transaction. A concurrent writer that
   * inserts one of the same ids first may make the transaction fail on the unique key in dialects
   * without an insert-or-ignore; it is then retried, and the retry skips that id.
   */
  final int insertAll(Collection<T> rows) {
    Map<String, T> unique = new LinkedHashMap<>();
    for (T r : rows) {
      Objects.requireNonNull(r, "row");
      check(r);
      unique.putIfAbsent(eventId(r), r);
    }
    if (unique.isEmpty()) {
      return 0;
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return sql.transaction(store + ".addAll", c -> insertNew(c, unique));
      } catch (StorageException e) {
        if (attempt >= ATTEMPTS || !(e.getCause() instanceof SQLException)
            || !Sql.isUniqueViolation((SQLException) e.getCause())) {
          throw e;
        }
      }
    }
  }

  /**
   * Inserts the rows whose keys are not stored yet and counts them exactly. PostgreSQL gets
   * multi-row {@code INSERT ... VALUES (...), (...) ON CONFLICT DO NOTHING} statements of up to
   * {@link #MULTI_ROW} rows; H2 gets one JDBC batch of {@code INSERT ... SELECT ... WHERE NOT
   * EXISTS} rows, each probing the primary key. Both avoid reading the keys back first (an
   * {@code IN} list that H2 answers by scanning the tenant's rows).
   */
  private int insertNew(Connection c, Map<String, T> unique) throws SQLException {
    List<T> rows = new ArrayList<>(unique.values());
    if (!dialect.insertIgnoreSuffix().isEmpty()) {
      return insertMultiRow(c, rows);
    }
    int added = 0;
    try (PreparedStatement ps = c.prepareStatement(insertIfAbsent)) {
      int pending = 0;
      for (T r : rows) {
        bind(ps, 1, r);
        ps.setString(columnCount + 1, tenant);
        ps.setString(columnCount + 2, eventId(r));
        ps.addBatch();
        if (++pending == JDBC_BATCH) {
          added += sum(ps.executeBatch());
          pending = 0;
        }
      }
      if (pending > 0) {
        added += sum(ps.executeBatch());
      }
    }
    return added;
  }

  private int insertMultiRow(Connection c, List<T> rows) throws SQLException {
    int added = 0;
    String full = null;
    for (int from = 0; from < rows.size(); from += MULTI_ROW) {
      int n = Math.min(MULTI_ROW, rows.size() - from);
      String statement;
      if (n == MULTI_ROW) {
        if (full == null) {
          full = multiRowInsert(MULTI_ROW);
        }
        statement = full;
      } else {
        statement = multiRowInsert(n);
      }
      try (PreparedStatement ps = c.prepareStatement(statement)) {
        for (int i = 0; i < n; i++) {
          bind(ps, 1 + i * columnCount, rows.get(from + i));
        }
        added += ps.executeUpdate();
      }
    }
    return added;
  }

  private String multiRowInsert(int rows) {
    StringBuilder q = new StringBuilder(64 + rows * (rowMarks.length() + 2))
        .append("INSERT INTO ").append(table).append(" (").append(columns).append(") VALUES ");
    for (int i = 0; i < rows; i++) {
      q.append(i == 0 ? "" : ", ").append(rowMarks);
    }
    return q.append(dialect.insertIgnoreSuffix()).toString();
  }

  private static int sum(int[] counts) {
    int n = 0;
    for (int k : counts) {
      // SUCCESS_NO_INFO (-2) means the row was inserted but the driver did not count it.
      n += k == java.sql.Statement.SUCCESS_NO_INFO ? 1 : Math.max(k, 0);
    }
    return n;
  }

  final boolean has(String eventId) {
    Objects.requireNonNull(eventId, "eventId");
    return sql.autoCommit(store + ".contains", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT 1 FROM " + table + " WHERE tenant = ? AND event_id = ?")) {
        ps.setString(1, tenant);
        ps.setString(2, eventId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  final Optional<T> findRow(String eventId) {
    Objects.requireNonNull(eventId, "eventId");
    return sql.autoCommit(store + ".find", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + selectColumns() + " FROM "
          + table + " WHERE tenant = ? AND event_id = ?")) {
        ps.setString(1, tenant);
        ps.setString(2, eventId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(read(rs)) : Optional.<T>empty();
        }
      }
    });
  }

  final List<T> timelineOf(Identity subject) {
    Objects.requireNonNull(subject, "subject");
    return sql.autoCommit(store + ".timeline", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + selectColumns() + " FROM "
          + table + " WHERE tenant = ? AND subject = ? ORDER BY ts, event_id")) {
        ps.setString(1, tenant);
        ps.setString(2, subject.key());
        List<T> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(read(rs));
          }
        }
        return out;
      }
    });
  }

  final int deleteSubject(Identity subject) {
    Objects.requireNonNull(subject, "subject");
    return sql.autoCommit(store + ".delete", c -> deleteSubject(c, subject));
  }

  final int deleteSubject(Connection c, Identity subject) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "DELETE FROM " + table + " WHERE tenant = ? AND subject = ?")) {
      ps.setString(1, tenant);
      ps.setString(2, subject.key());
      return ps.executeUpdate();
    }
  }

  final long countRows() {
    return sql.autoCommit(store + ".count", c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT COUNT(*) FROM " + table + " WHERE tenant = ?")) {
        ps.setString(1, tenant);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }

  /** The batch being filled by a scan. */
  interface ScanRows {
    /**
     * Appends the current row of {@code rs}, whose subject has code {@code subject}, unless one
     * of its other values is missing from the sealed dictionary (the row is then skipped).
     */
    void append(ResultSet rs, int subject) throws SQLException;

    /** @return the number of rows in the batch */
    int size();

    /** Hands the batch to the visitor and empties it. */
    void flush();
  }

  /**
   * Streams {@code columns} (the first must be the subject) of every row of the tenant ordered
   * by subject, time and event id, with the configured fetch size, in one read transaction. A
   * batch is cut only where the subject changes, once it holds at least the configured number of
   * rows, so a subject never spans two batches.
   *
   * <p>Before the rows, the same transaction reads the tenant's distinct subjects (in scan order,
   * from the subject index) and its distinct {@code nameColumn} and channel values, and seals
   * the dictionary with them, so that the first batch's dictionary is already complete (see
   * {@link io.cxs.core.spi.ScanDictionary#complete()}) and the analytics above can size their
   * tables once. A row written after that read by a concurrent transaction, with a value the
   * dictionary lacks, is skipped ({@link ScanRows#append} gets -1 as its subject, or sees -1
   * from the dictionary), as the SPI allows for rows added during a scan.
   *
   * <p>The order names the tenant too, though it is fixed, so that it is exactly the subject
   * index's: H2 then reads that index in order instead of sorting every row of the tenant, which
   * was about 4× slower on 300,000 rows that had arrived with customers interleaved.
   */
  final void scan(String columns, String nameColumn, GrowingDictionary dictionary,
      ScanRows rows) {
    sql.transaction(store + ".scan", c -> {
      preload(c, "SELECT subject FROM " + table + " WHERE tenant = ? GROUP BY tenant, subject"
          + " ORDER BY tenant, subject", rs -> dictionary.encodeSubject(rs.getString(1)));
      preload(c, "SELECT DISTINCT " + nameColumn + ", channel FROM " + table
          + " WHERE tenant = ?", rs -> {
            dictionary.encodeName(rs.getString(1));
            dictionary.encodeChannel(rs.getString(2));
          });
      dictionary.seal();
      try (PreparedStatement ps = c.prepareStatement(scanSql(columns),
          ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
        ps.setFetchSize(fetchSize);
        ps.setString(1, tenant);
        try (ResultSet rs = ps.executeQuery()) {
          String lastKey = null;
          int last = -1;
          while (rs.next()) {
            String key = rs.getString(1);
            if (!key.equals(lastKey)) {
              if (rows.size() >= batchRows) {
                rows.flush();
              }
              last = dictionary.encodeSubject(key);
              lastKey = key;
            }
            if (last >= 0) {
              rows.append(rs, last);
            }
          }
        }
      }
      if (rows.size() > 0) {
        rows.flush();
      }
      return null;
    });
  }

  /** A row handler that may throw {@link SQLException}. */
  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  private void preload(Connection c, String query, RowReader reader) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(query)) {
      ps.setFetchSize(fetchSize);
      ps.setString(1, tenant);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reader.read(rs);
        }
      }
    }
  }

  /** @return the query of {@link #scan}, its one parameter the tenant */
  final String scanSql(String columns) {
    return "SELECT " + columns + " FROM " + table
        + " WHERE tenant = ? ORDER BY tenant, subject, ts, event_id";
  }
}
