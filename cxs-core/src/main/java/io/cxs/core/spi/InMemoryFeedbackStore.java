package io.cxs.core.spi;

import io.cxs.core.customer.Identity;
import io.cxs.core.feedback.Feedback;
import io.cxs.core.feedback.FeedbackKind;
import io.cxs.core.feedback.Scale;
import io.cxs.core.internal.FeedbackArrays;
import io.cxs.core.touchpoint.JourneyStage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The in-memory {@link FeedbackStore}: columns of primitives (see {@link ColumnarLog}) plus one
 * sparse list of the rows with a comment or a rated touchpoint.
 */
final class InMemoryFeedbackStore extends ColumnarLog implements FeedbackStore {
  private static final JourneyStage[] STAGES = JourneyStage.values();
  private static final FeedbackKind[] KINDS = FeedbackKind.values();
  private static final short MISSING_SCORE = FeedbackArrays.MISSING_SCORE;
  private static final int HAS_EXTRA = FeedbackArrays.HAS_EXTRA;

  private final Dict<Scale> scales = new Dict<>();
  private int[] survey = new int[0];
  private short[] score = new short[0];
  private byte[] kind = new byte[0];
  private byte[] scale = new byte[0];
  private short[] channel = new short[0];
  /** Bits 0-6: the journey stage ordinal + 1 (0 for none); bit 7: the row has an {@link Extra}. */
  private byte[] stage = new byte[0];
  /** The {@link Extra} of the rows that have one: most rows have none. */
  private final SparseColumn<Extra> extras = new SparseColumn<>();

  /** What only some feedback has: a comment and the rated touchpoint. */
  private static final class Extra {
    final Optional<String> comment;
    final Optional<String> touchpointId;

    Extra(Optional<String> comment, Optional<String> touchpointId) {
      this.comment = comment;
      this.touchpointId = touchpointId;
    }
  }

  @Override
  void growColumns(int capacity) {
    survey = Arrays.copyOf(survey, capacity);
    score = Arrays.copyOf(score, capacity);
    kind = Arrays.copyOf(kind, capacity);
    scale = Arrays.copyOf(scale, capacity);
    channel = Arrays.copyOf(channel, capacity);
    stage = Arrays.copyOf(stage, capacity);
  }

  @Override
  void gather(int[] perm, int n, int capacity) {
    int[] su = new int[capacity];
    short[] sc = new short[capacity];
    byte[] k = new byte[capacity];
    byte[] sl = new byte[capacity];
    short[] ch = new short[capacity];
    byte[] st = new byte[capacity];
    for (int i = 0; i < n; i++) {
      int r = perm[i];
      su[i] = survey[r];
      sc[i] = score[r];
      k[i] = kind[r];
      sl[i] = scale[r];
      ch[i] = channel[r];
      st[i] = stage[r];
    }
    survey = su;
    score = sc;
    kind = k;
    scale = sl;
    channel = ch;
    byte[] oldStage = stage;
    extras.gather(perm, n, r -> oldStage[r] < 0);
    stage = st;
  }

  @Override
  public boolean add(Feedback feedback) {
    Objects.requireNonNull(feedback, "feedback");
    lock.writeLock().lock();
    try {
      return append(feedback);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public int addAll(Collection<Feedback> feedback) {
    List<Feedback> copy = List.copyOf(feedback);
    lock.writeLock().lock();
    try {
      int added = 0;
      for (Feedback f : copy) {
        if (append(f)) {
          added++;
        }
      }
      return added;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private boolean append(Feedback f) {
    byte[] id = newIdOrNull(f.eventId());
    if (id == null) {
      return false;
    }
    int channelCode = channels.encode(f.channel());
    int scaleCode = scales.encode(f.scale());
    if (channelCode > Short.MAX_VALUE || scaleCode > Byte.MAX_VALUE) {
      throw new IllegalStateException("too many distinct channels (" + channelCode
          + ") or scales (" + scaleCode + ")");
    }
    int row = appendRow(id, subjects.encode(f.subject()), f.timestamp().toEpochMilli());
    survey[row] = names.encode(f.survey());
    score[row] = f.score().isPresent() ? (short) f.score().getAsInt() : MISSING_SCORE;
    kind[row] = (byte) f.kind().ordinal();
    scale[row] = (byte) scaleCode;
    channel[row] = (short) channelCode;
    int st = f.stage().isPresent() ? f.stage().get().ordinal() + 1 : 0;
    if (f.comment().isPresent() || f.touchpointId().isPresent()) {
      extras.add(row, new Extra(f.comment(), f.touchpointId()));
      st |= HAS_EXTRA;
    }
    stage[row] = (byte) st;
    finishAppend();
    return true;
  }

  @Override
  public boolean contains(String eventId) {
    Objects.requireNonNull(eventId, "eventId");
    lock.readLock().lock();
    try {
      return rowOf(eventId) >= 0;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Optional<Feedback> find(String eventId) {
    Objects.requireNonNull(eventId, "eventId");
    lock.readLock().lock();
    try {
      int row = rowOf(eventId);
      return row < 0 ? Optional.empty() : Optional.of(toFeedback(row));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<Feedback> timeline(Identity subject) {
    Objects.requireNonNull(subject, "subject");
    lock.readLock().lock();
    try {
      OptionalInt code = subjects.code(subject);
      if (code.isEmpty()) {
        return List.of();
      }
      int[] rows = rowsOf(code.getAsInt());
      List<Feedback> out = new ArrayList<>(rows.length);
      for (int r : rows) {
        out.add(toFeedback(r));
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  private Feedback toFeedback(int row) {
    Extra e = stage[row] < 0 ? extras.get(row) : null;
    int st = (stage[row] & 0x7F) - 1;
    return new Feedback(eventId(row), subjects.value(subject[row]), Instant.ofEpochMilli(time[row]),
        KINDS[kind[row]], names.value(survey[row]), scales.value(scale[row]),
        score[row] == MISSING_SCORE ? OptionalInt.empty() : OptionalInt.of(score[row]),
        e == null ? Optional.empty() : e.comment, e == null ? Optional.empty() : e.touchpointId,
        channels.value(channel[row]), st < 0 ? Optional.empty() : Optional.of(STAGES[st]));
  }

  @Override
  public int delete(Identity subject) {
    Objects.requireNonNull(subject, "subject");
    lock.writeLock().lock();
    try {
      OptionalInt code = subjects.code(subject);
      return code.isEmpty() ? 0 : deleteSubject(code.getAsInt());
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public long count() {
    lock.readLock().lock();
    try {
      return size;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void scan(Consumer<? super FeedbackBatch> visitor) {
    Objects.requireNonNull(visitor, "visitor");
    Batch batch;
    lock.writeLock().lock();
    try {
      compactIfNeeded();
      Scale[] scaleValues = new Scale[scales.size()];
      for (int i = 0; i < scaleValues.length; i++) {
        scaleValues[i] = scales.value(i);
      }
      batch = new Batch(size, dictionary(), time, subject, survey, score, kind, scale, scaleValues,
          channel, stage, extras.snapshot());
    } finally {
      lock.writeLock().unlock();
    }
    if (batch.size > 0) {
      visitor.accept(batch);
    }
  }

  /** Approximate heap bytes of the stored data (columns, ids, index), excluding dictionaries. */
  long approximateBytes() {
    lock.readLock().lock();
    try {
      return sharedBytes() + 4L * survey.length + 2L * score.length + kind.length + scale.length
          + 2L * channel.length + stage.length + extras.bytes();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** A snapshot of the base: arrays captured under the lock are never written again. */
  private static final class Batch implements FeedbackBatch, FeedbackArrays {
    private final int size;
    private final ScanDictionary dictionary;
    private final long[] time;
    private final int[] subject;
    private final int[] survey;
    private final short[] score;
    private final byte[] kind;
    private final byte[] scale;
    private final Scale[] scales;
    private final int[] scaleKeys;
    private final short[] channel;
    private final byte[] stage;
    private final SparseColumn.Snapshot<Extra> extras;

    Batch(int size, ScanDictionary dictionary, long[] time, int[] subject, int[] survey,
        short[] score, byte[] kind, byte[] scale, Scale[] scales, short[] channel, byte[] stage,
        SparseColumn.Snapshot<Extra> extras) {
      this.size = size;
      this.dictionary = dictionary;
      this.time = time;
      this.subject = subject;
      this.survey = survey;
      this.score = score;
      this.kind = kind;
      this.scale = scale;
      this.scales = scales;
      this.scaleKeys = new int[scales.length];
      for (int i = 0; i < scales.length; i++) {
        scaleKeys[i] = FeedbackBatch.scaleKey(scales[i].min(), scales[i].max());
      }
      this.channel = channel;
      this.stage = stage;
      this.extras = extras;
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
      short s = score[row];
      return s == MISSING_SCORE ? NO_SCORE : s;
    }

    @Override
    public int scaleMin(int row) {
      return scales[scale[row]].min();
    }

    @Override
    public int scaleKey(int row) {
      return scaleKeys[scale[row]];
    }

    @Override
    public int scaleMax(int row) {
      return scales[scale[row]].max();
    }

    @Override
    public int channel(int row) {
      return channel[row];
    }

    @Override
    public int stage(int row) {
      return (stage[row] & 0x7F) - 1;
    }

    @Override
    public long[] timeArray() {
      return time;
    }

    @Override
    public int[] subjectArray() {
      return subject;
    }

    @Override
    public int[] surveyArray() {
      return survey;
    }

    @Override
    public short[] scoreArray() {
      return score;
    }

    @Override
    public byte[] kindArray() {
      return kind;
    }

    @Override
    public byte[] scaleArray() {
      return scale;
    }

    @Override
    public int[] scaleKeys() {
      return scaleKeys;
    }

    @Override
    public short[] channelArray() {
      return channel;
    }

    @Override
    public byte[] stageArray() {
      return stage;
    }

    @Override
    public String touchpointId(int row) {
      return stage[row] < 0 ? extras.get(row).touchpointId.orElse("") : "";
    }

    @Override
    public String comment(int row) {
      return stage[row] < 0 ? extras.get(row).comment.orElse("") : "";
    }

  }
}
