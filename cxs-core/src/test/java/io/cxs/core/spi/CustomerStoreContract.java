package io.cxs.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxs.core.customer.Consent;
import io.cxs.core.customer.ConsentStatus;
import io.cxs.core.customer.Customer;
import io.cxs.core.customer.CustomerId;
import io.cxs.core.customer.Identity;
import io.cxs.core.customer.MergeRecord;
import io.cxs.core.touchpoint.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link CustomerStore} must have. A store implementation's test extends
 * this class and supplies a new, empty store.
 */
public abstract class CustomerStoreContract {
  protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  protected CustomerStore store;

  /** @return a new, empty store */
  protected abstract CustomerStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  protected static Customer full() {
    return new Customer(CustomerId.of("ann"),
        List.of(Identity.userId("ann"), Identity.anonymousId("a-9"), Identity.email("Ann@Example.com")),
        Map.of("name", "Ann", "vip", true, "orders", 3L),
        Map.of("name", T0, "vip", T0, "orders", T0.plusSeconds(5)),
        List.of(Consent.of("marketing", Channel.EMAIL, ConsentStatus.GRANTED, T0)),
        T0.minusSeconds(60), T0.plusSeconds(5),
        List.of(new MergeRecord(CustomerId.of("ann"), CustomerId.of("anonymous_id:a-9"),
            Identity.anonymousId("a-9"), "m1", T0, "identify linked")));
  }

  @Test
  @DisplayName("a stored customer is found by id with every field intact")
  void put_thenFind_returnsEqualCustomer() {
    Customer c = full();
    store.put(c);
    assertThat(store.find(c.id())).contains(c);
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  @DisplayName("put replaces the customer with the same id")
  void put_sameId_replaces() {
    store.put(Customer.of(CustomerId.of("ann"), Identity.userId("ann"), T0));
    store.put(full());
    assertThat(store.find(CustomerId.of("ann"))).contains(full());
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  @DisplayName("replace removes the merged ids and stores the survivor in one step")
  void replace_mergesCustomers() {
    store.put(Customer.of(CustomerId.of("anonymous_id:a-9"), Identity.anonymousId("a-9"), T0));
    store.put(Customer.of(CustomerId.of("ann"), Identity.userId("ann"), T0));
    store.replace(full(), List.of(CustomerId.of("anonymous_id:a-9"), CustomerId.of("ann")));
    assertThat(store.find(CustomerId.of("anonymous_id:a-9"))).isEmpty();
    assertThat(store.find(CustomerId.of("ann"))).contains(full());
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  @DisplayName("delete removes the customer; an unknown id is not an error")
  void delete_removes() {
    store.put(full());
    assertThat(store.delete(CustomerId.of("ann"))).isTrue();
    assertThat(store.delete(CustomerId.of("ann"))).isFalse();
    assertThat(store.find(CustomerId.of("ann"))).isEmpty();
  }

  @Test
  @DisplayName("forEach visits every stored customer once")
  void forEach_visitsAll() {
    for (int i = 0; i < 50; i++) {
      store.put(Customer.of(CustomerId.of("c" + i), Identity.userId("c" + i), T0));
    }
    List<CustomerId> seen = new ArrayList<>();
    store.forEach(c -> seen.add(c.id()));
    assertThat(seen).hasSize(50).doesNotHaveDuplicates();
  }
}
