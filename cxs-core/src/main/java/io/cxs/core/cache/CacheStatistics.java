package io.cxs.core.cache;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A snapshot of a profile cache's counters since it was built. Immutable.
 *
 * @param hitCount lookups answered from the cache
 * @param missCount lookups that went to the underlying store
 * @param evictionCount entries dropped to stay within the size bound or by expiry
 * @param size the approximate number of entries cached now
 * @since 0.1
 */
public record CacheStatistics(long hitCount, long missCount, long evictionCount, long size) {

  /** @throws IllegalArgumentException if a count is negative */
  public CacheStatistics {
    checkArgument(hitCount >= 0, "hitCount must be >= 0 but was %s", hitCount);
    checkArgument(missCount >= 0, "missCount must be >= 0 but was %s", missCount);
    checkArgument(evictionCount >= 0, "evictionCount must be >= 0 but was %s", evictionCount);
    checkArgument(size >= 0, "size must be >= 0 but was %s", size);
  }

  /** @return statistics with every count zero */
  public static CacheStatistics empty() {
    return new CacheStatistics(0, 0, 0, 0);
  }

  /** @return {@code hitCount + missCount} */
  public long requestCount() {
    return hitCount + missCount;
  }

  /**
   * The share of lookups answered from the cache: {@code hitCount / requestCount}, or 1.0 when
   * there were no lookups (as Caffeine's {@code CacheStats.hitRate()}).
   *
   * @return a value in [0, 1]
   */
  public double hitRate() {
    long n = requestCount();
    return n == 0 ? 1.0 : (double) hitCount / n;
  }
}
