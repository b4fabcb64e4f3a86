package io.cxs.metrics.rfm;

import io.cxs.metrics.clv.HistoricalValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Quantile-based RFM scoring. Each customer gets, per dimension,
 *
 * <pre>{@code
 * score = 1 + floor(5 · (number of customers strictly worse) / n)
 * }</pre>
 *
 * so scores are quintiles of the rank, tied values share a score, and the score is 1–5. Worse
 * means: longer since the last purchase (R, from {@link HistoricalValue#periodsSinceLastPurchase()}),
 * fewer purchase days (F, {@link HistoricalValue#orders()}), less revenue (M, {@link
 * HistoricalValue#revenue()}). Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class RfmScores {
  private RfmScores() {}

  /**
   * @param customers the customers to score against each other
   * @return one score per customer, in the same order; empty for no customers
   */
  public static List<RfmScore> score(List<HistoricalValue> customers) {
    int n = customers.size();
    double[] recency = new double[n];
    double[] frequency = new double[n];
    double[] monetary = new double[n];
    for (int i = 0; i < n; i++) {
      HistoricalValue v = customers.get(i);
      recency[i] = -v.periodsSinceLastPurchase();
      frequency[i] = v.orders();
      monetary[i] = v.revenue();
    }
    int[] r = quintiles(recency);
    int[] f = quintiles(frequency);
    int[] m = quintiles(monetary);
    List<RfmScore> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new RfmScore(customers.get(i).customerId(), r[i], f[i], m[i]));
    }
    return List.copyOf(out);
  }

  /** 1 + floor(5 · #{j : values[j] &lt; values[i]} / n), higher values scoring higher. */
  static int[] quintiles(double[] values) {
    int n = values.length;
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int[] scores = new int[n];
    for (int i = 0; i < n; i++) {
      int below = lowerBound(sorted, values[i]);
      scores[i] = 1 + (int) (5L * below / n);
    }
    return scores;
  }

  private static int lowerBound(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
