package io.cxs.core.cache;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.cxs.core.customer.Customer;
import io.cxs.core.customer.CustomerId;
import io.cxs.core.spi.CustomerStore;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@link CustomerStore} that answers {@link #find} from a bounded Caffeine cache in front of
 * another store, such as a JDBC store. Writes go to the underlying store first and then
 * invalidate the ids they touch ({@link #put}, {@link #replace} for the survivor and every merged
 * id, {@link #delete}), so a read after a write through this store sees the write. Absent
 * customers are cached too (as absent) and invalidated the same way.
 *
 * <p>Writes made to the underlying store by other processes are seen only once the entry is
 * evicted; bound that staleness with {@link Builder#expireAfterWrite(Duration)}.
 *
 * <pre>{@code
 * CachingCustomerStore cached = CachingCustomerStore.builder(jdbcCustomers)
 *     .maximumSize(50_000)
 *     .expireAfterWrite(Duration.ofMinutes(10))
 *     .build();
 * cached.find(id);
 * double hitRate = cached.statistics().hitRate();
 * }</pre>
 *
 * <p>Thread-safe.
 *
 * @since 0.1
 */
public final class CachingCustomerStore implements CustomerStore {
  /** The default bound on cached profiles. */
  public static final long DEFAULT_MAXIMUM_SIZE = 10_000;

  private final CustomerStore delegate;
  private final Cache<CustomerId, Optional<Customer>> cache;

  private CachingCustomerStore(Builder b) {
    this.delegate = b.delegate;
    Caffeine<Object, Object> c = Caffeine.newBuilder()
        .maximumSize(b.maximumSize >= 0 ? b.maximumSize : DEFAULT_MAXIMUM_SIZE)
        .recordStats();
    if (b.expireAfterWrite != null) {
      c.expireAfterWrite(b.expireAfterWrite);
    }
    if (b.ticker != null) {
      java.util.function.LongSupplier t = b.ticker;
      c.ticker(t::getAsLong);
    }
    if (b.sameThread) {
      c.executor(Runnable::run);
    }
    this.cache = c.build();
  }

  /**
   * @param delegate the store that holds the customers
   * @return a builder with {@link #DEFAULT_MAXIMUM_SIZE} and no expiry
   */
  public static Builder builder(CustomerStore delegate) {
    return new Builder(Objects.requireNonNull(delegate, "delegate"));
  }

  @Override
  public Optional<Customer> find(CustomerId id) {
    Objects.requireNonNull(id, "id");
    return cache.get(id, delegate::find);
  }

  @Override
  public void put(Customer customer) {
    Objects.requireNonNull(customer, "customer");
    try {
      delegate.put(customer);
    } finally {
      // also when the write failed: it may have committed before the failure was seen
      cache.invalidate(customer.id());
    }
  }

  @Override
  public void replace(Customer merged, Collection<CustomerId> removed) {
    Objects.requireNonNull(merged, "merged");
    List<CustomerId> ids = List.copyOf(removed);
    try {
      delegate.replace(merged, ids);
    } finally {
      cache.invalidateAll(ids);
      cache.invalidate(merged.id());
    }
  }

  @Override
  public boolean delete(CustomerId id) {
    Objects.requireNonNull(id, "id");
    try {
      return delegate.delete(id);
    } finally {
      cache.invalidate(id);
    }
  }

  @Override
  public boolean containsIdentify(String messageId) {
    return delegate.containsIdentify(messageId);
  }

  @Override
  public void addIdentify(String messageId) {
    delegate.addIdentify(messageId);
  }

  /** Visits the underlying store's customers; does not fill the cache. */
  @Override
  public void forEach(Consumer<? super Customer> action) {
    delegate.forEach(action);
  }

  @Override
  public long count() {
    return delegate.count();
  }

  /**
   * Drops a cached entry, for a host that changed the underlying store directly.
   *
   * @param id a customer id
   */
  public void invalidate(CustomerId id) {
    cache.invalidate(Objects.requireNonNull(id, "id"));
  }

  /** Drops every cached entry. */
  public void invalidateAll() {
    cache.invalidateAll();
  }

  /** @return the cache's counters since it was built */
  public CacheStatistics statistics() {
    CacheStats s = cache.stats();
    return new CacheStatistics(s.hitCount(), s.missCount(), s.evictionCount(),
        cache.estimatedSize());
  }

  /** @return the store behind the cache */
  public CustomerStore delegate() {
    return delegate;
  }

  @Override
  public String toString() {
    return "CachingCustomerStore[" + delegate + "]";
  }

  /**
   * Configures a {@link CachingCustomerStore}. Each option may be set once.
   *
   * @since 0.1
   */
  public static final class Builder {
    private final CustomerStore delegate;
    private long maximumSize = -1;
    private Duration expireAfterWrite;
    private java.util.function.LongSupplier ticker;
    private boolean sameThread;

    private Builder(CustomerStore delegate) {
      this.delegate = delegate;
    }

    /**
     * @param maximumSize the most profiles kept; 0 caches nothing
     * @return this builder
     * @throws IllegalArgumentException if negative
     * @throws IllegalStateException if already set
     */
    public Builder maximumSize(long maximumSize) {
      checkState(this.maximumSize < 0, "maximumSize was already set to %s", this.maximumSize);
      checkArgument(maximumSize >= 0, "maximumSize must be >= 0 but was %s", maximumSize);
      this.maximumSize = maximumSize;
      return this;
    }

    /**
     * @param duration how long a profile stays cached after it was loaded
     * @return this builder
     * @throws IllegalArgumentException if not positive
     * @throws IllegalStateException if already set
     */
    public Builder expireAfterWrite(Duration duration) {
      checkState(expireAfterWrite == null, "expireAfterWrite was already set to %s",
          expireAfterWrite);
      Objects.requireNonNull(duration, "duration");
      checkArgument(!duration.isNegative() && !duration.isZero(),
          "expireAfterWrite must be positive but was %s", duration);
      this.expireAfterWrite = duration;
      return this;
    }

    /**
     * Sets the time source for expiry, in nanoseconds (default: {@link System#nanoTime()}), so
     * that tests can advance time by hand.
     *
     * @param nanos a source of nanosecond readings
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder ticker(java.util.function.LongSupplier nanos) {
      checkState(ticker == null, "ticker was already set");
      this.ticker = Objects.requireNonNull(nanos, "nanos");
      return this;
    }

    /**
     * Runs the cache's maintenance (evictions) on the calling thread instead of the common
     * fork-join pool, so that counts are exact right after each call; for tests.
     *
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder maintenanceOnCallingThread() {
      checkState(!sameThread, "maintenanceOnCallingThread was already set");
      this.sameThread = true;
      return this;
    }

    /** @return the caching store */
    public CachingCustomerStore build() {
      return new CachingCustomerStore(this);
    }
  }
}
