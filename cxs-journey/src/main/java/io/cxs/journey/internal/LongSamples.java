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

  /**
   * Makes room for at least {@code capacity} samples in total, so that adding them never copies.
   *
   * @param capacity the number of samples expected
   */
  public void reserve(int capacity) {
    if (capacity > values.length) {
      values = Arrays.copyOf(values, capacity);
    }
  }

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
    return quantiles(p)[0];
  }

  /**
   * Several quantiles at once: each selection after the first searches only above the previous
   * one, so asking for the median and the 90th percentile together costs little more than the
   * median alone. Reorders the samples.
   *
   * @param ps the probabilities, each in [0, 1], in any order
   * @return the quantile for each probability, in the order given; empty if there are no samples
   * @throws IllegalArgumentException if a probability is outside [0, 1]
   */
  public OptionalDouble[] quantiles(double... ps) {
    for (double p : ps) {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("p must be in [0, 1] but was " + p);
      }
    }
    OptionalDouble[] out = new OptionalDouble[ps.length];
    if (size == 0) {
      Arrays.fill(out, OptionalDouble.empty());
      return out;
    }
    Integer[] order = new Integer[ps.length];
    for (int i = 0; i < ps.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(ps[x], ps[y]));
    // invariant: values[0..from) are at most values[from..size)
    int from = 0;
    for (int idx : order) {
      double h = (size - 1) * ps[idx];
      int lo = (int) Math.floor(h);
      long a = select(values, from, size - 1, lo);
      from = lo;
      if (lo + 1 >= size || h == lo) {
        out[idx] = OptionalDouble.of(a);
        continue;
      }
      long b = Long.MAX_VALUE;
      for (int i = lo + 1; i < size; i++) {
        b = Math.min(b, values[i]);
      }
      out[idx] = OptionalDouble.of(a + (h - lo) * (b - a));
    }
    return out;
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
