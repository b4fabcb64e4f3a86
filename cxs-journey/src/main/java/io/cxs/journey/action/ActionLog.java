package io.cxs.journey.action;

import io.cxs.core.customer.CustomerId;
import java.util.List;
import java.util.Optional;

/**
 * Where the {@link Orchestrator} records every action decision, keyed by
 * {@link ActionRecord#id()}. It is also what makes actions at most once: a decision is recorded
 * with {@link #claim} before anything is delivered, and a second claim of the same id fails.
 *
 * <p>Actions are kept apart from touchpoints on purpose: they are what the business did, not what
 * the customer did, so funnels, paths and KPIs over touchpoints do not count them, and an
 * action's outcome changes (pending, then sent or failed) while touchpoints are immutable.
 * {@link #timeline(CustomerId)} is the customer's action timeline next to its touchpoints.
 *
 * <p>Implementations must be thread-safe. A durable implementation (a JDBC table with a primary
 * key on the id, {@code claim} as an insert that may fail on the key) makes the guarantee hold
 * across restarts and across nodes.
 *
 * @since 0.1
 */
public interface ActionLog {

  /** @return a new empty thread-safe in-memory log */
  static ActionLog inMemory() {
    return new InMemoryActionLog();
  }

  /**
   * Records a decision unless one with the same id exists.
   *
   * @param record the decision
   * @return true if recorded, false if the id was already taken (the caller must not deliver)
   */
  boolean claim(ActionRecord record);

  /**
   * Replaces the record with the same id (a new status, detail or attempt count).
   *
   * @param record the new state
   * @throws IllegalArgumentException if no record with that id was claimed
   */
  void update(ActionRecord record);

  /**
   * @param id a record id
   * @return the record, or empty
   */
  Optional<ActionRecord> find(String id);

  /**
   * @param customer a customer id
   * @return that customer's records in the order they were claimed
   */
  List<ActionRecord> timeline(CustomerId customer);

  /** @return every record in the order claimed */
  List<ActionRecord> all();

  /**
   * Removes every record of a customer, for erasure (right to be forgotten).
   *
   * @param customer the customer id
   * @return how many records were removed
   */
  int forget(CustomerId customer);
}
