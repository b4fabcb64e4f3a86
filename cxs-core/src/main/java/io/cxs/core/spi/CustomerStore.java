package io.cxs.core.spi;

import io.cxs.core.customer.Customer;
import io.cxs.core.customer.CustomerId;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Keeps customer profiles by id. Implementations are thread-safe.
 *
 * @since 0.1
 */
public interface CustomerStore {

  /**
   * @param id a customer id
   * @return the customer, or empty if none has that id
   */
  Optional<Customer> find(CustomerId id);

  /**
   * Stores a customer, replacing any with the same id.
   *
   * @param customer the customer
   */
  void put(Customer customer);

  /**
   * Replaces customers in one step: removes {@code removed} and stores {@code merged}, as an
   * identity-resolution merge needs. A durable store does this in one transaction.
   *
   * @param merged the customer to store
   * @param removed the ids to remove; may include {@code merged.id()}, which is then kept
   */
  void replace(Customer merged, java.util.Collection<CustomerId> removed);

  /**
   * @param id a customer id
   * @return true if a customer was removed
   */
  boolean delete(CustomerId id);

  /**
   * Calls {@code action} once for every stored customer, in no particular order. Customers
   * stored or removed during the call may or may not be seen.
   *
   * @param action what to do with each customer
   */
  void forEach(Consumer<? super Customer> action);

  /**
   * Whether an {@code identify} event with this message id was applied to this store's profiles
   * (see {@link #addIdentify}), so that the engine treats its redelivery as a duplicate even
   * after a restart. An identify is not stored as an event of its own, so this is how a durable
   * store makes its dedupe durable. The default knows none; the engine then remembers applied
   * identifies for its own lifetime only.
   *
   * @param messageId an identify event's message id
   * @return true if it was recorded
   * @since 0.1
   */
  default boolean containsIdentify(String messageId) {
    return false;
  }

  /**
   * Records that the {@code identify} event with this message id was applied; the engine calls
   * it after the event's profile write. Recording it again is harmless. The default forgets it.
   *
   * @param messageId an identify event's message id
   * @since 0.1
   */
  default void addIdentify(String messageId) {}

  /** @return the number of stored customers */
  long count();

  /** @return a new, empty, thread-safe in-memory store */
  static CustomerStore inMemory() {
    return new InMemoryCustomerStore();
  }
}
