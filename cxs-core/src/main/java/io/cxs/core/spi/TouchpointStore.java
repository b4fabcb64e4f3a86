package io.cxs.core.spi;

import io.cxs.core.customer.Identity;
import io.cxs.core.touchpoint.Touchpoint;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Keeps touchpoints, one per event id, indexed by subject and time. Implementations are
 * thread-safe.
 *
 * @since 0.1
 */
public interface TouchpointStore {

  /**
   * Stores a touchpoint unless one with the same event id is already stored.
   *
   * @param touchpoint the touchpoint
   * @return true if stored, false if its event id was already present (a duplicate)
   */
  boolean add(Touchpoint touchpoint);

  /**
   * Stores every touchpoint whose event id is not yet present, as one unit: a durable store
   * stores all of them or none.
   *
   * @param touchpoints the touchpoints; duplicates within the collection are stored once
   * @return how many were stored
   */
  int addAll(Collection<Touchpoint> touchpoints);

  /** @return true if a touchpoint with this event id is stored */
  boolean contains(String eventId);

  /** @return the touchpoint with this event id, or empty */
  Optional<Touchpoint> find(String eventId);

  /**
   * @param subject an identity
   * @return the touchpoints that arrived with this identity, in time order (ties by event id)
   */
  List<Touchpoint> timeline(Identity subject);

  /**
   * Removes every touchpoint that arrived with this identity.
   *
   * @param subject an identity
   * @return how many were removed
   */
  int delete(Identity subject);

  /** @return the number of stored touchpoints */
  long count();

  /**
   * Visits every stored touchpoint in columnar batches (see {@link TouchpointBatch} for the
   * order). Touchpoints added during the scan may or may not be seen.
   *
   * @param visitor called once per batch
   */
  void scan(Consumer<? super TouchpointBatch> visitor);

  /** @return a new, empty, thread-safe in-memory store with a columnar layout */
  static TouchpointStore inMemory() {
    return new InMemoryTouchpointStore();
  }
}
