package io.cxs.core.spi;

import io.cxs.core.customer.Identity;
import io.cxs.core.feedback.Feedback;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Keeps feedback (survey answers, reviews, complaints), one per event id, indexed by subject and time. Implementations are
 * thread-safe.
 *
 * @since 0.1
 */
public interface FeedbackStore {

  /**
   * Stores feedback unless one with the same event id is already stored.
   *
   * @param feedback the feedback
   * @return true if stored, false if its event id was already present (a duplicate)
   */
  boolean add(Feedback feedback);

  /**
   * Stores every feedback whose event id is not yet present, as one unit: a durable store
   * stores all of them or none.
   *
   * @param feedback the feedback; duplicates within the collection are stored once
   * @return how many were stored
   */
  int addAll(Collection<Feedback> feedback);

  /** @return true if feedback with this event id is stored */
  boolean contains(String eventId);

  /** @return the feedback with this event id, or empty */
  Optional<Feedback> find(String eventId);

  /**
   * @param subject an identity
   * @return the feedback that arrived with this identity, in time order (ties by event id)
   */
  List<Feedback> timeline(Identity subject);

  /**
   * Removes all feedback that arrived with this identity.
   *
   * @param subject an identity
   * @return how many were removed
   */
  int delete(Identity subject);

  /** @return the number of stored feedback */
  long count();

  /**
   * Visits all stored feedback in columnar batches (see {@link FeedbackBatch} for the
   * order). Feedback added during the scan may or may not be seen.
   *
   * @param visitor called once per batch
   */
  void scan(Consumer<? super FeedbackBatch> visitor);

  /** @return a new, empty, thread-safe in-memory store with a columnar layout */
  static FeedbackStore inMemory() {
    return new InMemoryFeedbackStore();
  }
}
