package io.cxs.core.jdbc;

import io.cxs.core.internal.Sql;
import io.cxs.core.customer.Identity;
import io.cxs.core.json.JsonText;
import io.cxs.core.spi.ScanDictionary;
import io.cxs.core.spi.TouchpointBatch;
import io.cxs.core.spi.TouchpointStore;
import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.JourneyStage;
import io.cxs.core.touchpoint.Money;
import io.cxs.core.touchpoint.Touchpoint;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/** The JDBC {@link TouchpointStore}: table {@code cxs_touchpoint}, streamed in columnar batches. */
final class JdbcTouchpointStore extends EventTable<Touchpoint> implements TouchpointStore {
  private static final Map<String, Integer> STAGE_CODES = new HashMap<>();

  static {
    for (JourneyStage s : JourneyStage.values()) {
      STAGE_CODES.put(s.code(), s.ordinal());
    }
  }

  JdbcTouchpointStore(Sql sql, Dialect dialect, String tenant, int fetchSize, int batchRows) {
    super(sql, dialect, tenant, fetchSize, batchRows, "cxs_touchpoint", "TouchpointStore",
        "tenant, event_id, subject, ts, name, channel, stage, amount, amount_exact, currency,"
            + " properties");
  }

  @Override
  String eventId(Touchpoint row) {
    return row.eventId();
  }

  @Override
  Identity subject(Touchpoint row) {
    return row.subject();
  }

  @Override
  void bind(PreparedStatement ps, int at, Touchpoint t) throws SQLException {
    ps.setString(at, tenant);
    ps.setString(at + 1, t.eventId());
    ps.setString(at + 2, t.subject().key());
    ps.setLong(at + 3, t.timestamp().toEpochMilli());
    ps.setString(at + 4, t.name());
    ps.setString(at + 5, t.channel().name());
    if (t.stage().isPresent()) {
      ps.setString(at + 6, t.stage().get().code());
    } else {
      ps.setNull(at + 6, Types.VARCHAR);
    }
    if (t.value().isPresent()) {
      Money m = t.value().get();
      ps.setDouble(at + 7, m.amount().doubleValue());
      ps.setString(at + 8, m.amount().toPlainString());
      ps.setString(at + 9, m.currency());
    } else {
      ps.setNull(at + 7, Types.DOUBLE);
      ps.setNull(at + 8, Types.VARCHAR);
      ps.setNull(at + 9, Types.CHAR);
    }
    if (t.properties().isEmpty()) {
      ps.setNull(at + 10, Types.VARCHAR);
    } else {
      ps.setString(at + 10, JsonText.write(t.properties()));
    }
  }

  @Override
  String selectColumns() {
    return "event_id, subject, ts, name, channel, stage, amount_exact, currency, properties";
  }

  @Override
  Touchpoint read(ResultSet rs) throws SQLException {
    String stage = rs.getString(6);
    String amount = rs.getString(7);
    String props = rs.getString(9);
    return new Touchpoint(rs.getString(1), Identity.parse(rs.getString(2)),
        new Channel(rs.getString(5)), rs.getString(4), Instant.ofEpochMilli(rs.getLong(3)),
        stage == null ? Optional.empty() : JourneyStage.fromCode(stage),
        props == null ? Map.of() : JsonText.readObject(props),
        amount == null ? Optional.empty()
            : Optional.of(new Money(new BigDecimal(amount), rs.getString(8))));
  }

  @Override
  public boolean add(Touchpoint touchpoint) {
    Objects.requireNonNull(touchpoint, "touchpoint");
    return insertOne(touchpoint);
  }

  @Override
  public int addAll(Collection<Touchpoint> touchpoints) {
    return insertAll(List.copyOf(touchpoints));
  }

  @Override
  public boolean contains(String eventId) {
    return has(eventId);
  }

  @Override
  public Optional<Touchpoint> find(String eventId) {
    return findRow(eventId);
  }

  @Override
  public List<Touchpoint> timeline(Identity subject) {
    return timelineOf(subject);
  }

  @Override
  public int delete(Identity subject) {
    return deleteSubject(subject);
  }

  @Override
  public long count() {
    return countRows();
  }

  @Override
  public void scan(Consumer<? super TouchpointBatch> visitor) {
    Objects.requireNonNull(visitor, "visitor");
    GrowingDictionary dictionary = new GrowingDictionary();
    Batch batch = new Batch(dictionary, batchRows, visitor);
    scan("subject, ts, name, channel, stage, amount, properties", "name", dictionary, batch);
  }

  @Override
  public String toString() {
    return "JdbcTouchpointStore[" + dialect + ", tenant " + tenant + "]";
  }

  /**
   * A reusable columnar batch, filled row by row from the result set. Properties are kept as the
   * JSON text read from the column and parsed only when {@link #properties(int)} asks for them,
   * so scans that never look at properties do not pay for parsing.
   */
  private static final class Batch implements TouchpointBatch, ScanRows {
    private final GrowingDictionary dictionary;
    private final Consumer<? super TouchpointBatch> visitor;
    private int size;
    private long[] time;
    private int[] subject;
    private int[] name;
    private int[] channel;
    private byte[] stage;
    private double[] amount;
    /** The properties column as read, null for a row without properties. */
    private String[] propertiesJson;
    /** Parsed properties, filled on first access; reset as rows are overwritten. */
    private Map<String, Object>[] propertiesParsed;
    private String lastName;
    private int lastNameCode;
    private String lastChannel;
    private int lastChannelCode;

    Batch(GrowingDictionary dictionary, int capacity, Consumer<? super TouchpointBatch> visitor) {
      this.dictionary = dictionary;
      this.visitor = visitor;
      int c = Math.max(16, capacity + capacity / 4);
      time = new long[c];
      subject = new int[c];
      name = new int[c];
      channel = new int[c];
      stage = new byte[c];
      amount = new double[c];
      propertiesJson = new String[c];
      propertiesParsed = newMaps(c);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object>[] newMaps(int n) {
      return (Map<String, Object>[]) new Map<?, ?>[n];
    }

    @Override
    public void append(ResultSet rs, int subjectCode) throws SQLException {
      if (size == time.length) {
        int c = size * 2;
        time = Arrays.copyOf(time, c);
        subject = Arrays.copyOf(subject, c);
        name = Arrays.copyOf(name, c);
        channel = Arrays.copyOf(channel, c);
        stage = Arrays.copyOf(stage, c);
        amount = Arrays.copyOf(amount, c);
        propertiesJson = Arrays.copyOf(propertiesJson, c);
        propertiesParsed = Arrays.copyOf(propertiesParsed, c);
      }
      int r = size;
      String n = rs.getString(3);
      if (!n.equals(lastName)) {
        lastName = n;
        lastNameCode = dictionary.encodeName(n);
      }
      String ch = rs.getString(4);
      if (!ch.equals(lastChannel)) {
        lastChannel = ch;
        lastChannelCode = dictionary.encodeChannel(ch);
      }
      if (lastNameCode < 0 || lastChannelCode < 0) {
        return; // written after the dictionary was read: a concurrent write the scan skips
      }
      name[r] = lastNameCode;
      channel[r] = lastChannelCode;
      subject[r] = subjectCode;
      time[r] = rs.getLong(2);
      String st = rs.getString(5);
      stage[r] = (byte) (st == null ? NO_STAGE : STAGE_CODES.getOrDefault(st, NO_STAGE));
      double a = rs.getDouble(6);
      amount[r] = rs.wasNull() ? Double.NaN : a;
      propertiesJson[r] = rs.getString(7);
      propertiesParsed[r] = null;
      size = r + 1;
    }

    @Override
    public void flush() {
      visitor.accept(this);
      Arrays.fill(propertiesJson, 0, size, null);
      Arrays.fill(propertiesParsed, 0, size, null);
      size = 0;
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public ScanDictionary dictionary() {
      return dictionary;
    }

    @Override
    public long epochMillis(int row) {
      return time[row];
    }

    @Override
    public int subject(int row) {
      return subject[row];
    }

    @Override
    public int name(int row) {
      return name[row];
    }

    @Override
    public int channel(int row) {
      return channel[row];
    }

    @Override
    public int stage(int row) {
      return stage[row];
    }

    @Override
    public double amount(int row) {
      return amount[row];
    }

    @Override
    public Map<String, Object> properties(int row) {
      Objects.checkIndex(row, size);
      Map<String, Object> p = propertiesParsed[row];
      if (p == null) {
        String json = propertiesJson[row];
        p = json == null ? Map.of() : JsonText.readObject(json);
        propertiesParsed[row] = p;
      }
      return p;
    }
  }
}
