package io.cxs.core.jdbc;

import io.cxs.core.internal.Sql;
import io.cxs.core.customer.Identity;
import io.cxs.core.feedback.Feedback;
import io.cxs.core.feedback.FeedbackKind;
import io.cxs.core.feedback.Scale;
import io.cxs.core.spi.FeedbackBatch;
import io.cxs.core.spi.FeedbackStore;
import io.cxs.core.spi.ScanDictionary;
import io.cxs.core.spi.TouchpointBatch;
import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.JourneyStage;
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
import java.util.OptionalInt;
import java.util.function.Consumer;

/** The JDBC {@link FeedbackStore}: table {@code cxs_feedback}, streamed in columnar batches. */
final class JdbcFeedbackStore extends EventTable<Feedback> implements FeedbackStore {
  private static final Map<String, Integer> STAGE_CODES = new HashMap<>();
  private static final Map<String, Integer> KIND_CODES = new HashMap<>();

  static {
    for (JourneyStage s : JourneyStage.values()) {
      STAGE_CODES.put(s.code(), s.ordinal());
    }
    for (FeedbackKind k : FeedbackKind.values()) {
      KIND_CODES.put(k.code(), k.ordinal());
    }
  }

  JdbcFeedbackStore(Sql sql, Dialect dialect, String tenant, int fetchSize, int batchRows) {
    super(sql, dialect, tenant, fetchSize, batchRows, "cxs_feedback", "FeedbackStore",
        "tenant, event_id, subject, ts, kind, survey, scale_min, scale_max, score, comment_text,"
            + " touchpoint_id, channel, stage");
  }

  @Override
  String eventId(Feedback row) {
    return row.eventId();
  }

  @Override
  Identity subject(Feedback row) {
    return row.subject();
  }

  @Override
  void bind(PreparedStatement ps, int at, Feedback f) throws SQLException {
    ps.setString(at, tenant);
    ps.setString(at + 1, f.eventId());
    ps.setString(at + 2, f.subject().key());
    ps.setLong(at + 3, f.timestamp().toEpochMilli());
    ps.setString(at + 4, f.kind().code());
    ps.setString(at + 5, f.survey());
    ps.setInt(at + 6, f.scale().min());
    ps.setInt(at + 7, f.scale().max());
    if (f.score().isPresent()) {
      ps.setInt(at + 8, f.score().getAsInt());
    } else {
      ps.setNull(at + 8, Types.INTEGER);
    }
    ps.setString(at + 9, f.comment().orElse(null));
    ps.setString(at + 10, f.touchpointId().orElse(null));
    ps.setString(at + 11, f.channel().name());
    ps.setString(at + 12, f.stage().map(JourneyStage::code).orElse(null));
  }

  @Override
  String selectColumns() {
    return "event_id, subject, ts, kind, survey, scale_min, scale_max, score, comment_text,"
        + " touchpoint_id, channel, stage";
  }

  @Override
  Feedback read(ResultSet rs) throws SQLException {
    int score = rs.getInt(8);
    OptionalInt s = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(score);
    String stage = rs.getString(12);
    return new Feedback(rs.getString(1), Identity.parse(rs.getString(2)),
        Instant.ofEpochMilli(rs.getLong(3)), FeedbackKind.fromCode(rs.getString(4)).orElseThrow(),
        rs.getString(5), new Scale(rs.getInt(6), rs.getInt(7)), s,
        Optional.ofNullable(rs.getString(9)), Optional.ofNullable(rs.getString(10)),
        new Channel(rs.getString(11)),
        stage == null ? Optional.empty() : JourneyStage.fromCode(stage));
  }

  @Override
  public boolean add(Feedback feedback) {
    Objects.requireNonNull(feedback, "feedback");
    return insertOne(feedback);
  }

  @Override
  public int addAll(Collection<Feedback> feedback) {
    return insertAll(List.copyOf(feedback));
  }

  @Override
  public boolean contains(String eventId) {
    return has(eventId);
  }

  @Override
  public Optional<Feedback> find(String eventId) {
    return findRow(eventId);
  }

  @Override
  public List<Feedback> timeline(Identity subject) {
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
  public void scan(Consumer<? super FeedbackBatch> visitor) {
    Objects.requireNonNull(visitor, "visitor");
    GrowingDictionary dictionary = new GrowingDictionary();
    scan("subject, ts, survey, kind, score, scale_min, scale_max, channel, stage, touchpoint_id,"
        + " comment_text",
        "survey", dictionary, new Batch(dictionary, batchRows, visitor));
  }

  @Override
  public String toString() {
    return "JdbcFeedbackStore[" + dialect + ", tenant " + tenant + "]";
  }

  /** A reusable columnar batch, filled row by row from the result set. */
  private static final class Batch implements FeedbackBatch, ScanRows {
    private final GrowingDictionary dictionary;
    private final Consumer<? super FeedbackBatch> visitor;
    private int size;
    private long[] time;
    private int[] subject;
    private int[] survey;
    private byte[] kind;
    private int[] score;
    private short[] scaleMin;
    private short[] scaleMax;
    private int[] channel;
    private byte[] stage;
    private String[] touchpointId;
    private String[] comment;

    Batch(GrowingDictionary dictionary, int capacity, Consumer<? super FeedbackBatch> visitor) {
      this.dictionary = dictionary;
      this.visitor = visitor;
      grow(Math.max(16, capacity + capacity / 4));
    }

    private void grow(int c) {
      time = time == null ? new long[c] : Arrays.copyOf(time, c);
      subject = subject == null ? new int[c] : Arrays.copyOf(subject, c);
      survey = survey == null ? new int[c] : Arrays.copyOf(survey, c);
      kind = kind == null ? new byte[c] : Arrays.copyOf(kind, c);
      score = score == null ? new int[c] : Arrays.copyOf(score, c);
      scaleMin = scaleMin == null ? new short[c] : Arrays.copyOf(scaleMin, c);
      scaleMax = scaleMax == null ? new short[c] : Arrays.copyOf(scaleMax, c);
      channel = channel == null ? new int[c] : Arrays.copyOf(channel, c);
      stage = stage == null ? new byte[c] : Arrays.copyOf(stage, c);
      touchpointId = touchpointId == null ? new String[c] : Arrays.copyOf(touchpointId, c);
      comment = comment == null ? new String[c] : Arrays.copyOf(comment, c);
    }

    @Override
    public void append(ResultSet rs, int subjectCode) throws SQLException {
      if (size == time.length) {
        grow(size * 2);
      }
      int r = size;
      int surveyCode = dictionary.encodeName(rs.getString(3));
      int channelCode = dictionary.encodeChannel(rs.getString(8));
      if (surveyCode < 0 || channelCode < 0) {
        return; // written after the dictionary was read: a concurrent write the scan skips
      }
      subject[r] = subjectCode;
      time[r] = rs.getLong(2);
      survey[r] = surveyCode;
      kind[r] = (byte) (int) KIND_CODES.get(rs.getString(4));
      int s = rs.getInt(5);
      score[r] = rs.wasNull() ? NO_SCORE : s;
      scaleMin[r] = (short) rs.getInt(6);
      scaleMax[r] = (short) rs.getInt(7);
      channel[r] = channelCode;
      String st = rs.getString(9);
      stage[r] = (byte) (st == null ? TouchpointBatch.NO_STAGE
          : STAGE_CODES.getOrDefault(st, TouchpointBatch.NO_STAGE));
      String tp = rs.getString(10);
      touchpointId[r] = tp == null ? "" : tp;
      String text = rs.getString(11);
      comment[r] = text == null ? "" : text;
      size = r + 1;
    }

    @Override
    public void flush() {
      visitor.accept(this);
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
    public int survey(int row) {
      return survey[row];
    }

    @Override
    public int kind(int row) {
      return kind[row];
    }

    @Override
    public int score(int row) {
      return score[row];
    }

    @Override
    public int scaleMin(int row) {
      return scaleMin[row];
    }

    @Override
    public int scaleMax(int row) {
      return scaleMax[row];
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
    public String touchpointId(int row) {
      return touchpointId[row];
    }

    @Override
    public String comment(int row) {
      return comment[row];
    }
  }
}
