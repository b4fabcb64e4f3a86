package io.cxs.core.spi;

import io.cxs.core.customer.Identity;
import io.cxs.core.internal.TouchpointArrays;
import io.cxs.core.touchpoint.JourneyStage;
import io.cxs.core.touchpoint.Money;
import io.cxs.core.touchpoint.Touchpoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The in-memory {@link TouchpointStore}: columns of primitives (see {@link ColumnarLog}) plus one
 * sparse list of the rows with properties or a monetary value. Event name codes take two bytes
 * per row until a store has more than 65,536 distinct names, then four.
 */
final class InMemoryTouchpointStore extends ColumnarLog implements TouchpointStore {
  private static final JourneyStage[] STAGES = JourneyStage.values();
  private static final int HAS_EXTRA = 0x80;

  /** Name codes as unsigned 16 bits while there are at most 65,536 names, else null. */
  private short[] name16 = new short[0];
  /** Name codes once a code above 65,535 was stored, else null. */
  private int[] name32;
  private short[] channel = new short[0];
  /** Bits 0-6: the journey stage ordinal + 1 (0 for none); bit 7: the row has an {@link Extra}. */
  private byte[] stage = new byte[0];
  /** The {@link Extra} of the rows that have one: most rows have none. */
  private final SparseColumn<Extra> extras = new SparseColumn<>();

  /** What only some touchpoints have: properties and a monetary value. */
  private static final class Extra {
    final Map<String, Object> properties;
    final Optional<Money> value;
    final double amount;

    Extra(Map<String, Object> properties, Optional<Money> value) {
      this.properties = properties;
      this.value = value;
      this.amount = value.isPresent() ? value.get().amount().doubleValue() : Double.NaN;
    }
  }

  @Override
  void growColumns(int capacity) {
    if (name32 == null) {
      name16 = Arrays.copyOf(name16, capacity);
    } else {
      name32 = Arrays.copyOf(name32, capacity);
    }
    channel = Arrays.copyOf(channel, capacity);
    stage = Arrays.copyOf(stage, capacity);
  }

  @Override
  void gather(int[] perm, int n, int capacity) {
    short[] n16 = name32 == null ? new short[capacity] : null;
    int[] n32 = name32 == null ? null : new int[capacity];
    short[] c2 = new short[capacity];
    byte[] s2 = new byte[capacity];
    for (int i = 0; i < n; i++) {
      int r = perm[i];
      if (n16 != null) {
        n16[i] = name16[r];
      } else {
        n32[i] = name32[r];
      }
      c2[i] = channel[r];
      s2[i] = stage[r];
    }
    byte[] oldStage = stage;
    extras.gather(perm, n, r -> oldStage[r] < 0);
    name16 = n16;
    name32 = n32;
    channel = c2;
    stage = s2;
  }

  @Override
  public boolean add(Touchpoint touchpoint) {
    Objects.requireNonNull(touchpoint, "touchpoint");
    lock.writeLock().lock();
    try {
      return append(touchpoint);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public int addAll(Collection<Touchpoint> touchpoints) {
    List<Touchpoint> copy = List.copyOf(touchpoints);
    lock.writeLock().lock();
    try {
      int added = 0;
      for (Touchpoint t : copy) {
        if (append(t)) {
          added++;
        }
      }
      return added;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private boolean append(Touchpoint t) {
    byte[] id = newIdOrNull(t.eventId());
    if (id == null) {
      return false;
    }
    int channelCode = channels.encode(t.channel());
    if (channelCode > Short.MAX_VALUE) {
      throw new IllegalStateException("too many distinct channels: " + channelCode);
    }
    int row = appendRow(id, subjects.encode(t.subject()), t.timestamp().toEpochMilli());
    setName(row, names.encode(t.name()));
    channel[row] = (short) channelCode;
    int st = t.stage().isPresent() ? t.stage().get().ordinal() + 1 : 0;
    if (!t.properties().isEmpty() || t.value().isPresent()) {
      extras.add(row, new Extra(t.properties(), t.value()));
      st |= HAS_EXTRA;
    }
    stage[row] = (byte) st;
    finishAppend();
    return true;
  }

  private void setName(int row, int code) {
    if (name32 == null && code > 0xFFFF) {
      name32 = new int[name16.length];
      for (int i = 0; i < name16.length; i++) {
        name32[i] = name16[i] & 0xFFFF;
      }
      name16 = null;
    }
    if (name32 == null) {
      name16[row] = (short) code;
    } else {
      name32[row] = code;
    }
  }

  private int nameCode(int row) {
    return name32 == null ? name16[row] & 0xFFFF : name32[row];
  }

  /** @return the extra of a row that has one, by binary search over the ascending rows */
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
  public Optional<Touchpoint> find(String eventId) {
    Objects.requireNonNull(eventId, "eventId");
    lock.readLock().lock();
    try {
      int row = rowOf(eventId);
      return row < 0 ? Optional.empty() : Optional.of(toTouchpoint(row));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<Touchpoint> timeline(Identity subject) {
    Objects.requireNonNull(subject, "subject");
    lock.readLock().lock();
    try {
      OptionalInt code = subjects.code(subject);
      if (code.isEmpty()) {
        return List.of();
      }
      int[] rows = rowsOf(code.getAsInt());
      List<Touchpoint> out = new ArrayList<>(rows.length);
      for (int r : rows) {
        out.add(toTouchpoint(r));
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  private Touchpoint toTouchpoint(int row) {
    Extra e = stage[row] < 0 ? extras.get(row) : null;
    int st = (stage[row] & 0x7F) - 1;
    return new Touchpoint(eventId(row), subjects.value(subject[row]), channels.value(channel[row]),
        names.value(nameCode(row)), java.time.Instant.ofEpochMilli(time[row]),
        st < 0 ? Optional.empty() : Optional.of(STAGES[st]),
        e == null ? Map.of() : e.properties, e == null ? Optional.empty() : e.value);
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
  public void scan(Consumer<? super TouchpointBatch> visitor) {
    Objects.requireNonNull(visitor, "visitor");
    Batch batch;
    lock.writeLock().lock();
    try {
      compactIfNeeded();
      batch = new Batch(size, dictionary(), time, subject, name16, name32, channel, stage,
          extras.snapshot(), baseStart());
    } finally {
      lock.writeLock().unlock();
    }
    if (batch.size > 0) {
      visitor.accept(batch);
    }
  }

  /** Approximate heap bytes of the stored data (columns, ids, index), excluding dictionaries. */
  long approximateBytes() {
    return approximateBytesByPart().values().stream().mapToLong(Long::longValue).sum();
  }

  /** {@link #approximateBytes()} by part, for benchmarks. */
  Map<String, Long> approximateBytesByPart() {
    lock.readLock().lock();
    try {
      Map<String, Long> m = new java.util.LinkedHashMap<>(sharedBytesByPart());
      m.put("name", name32 == null ? 2L * name16.length : 4L * name32.length);
      m.put("channel", 2L * channel.length);
      m.put("stage", (long) stage.length);
      m.put("extra", extras.bytes());
      return m;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** A snapshot of the base: arrays captured under the lock are never written again. */
  private static final class Batch implements TouchpointBatch, TouchpointArrays {
    private final int size;
    private final ScanDictionary dictionary;
    private final long[] time;
    private final int[] subject;
    private final short[] name16;
    private final int[] name32;
    private final short[] channel;
    private final byte[] stage;
    private final SparseColumn.Snapshot<Extra> extras;
    /** Subject s has rows [runStart[s], runStart[s + 1]): the scan reads the merged base. */
    private final int[] runStart;

    Batch(int size, ScanDictionary dictionary, long[] time, int[] subject, short[] name16,
        int[] name32, short[] channel, byte[] stage, SparseColumn.Snapshot<Extra> extras,
        int[] runStart) {
      this.runStart = runStart;
      this.size = size;
      this.dictionary = dictionary;
      this.time = time;
      this.subject = subject;
      this.name16 = name16;
      this.name32 = name32;
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
    public int[] subjectRunStarts() {
      return runStart;
    }

    @Override
    public long[] timeArray() {
      return time;
    }

    @Override
    public boolean hasNameArray16() {
      return name16 != null;
    }

    @Override
    public short[] nameArray16() {
      return name16;
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
    public int subjectRunEnd(int row) {
      return runStart[subject[row] + 1];
    }

    @Override
    public int name(int row) {
      return name16 != null ? name16[row] & 0xFFFF : name32[row];
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
    public double amount(int row) {
      return stage[row] < 0 ? extras.get(row).amount : Double.NaN;
    }

    @Override
    public Map<String, Object> properties(int row) {
      return stage[row] < 0 ? extras.get(row).properties : Map.of();
    }
  }

}
