package io.cxs.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxs.core.customer.Customer;
import io.cxs.core.customer.CustomerId;
import io.cxs.core.customer.Identity;
import io.cxs.core.spi.CustomerStore;
import io.cxs.core.spi.CustomerStoreContract;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

final class CachingCustomerStoreTest extends CustomerStoreContract {
  private static final CustomerId ANN = CustomerId.of("ann");

  @Override
  protected CustomerStore newStore() {
    return CachingCustomerStore.builder(CustomerStore.inMemory()).build();
  }

  private static Customer ann(String name) {
    return new Customer(ANN, List.of(Identity.userId("ann")), java.util.Map.of("name", name),
            java.util.Map.of("name", T0), List.of(), T0, T0, List.of());
  }

  @Test
  void find_countsHitsAndMisses() {
    CustomerStore backing = CustomerStore.inMemory();
    backing.put(ann("Ann"));
    CachingCustomerStore cached = CachingCustomerStore.builder(backing).build();
    cached.find(ANN);
    cached.find(ANN);
    cached.find(ANN);
    cached.find(CustomerId.of("nobody"));
    cached.find(CustomerId.of("nobody"));
    CacheStatistics s = cached.statistics();
    assertThat(s.missCount()).isEqualTo(2);
    assertThat(s.hitCount()).isEqualTo(3);
    assertThat(s.hitRate()).isEqualTo(0.6);
  }

  @Test
  void writes_invalidateCachedProfiles() {
    CustomerStore backing = CustomerStore.inMemory();
    CachingCustomerStore cached = CachingCustomerStore.builder(backing).build();
    assertThat(cached.find(ANN)).isEmpty();
    cached.put(ann("Ann"));
    assertThat(cached.find(ANN).orElseThrow().trait("name")).contains("Ann");
    cached.put(ann("Annie"));
    assertThat(cached.find(ANN).orElseThrow().trait("name")).contains("Annie");
    CustomerId visitor = CustomerId.of("anonymous_id:a-9");
    cached.put(Customer.of(visitor, Identity.anonymousId("a-9"), T0));
    assertThat(cached.find(visitor)).isPresent();
    cached.replace(ann("Merged"), List.of(visitor, ANN));
    assertThat(cached.find(visitor)).isEmpty();
    assertThat(cached.find(ANN).orElseThrow().trait("name")).contains("Merged");
    cached.delete(ANN);
    assertThat(cached.find(ANN)).isEmpty();
  }

  @Test
  void writesBehindTheCache_areSeenAfterInvalidateOrExpiry() {
    CustomerStore backing = CustomerStore.inMemory();
    AtomicLong nanos = new AtomicLong();
    CachingCustomerStore cached = CachingCustomerStore.builder(backing)
        .expireAfterWrite(Duration.ofMinutes(1)).ticker(nanos::get).maintenanceOnCallingThread()
        .build();
    backing.put(ann("Ann"));
    assertThat(cached.find(ANN).orElseThrow().trait("name")).contains("Ann");
    backing.put(ann("Changed"));
    assertThat(cached.find(ANN).orElseThrow().trait("name")).contains("Ann");
    nanos.addAndGet(Duration.ofMinutes(2).toNanos());
    assertThat(cached.find(ANN).orElseThrow().trait("name")).contains("Changed");
    backing.put(ann("Again"));
    cached.invalidate(ANN);
    assertThat(cached.find(ANN).orElseThrow().trait("name")).contains("Again");
  }

  @Test
  void maximumSize_boundsTheCache() {
    CustomerStore backing = CustomerStore.inMemory();
    CachingCustomerStore cached = CachingCustomerStore.builder(backing).maximumSize(10)
        .maintenanceOnCallingThread().build();
    for (int i = 0; i < 100; i++) {
      cached.find(CustomerId.of("c" + i));
    }
    CacheStatistics s = cached.statistics();
    assertThat(s.size()).isLessThanOrEqualTo(10);
    assertThat(s.evictionCount()).isGreaterThanOrEqualTo(90);
  }

  @Test
  void builder_repeatedOrBadOption_isRejectedWithTheValue() {
    CachingCustomerStore.Builder b = CachingCustomerStore.builder(CustomerStore.inMemory());
    assertThatThrownBy(() -> b.maximumSize(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maximumSize must be >= 0 but was -1");
    b.maximumSize(5);
    assertThatThrownBy(() -> b.maximumSize(6)).isInstanceOf(IllegalStateException.class)
        .hasMessage("maximumSize was already set to 5");
  }

  @Test
  void statistics_emptyHasHitRateOne() {
    assertThat(CacheStatistics.empty().hitRate()).isEqualTo(1.0);
    assertThatThrownBy(() -> new CacheStatistics(-1, 0, 0, 0))
        .hasMessage("hitCount must be >= 0 but was -1");
  }
}
