package io.cxs.core.spi;

import io.cxs.core.customer.Identity;
import io.cxs.core.touchpoint.Channel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The columnar layout shared by the in-memory touchpoint and feedback stores.
 *
 * <p>Rows {@code [0, baseSize)} form the <em>base</em>, sorted by subject code, then time, then
 * event id, with {@code baseStart[s]..baseStart[s+1]} the run of subject {@code s}. Rows
 * {@code [baseSize, size)} are the <em>tail</em>, in arrival order, chained per subject. A scan
 * first merges the tail into the base (a linear counting sort by subject plus a sort of each
 * touched subject's run), so analytics always read time-ordered timelines from flat arrays.
 *
 * <p>Event ids live in one byte arena (the UTF-8 length in one byte below 128, else 0x80 then two
 * bytes; then the UTF-8), indexed by an open-addressing hash table of row numbers, so a stored
 * event costs no object of its own. After a merge the columns keep 1/16 spare capacity and the
 * arena at most 1/8.
 * Subclasses own their specific columns and move them in {@link #gather}.
 */
abstract class ColumnarLog {
  private static final int EMPTY = -1;
  private static final int MAX_ID_BYTES = 0xFFFF;

  final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  final Dict<Identity> subjects = new Dict<>();
  final Dict<String> names = new Dict<>();
  final Dict<Channel> channels = new Dict<>();

  long[] time = new long[0];
  int[] subject = new int[0];
  int[] idOffset = new int[0];
  int size;
  int baseSize;
  private int[] baseStart = new int[1];
  private int[] tailNext = new int[0];
  private int[] tailHead = new int[0];
  private int[] tailLast = new int[0];

  private byte[] arena = new byte[1024];
  private int arenaSize;
  private int[] table = new int[16];
  private int tableCount;
  /** The hash of the id last checked by {@link #newIdOrNull}, reused when it is appended. */
  private int lastHash;

  // ---- subclass hooks -------------------------------------------------------------------------

  /** Grows the subclass columns to at least {@code capacity} rows. */
  abstract void growColumns(int capacity);

  /** Replaces each subclass column {@code c} by {@code c'[i] = c[perm[i]]} for i below {@code n}. */
  abstract void gather(int[] perm, int n, int capacity);

  // ---- writes (callers hold the write lock) ---------------------------------------------------

  /** @return the row's event id bytes, or null if {@code eventId} is already stored */
  final byte[] newIdOrNull(String eventId) {
    byte[] id = eventId.getBytes(StandardCharsets.UTF_8);
    if (id.length > MAX_ID_BYTES) {
      throw new IllegalArgumentException(
          "eventId must be at most " + MAX_ID_BYTES + " UTF-8 bytes but had " + id.length);
    }
    lastHash = hash(id, 0, id.length);
    return findRow(id, lastHash) >= 0 ? null : id;
  }

  /**
   * Appends a row with the common columns; the caller then fills its own columns at the row.
   * {@code id} must be what the last {@link #newIdOrNull} call returned, whose hash it reuses.
   */
  final int appendRow(byte[] id, int subjectCode, long epochMillis) {
    int row = size;
    if (row == time.length) {
      int cap = Math.max(16, row + (row >> 1));
      time = Arrays.copyOf(time, cap);
      subject = Arrays.copyOf(subject, cap);
      idOffset = Arrays.copyOf(idOffset, cap);
      growColumns(cap);
    }
    time[row] = epochMillis;
    subject[row] = subjectCode;
    idOffset[row] = storeId(id);
    int t = row - baseSize;
    if (t == tailNext.length) {
      tailNext = Arrays.copyOf(tailNext, Math.max(16, t * 2));
    }
    tailNext[t] = EMPTY;
    if (subjectCode >= tailHead.length) {
      int n = Math.max(16, Math.max(subjectCode + 1, tailHead.length * 2));
      int old = tailHead.length;
      tailHead = Arrays.copyOf(tailHead, n);
      tailLast = Arrays.copyOf(tailLast, n);
      Arrays.fill(tailHead, old, n, EMPTY);
      Arrays.fill(tailLast, old, n, EMPTY);
    }
    if (tailHead[subjectCode] == EMPTY) {
      tailHead[subjectCode] = row;
    } else {
      tailNext[tailLast[subjectCode] - baseSize] = row;
    }
    tailLast[subjectCode] = row;
    size = row + 1;
    insertIndex(row);
    return row;
  }

  /**
   * Called after the subclass has filled its columns for an appended row: merges the tail into
   * the base once it is as large as the base, which keeps the amortized cost of merging constant
   * per row.
   */
  final void finishAppend() {
    if (size - baseSize >= Math.max(1 << 16, baseSize)) {
      compact(-1);
    }
  }

  /** Removes every row of a subject, physically, and returns how many there were. */
  final int deleteSubject(int subjectCode) {
    int n = rowsOf(subjectCode).length;
    if (n > 0) {
      compact(subjectCode);
    }
    return n;
  }

  // ---- reads (callers hold the read or write lock) --------------------------------------------

  /** @return the row with this event id, or -1 */
  final int rowOf(String eventId) {
    byte[] id = eventId.getBytes(StandardCharsets.UTF_8);
    return findRow(id, hash(id, 0, id.length));
  }

  final String eventId(int row) {
    int off = idOffset[row];
    return new String(arena, off + idHeader(off), idLen(off), StandardCharsets.UTF_8);
  }

  /** @return the rows of a subject, in time order (ties by event id) */
  final int[] rowsOf(int subjectCode) {
    int from = 0;
    int to = 0;
    if (subjectCode + 1 < baseStart.length) {
      from = baseStart[subjectCode];
      to = baseStart[subjectCode + 1];
    }
    int tailCount = 0;
    if (subjectCode < tailHead.length) {
      for (int r = tailHead[subjectCode]; r != EMPTY; r = tailNext[r - baseSize]) {
        tailCount++;
      }
    }
    int[] rows = new int[to - from + tailCount];
    int k = 0;
    for (int r = from; r < to; r++) {
      rows[k++] = r;
    }
    if (tailCount > 0) {
      for (int r = tailHead[subjectCode]; r != EMPTY; r = tailNext[r - baseSize]) {
        rows[k++] = r;
      }
      sortRows(rows, 0, rows.length, new int[rows.length]);
    }
    return rows;
  }

  /** Merges the tail into the base if needed; call with the write lock held. */
  final void compactIfNeeded() {
    if (size > baseSize) {
      compact(-1);
    }
  }

  /**
   * @return the start of each subject's run in the base (length subject codes + 1); the array is
   *     replaced, never changed, by a merge, so a scan may keep it
   */
  final int[] baseStart() {
    return baseStart;
  }

  final ScanDictionary dictionary() {
    return new LogDictionary(subjects, names, channels);
  }

  // ---- compaction -----------------------------------------------------------------------------

  /**
   * Rewrites all rows in base order, dropping the rows of {@code dropSubject} (or none if -1).
   */
  private void compact(int dropSubject) {
    int subjectCount = subjects.size();
    int[] start = new int[subjectCount + 1];
    for (int r = 0; r < size; r++) {
      start[subject[r] + 1]++;
    }
    if (dropSubject >= 0) {
      start[dropSubject + 1] = 0;
    }
    for (int s = 0; s < subjectCount; s++) {
      start[s + 1] += start[s];
    }
    int n = start[subjectCount];
    int[] perm = new int[n];
    int[] scratch = null;
    for (int s = 0; s < subjectCount; s++) {
      if (s == dropSubject) {
        continue;
      }
      int k = start[s];
      if (s + 1 < baseStart.length) {
        for (int r = baseStart[s]; r < baseStart[s + 1]; r++) {
          perm[k++] = r;
        }
      }
      boolean hasTail = s < tailHead.length && tailHead[s] != EMPTY;
      if (hasTail) {
        for (int r = tailHead[s]; r != EMPTY; r = tailNext[r - baseSize]) {
          perm[k++] = r;
        }
        int len = k - start[s];
        if (scratch == null || scratch.length < len) {
          scratch = new int[Math.max(len, 64)];
        }
        sortRows(perm, start[s], k, scratch);
      }
    }
    if (dropSubject >= 0) {
      for (int r : rowsOf(dropSubject)) {
        int off = idOffset[r];
        Arrays.fill(arena, off, off + idHeader(off) + idLen(off), (byte) 0);
      }
    }
    int oldSize = size;
    int capacity = Math.max(16, n + (n >> 4));
    long[] t2 = new long[capacity];
    int[] s2 = new int[capacity];
    int[] id2 = new int[capacity];
    for (int i = 0; i < n; i++) {
      int r = perm[i];
      t2[i] = time[r];
      s2[i] = subject[r];
      id2[i] = idOffset[r];
    }
    gather(perm, n, capacity);
    time = t2;
    subject = s2;
    idOffset = id2;
    size = n;
    baseSize = n;
    baseStart = start;
    tailNext = new int[16];
    tailHead = new int[0]; // regrown on the next append
    tailLast = new int[0];
    if (arena.length - arenaSize > Math.max(1024, arenaSize >> 3)) {
      arena = Arrays.copyOf(arena, Math.max(1024, arenaSize + (arenaSize >> 4)));
    }
    if (dropSubject >= 0) {
      rebuildIndex(table.length);
    } else {
      int[] newRow = new int[oldSize];
      for (int i = 0; i < n; i++) {
        newRow[perm[i]] = i;
      }
      int[] tab = table;
      int rowMask = tab.length - 1;
      for (int i = 0; i < tab.length; i++) {
        int e = tab[i];
        if (e != 0) {
          tab[i] = (e & ~rowMask) | (newRow[(e & rowMask) - 1] + 1);
        }
      }
    }
  }

  /** Sorts rows[from, to) by time, then event id, with a stable merge sort. */
  private void sortRows(int[] rows, int from, int to, int[] scratch) {
    if (to - from < 2) {
      return;
    }
    if (to - from <= 16) {
      for (int i = from + 1; i < to; i++) {
        int v = rows[i];
        int j = i - 1;
        while (j >= from && compareRows(rows[j], v) > 0) {
          rows[j + 1] = rows[j];
          j--;
        }
        rows[j + 1] = v;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    sortRows(rows, from, mid, scratch);
    sortRows(rows, mid, to, scratch);
    if (compareRows(rows[mid - 1], rows[mid]) <= 0) {
      return;
    }
    int len = to - from;
    System.arraycopy(rows, from, scratch, 0, len);
    int i = 0;
    int j = mid - from;
    int k = from;
    while (i < mid - from && j < len) {
      rows[k++] = compareRows(scratch[i], scratch[j]) <= 0 ? scratch[i++] : scratch[j++];
    }
    while (i < mid - from) {
      rows[k++] = scratch[i++];
    }
    while (j < len) {
      rows[k++] = scratch[j++];
    }
  }

  private int compareRows(int a, int b) {
    int c = Long.compare(time[a], time[b]);
    if (c != 0) {
      return c;
    }
    int oa = idOffset[a];
    int ob = idOffset[b];
    int fa = oa + idHeader(oa);
    int fb = ob + idHeader(ob);
    return Arrays.compareUnsigned(arena, fa, fa + idLen(oa), arena, fb, fb + idLen(ob));
  }

  /** @return the bytes before the UTF-8 of the id at {@code off}: 1 below 128 bytes, else 3 */
  private int idHeader(int off) {
    return arena[off] >= 0 ? 1 : 3;
  }

  /** @return the UTF-8 length of the id at {@code off} */
  private int idLen(int off) {
    byte b = arena[off];
    return b >= 0 ? b : ((arena[off + 1] & 0xFF) << 8) | (arena[off + 2] & 0xFF);
  }

  // ---- event id arena and index ---------------------------------------------------------------

  private int storeId(byte[] id) {
    int header = id.length < 0x80 ? 1 : 3;
    int need = arenaSize + header + id.length;
    if (need > arena.length) {
      long cap = Math.max(need, (long) arena.length + (arena.length >> 1));
      if (cap > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("event id arena is full at " + arenaSize + " bytes");
      }
      arena = Arrays.copyOf(arena, (int) cap);
    }
    int off = arenaSize;
    if (header == 1) {
      arena[off] = (byte) id.length;
    } else {
      arena[off] = (byte) 0x80;
      arena[off + 1] = (byte) (id.length >>> 8);
      arena[off + 2] = (byte) id.length;
    }
    System.arraycopy(id, 0, arena, off + header, id.length);
    arenaSize = need;
    return off;
  }

  /** FNV-1a over the bytes, 64-bit, finished with MurmurHash3's fmix64. */
  private static int hash(byte[] a, int from, int to) {
    long h = 0xcbf29ce484222325L;
    for (int i = from; i < to; i++) {
      h = (h ^ (a[i] & 0xFF)) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return (int) h;
  }

  /*
   * The index is an open-addressing table with linear probing, of length 2^b, kept below 3/4
   * full. The low b bits of an id's 32-bit hash pick the first slot. A slot packs row + 1 in its
   * low b bits (0 marks an empty slot; rows are fewer than the slots) and the hash's high 32 - b
   * bits above them, so a probe almost always rejects a mismatch without touching the arena. As
   * the stored bits do not give the slot back, growing the table rehashes the ids from the arena.
   */

  private int findRow(byte[] id, int h) {
    int[] tab = table;
    int mask = tab.length - 1;
    int fingerprint = h & ~mask;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      int e = tab[i];
      if (e == 0) {
        return -1;
      }
      if ((e & ~mask) == fingerprint) {
        int row = (e & mask) - 1;
        int off = idOffset[row];
        int len = idLen(off);
        int from = off + idHeader(off);
        if (len == id.length && Arrays.equals(arena, from, from + len, id, 0, len)) {
          return row;
        }
      }
    }
  }

  /** Indexes the row just appended (rows below it are indexed already). */
  private void insertIndex(int row) {
    if ((tableCount + 1) * 4L > table.length * 3L) {
      if (table.length >= 1 << 30) {
        throw new IllegalStateException("event id index is full at " + tableCount + " ids");
      }
      rebuildIndex(table.length * 2);
      return;
    }
    place(row, lastHash);
  }

  private void place(int row, int h) {
    int[] tab = table;
    int mask = tab.length - 1;
    int i = h & mask;
    while (tab[i] != 0) {
      i = (i + 1) & mask;
    }
    tab[i] = (h & ~mask) | (row + 1);
    tableCount++;
  }

  /** Re-indexes rows {@code [0, size)} in a table of at least {@code minCapacity} slots. */
  private void rebuildIndex(int minCapacity) {
    int cap = Math.max(16, Integer.highestOneBit(Math.max(1, minCapacity - 1)) << 1);
    while (cap * 3L < size * 4L + 4) {
      cap *= 2;
    }
    table = new int[cap];
    tableCount = 0;
    for (int r = 0; r < size; r++) {
      int off = idOffset[r];
      int from = off + idHeader(off);
      place(r, hash(arena, from, from + idLen(off)));
    }
  }

  /** Approximate heap bytes held by the shared columns, arena and index. */
  long sharedBytes() {
    return sharedBytesByPart().values().stream().mapToLong(Long::longValue).sum();
  }

  /** {@link #sharedBytes()} by part, for benchmarks. */
  java.util.Map<String, Long> sharedBytesByPart() {
    java.util.Map<String, Long> m = new java.util.LinkedHashMap<>();
    m.put("time", 8L * time.length);
    m.put("subject", 4L * subject.length);
    m.put("idOffset", 4L * idOffset.length);
    m.put("idArena", (long) arena.length);
    m.put("idIndex", 4L * table.length);
    m.put("tail", 4L * tailNext.length + 8L * tailHead.length + 4L * baseStart.length);
    return m;
  }

  /** A {@link ScanDictionary} over the store's dictionaries. */
  private static final class LogDictionary implements ScanDictionary {
    private final Dict<Identity> subjects;
    private final Dict<String> names;
    private final Dict<Channel> channels;

    LogDictionary(Dict<Identity> subjects, Dict<String> names, Dict<Channel> channels) {
      this.subjects = subjects;
      this.names = names;
      this.channels = channels;
    }

    @Override
    public int subjectCount() {
      return subjects.size();
    }

    @Override
    public Identity subject(int code) {
      return subjects.value(code);
    }

    @Override
    public OptionalInt subjectCode(Identity subject) {
      return subjects.code(subject);
    }

    @Override
    public Object subjectCodeSpace() {
      return subjects;
    }

    /** A scan's one batch holds only codes that were assigned before it was cut. */
    @Override
    public boolean complete() {
      return true;
    }

    @Override
    public int nameCount() {
      return names.size();
    }

    @Override
    public String name(int code) {
      return names.value(code);
    }

    @Override
    public OptionalInt nameCode(String name) {
      return names.code(name);
    }

    @Override
    public int channelCount() {
      return channels.size();
    }

    @Override
    public Channel channel(int code) {
      return channels.value(code);
    }

    @Override
    public OptionalInt channelCode(Channel channel) {
      return channels.code(channel);
    }
  }
}
