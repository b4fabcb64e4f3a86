package io.cxs.metrics.retention;

import java.util.Arrays;

/** One customer's active periods (period indices) and first and last purchase day. Not thread-safe. */
final class CustomerPeriods {
  private long[] periods = new long[4];
  private int size;
  private boolean sorted = true;
  long firstPurchaseDay = Long.MAX_VALUE;
  long lastPurchaseDay = Long.MIN_VALUE;

  void active(long period) {
    if (size > 0) {
      long last = periods[size - 1];
      if (last == period) {
        return;
      }
      if (period < last) {
        sorted = false;
      }
    }
    if (size == periods.length) {
      periods = Arrays.copyOf(periods, size * 2);
    }
    periods[size++] = period;
  }

  void purchase(long epochDay) {
    firstPurchaseDay = Math.min(firstPurchaseDay, epochDay);
    lastPurchaseDay = Math.max(lastPurchaseDay, epochDay);
  }

  void mergeFrom(CustomerPeriods other) {
    for (int i = 0; i < other.size; i++) {
      active(other.periods[i]);
    }
    firstPurchaseDay = Math.min(firstPurchaseDay, other.firstPurchaseDay);
    lastPurchaseDay = Math.max(lastPurchaseDay, other.lastPurchaseDay);
  }

  boolean isActive() {
    return size > 0;
  }

  boolean purchased() {
    return firstPurchaseDay <= lastPurchaseDay;
  }

  boolean repeatPurchaser() {
    return firstPurchaseDay < lastPurchaseDay;
  }

  /** @return the active periods, sorted and distinct (sorts in place once) */
  long[] distinctPeriods() {
    if (!sorted) {
      Arrays.sort(periods, 0, size);
      int n = 0;
      for (int i = 0; i < size; i++) {
        if (n == 0 || periods[n - 1] != periods[i]) {
          periods[n++] = periods[i];
        }
      }
      size = n;
      sorted = true;
    }
    return Arrays.copyOf(periods, size);
  }
}
