package io.cxs.journey.internal;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * A growable array of {@code long} samples with exact quantiles. Not thread-safe.
 *
 * <p>Quantiles interpolate linearly between order statistics (Hyndman and Fan type 7, the
 * default of R, NumPy and DuckDB's {@code quantile_cont}): with the samples sorted as
 * {@code x[0..n-1]} and {@code h = (n - 1) p}, the quantile is
 * {@code x[floor(h)] + (h - floor(h)) (x[floor(h) + 1] - x[floor(h)])}. They are found by
 * selection in expected linear time, without sorting.
 */
public final class LongSamples {
  private long[] values = new long[16];
  private int size;

  /** @param v a sample */
  public void add(long v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
  }

  /** @return the number of samples */
  public int size() {
    return size;
  }

  /**
   * @param p the probability, in [0, 1]
   * @return the quantile, or empty if there are no samples
   * @throws IllegalArgumentException if {@code p} is outside [0, 1]
   */
  public OptionalDouble quantile(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p must be in [0, 1] but was " + p);
    }
    if (size == 0) {
      return OptionalDouble.empty();
    }
    double h = (size - 1) * p;
    int lo = (int) Math.floor(h);
    long a = select(values, 0, size - 1, lo);
    if (lo + 1 >= size || h == lo) {
      return OptionalDouble.of(a);
    }
    long b = Long.MAX_VALUE;
    for (int i = lo + 1; i < size; i++) {
      b = Math.min(b, values[i]);
    }
    return OptionalDouble.of(a + (h - lo) * (b - a));
  }

  /** Hoare's selection: afterwards a[k] is the k-th smallest, smaller ones left, larger right. */
  private static long select(long[] a, int lo, int hi, int k) {
    long seed = 0x9E3779B97F4A7C15L;
    while (hi > lo) {
      seed = seed * 6364136223846793005L + 1442695040888963407L;
      int pi = lo + (int) Long.remainderUnsigned(seed >>> 1, hi - lo + 1);
      long pivot = a[pi];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          long t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return a[k];
      }
    }
    return a[k];
  }
}
