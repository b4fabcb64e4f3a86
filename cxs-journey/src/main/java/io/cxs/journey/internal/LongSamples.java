package io.cxs.journey.internal;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * A growable array of {@code long} samples with exact quantiles. Not thread-safe. Samples are
 * kept in four bytes each while they fit in an int, as time spans under 24 days in milliseconds
 * do, and in eight from the first one that does not.
 *
 * <p>Quantiles interpolate linearly between order statistics (Hyndman and Fan type 7, the
 * default of R, NumPy and DuckDB's {@code quantile_cont}): with the samples sorted as
 * {@code x[0..n-1]} and {@code h = (n - 1) p}, the quantile is
 * {@code x[floor(h)] + (h - floor(h)) (x[floor(h) + 1] - x[floor(h)])}. They are found in
 * linear time without sorting: by selection for few samples, and for many by counting the samples
 * in 2^16 buckets and sorting only the buckets that hold a wanted order statistic.
 */
public final class LongSamples {
  /** The samples while every one fits in an int (time spans under 24 days in milliseconds). */
  private int[] ints = new int[16];
  /** The samples once one did not fit in an int; null until then, and then {@link #ints} is. */
  private long[] longs;
  private int size;

  /**
   * Makes room for at least {@code capacity} samples in total, so that adding them never copies.
   *
   * @param capacity the number of samples expected
   */
  public void reserve(int capacity) {
    if (longs == null) {
      if (capacity > ints.length) {
        ints = Arrays.copyOf(ints, capacity);
      }
    } else if (capacity > longs.length) {
      longs = Arrays.copyOf(longs, capacity);
    }
  }

  /** @param v a sample */
  public void add(long v) {
    if (longs == null && v == (int) v) {
      if (size == ints.length) {
        ints = Arrays.copyOf(ints, size * 2);
      }
      ints[size++] = (int) v;
      return;
    }
    widen(size + 1);
    if (size == longs.length) {
      longs = Arrays.copyOf(longs, size * 2);
    }
    longs[size++] = v;
  }

  /** Switches to {@link #longs}, with room for {@code capacity} samples; no-op if already. */
  private void widen(int capacity) {
    if (longs != null) {
      return;
    }
    long[] l = new long[Math.max(capacity, ints.length)];
    for (int i = 0; i < size; i++) {
      l[i] = ints[i];
    }
    longs = l;
    ints = null;
  }

  /** @param other samples to add, all of them */
  public void addAll(LongSamples other) {
    int total = size + other.size;
    if (longs == null && other.longs == null) {
      if (total > ints.length) {
        ints = Arrays.copyOf(ints, Math.max(total, size * 2));
      }
      System.arraycopy(other.ints, 0, ints, size, other.size);
      size = total;
      return;
    }
    widen(total);
    if (total > longs.length) {
      longs = Arrays.copyOf(longs, Math.max(total, size * 2));
    }
    if (other.longs != null) {
      System.arraycopy(other.longs, 0, longs, size, other.size);
    } else {
      for (int i = 0; i < other.size; i++) {
        longs[size + i] = other.ints[i];
      }
    }
    size = total;
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
   * Several quantiles at once, sharing the passes over the samples, so asking for the median and
   * the 90th percentile together costs little more than the median alone. May reorder the
   * samples.
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
    // the order statistics needed: floor(h) and, when h is not whole, the one after it
    int[] ranks = new int[2 * ps.length];
    for (int i = 0; i < ps.length; i++) {
      double h = (size - 1) * ps[i];
      int lo = (int) Math.floor(h);
      ranks[2 * i] = lo;
      ranks[2 * i + 1] = h > lo && lo + 1 < size ? lo + 1 : lo;
    }
    long[] stats = size >= RADIX_MIN ? radixSelect(ranks) : null;
    if (stats == null) {
      stats = quickSelect(ranks);
    }
    for (int i = 0; i < ps.length; i++) {
      double h = (size - 1) * ps[i];
      long a = stats[2 * i];
      long b = stats[2 * i + 1];
      out[i] = OptionalDouble.of(h == Math.floor(h) ? a : a + (h - Math.floor(h)) * (b - a));
    }
    return out;
  }

  /** Below this many samples, selection; from it on, one histogram pass and one gather pass. */
  static final int RADIX_MIN = 1 << 12;

  /**
   * The order statistics at {@code ranks}, by selection: each after the first searches only
   * above the previous one (ranks taken in increasing order).
   */
  private long[] quickSelect(int[] ranks) {
    widen(size);
    Integer[] order = new Integer[ranks.length];
    for (int i = 0; i < ranks.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Integer.compare(ranks[x], ranks[y]));
    long[] out = new long[ranks.length];
    // invariant: values[0..from) are at most values[from..size)
    int from = 0;
    for (int idx : order) {
      int k = ranks[idx];
      out[idx] = select(longs, from, size - 1, k);
      from = k;
    }
    return out;
  }

  /**
   * The order statistics at {@code ranks} without reordering the samples: a pass for the range,
   * a pass counting the samples in 2^16 equal-width buckets, and a pass copying out the few
   * buckets that hold a wanted rank, which are then sorted. Returns null if the range does not
   * fit in a long (the caller then selects).
   */
  private long[] radixSelect(int[] ranks) {
    int[] iv = ints;
    long[] lv = longs;
    int n = size;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    if (lv == null) {
      int imin = Integer.MAX_VALUE;
      int imax = Integer.MIN_VALUE;
      for (int i = 0; i < n; i++) {
        imin = Math.min(imin, iv[i]);
        imax = Math.max(imax, iv[i]);
      }
      min = imin;
      max = imax;
    } else {
      for (int i = 0; i < n; i++) {
        min = Math.min(min, lv[i]);
        max = Math.max(max, lv[i]);
      }
    }
    long[] out = new long[ranks.length];
    if (min == max) {
      Arrays.fill(out, min);
      return out;
    }
    long range = max - min;
    if (range < 0) {
      return null;
    }
    int shift = Math.max(0, 64 - Long.numberOfLeadingZeros(range) - 16);
    int buckets = (int) (range >>> shift) + 1;
    int[] count = new int[buckets];
    if (lv == null) {
      for (int i = 0; i < n; i++) {
        count[(int) ((iv[i] - min) >>> shift)]++;
      }
    } else {
      for (int i = 0; i < n; i++) {
        count[(int) ((lv[i] - min) >>> shift)]++;
      }
    }
    // the bucket of each rank and the rank within it
    int[] bucketOf = new int[ranks.length];
    int[] within = new int[ranks.length];
    int[] slotOf = new int[buckets];
    Arrays.fill(slotOf, -1);
    int slots = 0;
    int[] slotBucket = new int[ranks.length];
    for (int i = 0; i < ranks.length; i++) {
      int k = ranks[i];
      int b = 0;
      int before = 0;
      while (before + count[b] <= k) {
        before += count[b++];
      }
      bucketOf[i] = b;
      within[i] = k - before;
      if (slotOf[b] < 0) {
        slotOf[b] = slots;
        slotBucket[slots++] = b;
      }
    }
    long[][] gathered = new long[slots][];
    int[] fill = new int[slots];
    for (int s = 0; s < slots; s++) {
      gathered[s] = new long[count[slotBucket[s]]];
    }
    if (lv == null) {
      for (int i = 0; i < n; i++) {
        int s = slotOf[(int) ((iv[i] - min) >>> shift)];
        if (s >= 0) {
          gathered[s][fill[s]++] = iv[i];
        }
      }
    } else {
      for (int i = 0; i < n; i++) {
        int s = slotOf[(int) ((lv[i] - min) >>> shift)];
        if (s >= 0) {
          gathered[s][fill[s]++] = lv[i];
        }
      }
    }
    for (long[] g : gathered) {
      Arrays.sort(g);
    }
    for (int i = 0; i < ranks.length; i++) {
      out[i] = gathered[slotOf[bucketOf[i]]][within[i]];
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
