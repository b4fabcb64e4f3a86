/**
 * Caching in front of stores: {@link io.cxs.core.cache.CachingCustomerStore} keeps profile reads
 * in a bounded Caffeine cache, invalidated on every write and merge, and reports
 * {@link io.cxs.core.cache.CacheStatistics}. No Caffeine type appears in this package's API.
 *
 * <p>No method accepts or returns {@code null}.
 */
package io.cxs.core.cache;
