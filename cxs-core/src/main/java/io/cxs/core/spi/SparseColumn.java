package io.cxs.core.spi;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * A column that only a few rows of an in-memory store have a value in: the rows that have one,
 * ascending, and their values, found by binary search. It costs nothing for the rows without a
 * value, where a dense column of references costs 4 or 8 bytes each.
 *
 * <p>Rows are appended in ascending order and a {@link #gather} builds new arrays, so a
 * {@link Snapshot} taken under the store's lock stays valid while the store goes on: appends
 * only write past the count the snapshot saw.
 *
 * @param <E> the value type
 */
final class SparseColumn<E> {
  private int[] rows = new int[0];
  private Object[] values = new Object[0];
  private int count;

  /** Adds a value for a row after every row already present. */
  void add(int row, E value) {
    if (count == rows.length) {
      int cap = Math.max(16, count + (count >> 1));
      rows = Arrays.copyOf(rows, cap);
      values = Arrays.copyOf(values, cap);
    }
    rows[count] = row;
    values[count++] = value;
  }

  /**
   * @param row a row marked, in the store's own columns, as having a value
   * @return its value
   * @throws IllegalStateException if it has none (the store's marks and this column disagree)
   */
  E get(int row) {
    return valueAt(rows, values, count, row);
  }

  /**
   * Moves the values as a store moves its rows: new row {@code i} is old row {@code perm[i]}.
   *
   * @param perm the old row of each new row
   * @param n the number of new rows
   * @param hasValue whether an old row has a value, by the store's own marks
   */
  void gather(int[] perm, int n, IntPredicate hasValue) {
    int[] r2 = new int[Math.max(16, count)];
    Object[] v2 = new Object[r2.length];
    int k = 0;
    for (int i = 0; i < n; i++) {
      int r = perm[i];
      if (hasValue.test(r)) {
        r2[k] = i;
        v2[k++] = get(r);
      }
    }
    rows = r2;
    values = v2;
    count = k;
  }

  /** @return the rows and values as they are now */
  Snapshot<E> snapshot() {
    return new Snapshot<>(rows, values, count);
  }

  /** @return approximate heap bytes: a row number and a reference per slot */
  long bytes() {
    return 8L * rows.length;
  }

  /** The column as it was when taken: later appends and gathers do not change it. */
  static final class Snapshot<E> {
    private final int[] rows;
    private final Object[] values;
    private final int count;

    private Snapshot(int[] rows, Object[] values, int count) {
      this.rows = rows;
      this.values = values;
      this.count = count;
    }

    /** See {@link SparseColumn#get(int)}. */
    E get(int row) {
      return valueAt(rows, values, count, row);
    }
  }

  @SuppressWarnings("unchecked")
  private static <E> E valueAt(int[] rows, Object[] values, int count, int row) {
    int at = Arrays.binarySearch(rows, 0, count, row);
    if (at < 0) {
      throw new IllegalStateException("row " + row + " is marked as having a value but has none");
    }
    return (E) values[at];
  }
}
