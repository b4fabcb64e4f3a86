package io.cxs.core.spi;

import io.cxs.core.customer.Customer;
import io.cxs.core.customer.CustomerId;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** The in-memory {@link CustomerStore}: a concurrent hash map. */
final class InMemoryCustomerStore implements CustomerStore {
  private final ConcurrentHashMap<CustomerId, Customer> customers = new ConcurrentHashMap<>();

  @Override
  public Optional<Customer> find(CustomerId id) {
    Objects.requireNonNull(id, "id");
    return Optional.ofNullable(customers.get(id));
  }

  @Override
  public void put(Customer customer) {
    Objects.requireNonNull(customer, "customer");
    customers.put(customer.id(), customer);
  }

  @Override
  public synchronized void replace(Customer merged, Collection<CustomerId> removed) {
    Objects.requireNonNull(merged, "merged");
    for (CustomerId id : removed) {
      if (!id.equals(merged.id())) {
        customers.remove(id);
      }
    }
    customers.put(merged.id(), merged);
  }

  @Override
  public boolean delete(CustomerId id) {
    Objects.requireNonNull(id, "id");
    return customers.remove(id) != null;
  }

  @Override
  public void forEach(Consumer<? super Customer> action) {
    Objects.requireNonNull(action, "action");
    customers.values().forEach(action);
  }

  @Override
  public long count() {
    return customers.size();
  }
}
