package io.cxs.metrics.clv;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.List;

/**
 * The (x, t<sub>x</sub>, T) columns of many customers as primitive arrays, with identical rows
 * merged into one row with a weight. Summaries built from calendar days repeat a lot (every
 * one-time buyer acquired on the same day has the same row), so the likelihood loops touch far
 * fewer rows.
 */
final class RfmData {
  final int[] x;
  final double[] tx;
  final double[] age;
  final double[] weight;
  final int rows;
  final double totalWeight;
  final int maxX;

  private RfmData(int[] x, double[] tx, double[] age, double[] weight, int rows) {
    this.x = x;
    this.tx = tx;
    this.age = age;
    this.weight = weight;
    this.rows = rows;
    double total = 0;
    int max = 0;
    for (int i = 0; i < rows; i++) {
      total += weight[i];
      max = Math.max(max, x[i]);
    }
    this.totalWeight = total;
    this.maxX = max;
  }

  static RfmData of(List<RfmSummary> summaries) {
    checkArgument(!summaries.isEmpty(), "summaries must not be empty but had size %s", summaries.size());
    int n = summaries.size();
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] age = new double[n];
    for (int i = 0; i < n; i++) {
      RfmSummary s = summaries.get(i);
      x[i] = s.frequency();
      tx[i] = s.recency();
      age[i] = s.age();
    }
    return grouped(x, tx, age, n);
  }

  /** Merges identical rows with an open-addressing hash table over row indices. */
  static RfmData grouped(int[] x, double[] tx, double[] age, int n) {
    int capacity = Integer.highestOneBit(Math.max(4, n) * 2 - 1) << 1;
    int mask = capacity - 1;
    int[] table = new int[capacity];
    Arrays.fill(table, -1);
    int[] gx = new int[Math.min(n, 1 << 16)];
    double[] gtx = new double[gx.length];
    double[] gage = new double[gx.length];
    double[] gw = new double[gx.length];
    int rows = 0;
    for (int i = 0; i < n; i++) {
      long h = x[i] * 0x9E3779B97F4A7C15L;
      h ^= Double.doubleToLongBits(tx[i]) * 0xC2B2AE3D27D4EB4FL;
      h ^= Double.doubleToLongBits(age[i]) * 0x165667B19E3779F9L;
      h ^= h >>> 29;
      int slot = (int) h & mask;
      while (true) {
        int g = table[slot];
        if (g < 0) {
          if (rows == gx.length) {
            int size = Math.min(n, rows * 2);
            gx = Arrays.copyOf(gx, size);
            gtx = Arrays.copyOf(gtx, size);
            gage = Arrays.copyOf(gage, size);
            gw = Arrays.copyOf(gw, size);
          }
          table[slot] = rows;
          gx[rows] = x[i];
          gtx[rows] = tx[i];
          gage[rows] = age[i];
          gw[rows] = 1;
          rows++;
          break;
        }
        if (gx[g] == x[i] && gtx[g] == tx[i] && gage[g] == age[i]) {
          gw[g] += 1;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    return new RfmData(gx, gtx, gage, gw, rows);
  }
}
