package io.cxs.journey.path;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.Objects;

/**
 * A sequence of events and the number of customers who followed it.
 *
 * @param events the event names, in time order; non-empty
 * @param customers how many customers followed it
 * @since 0.1
 */
public record PathCount(List<String> events, long customers) {

  /**
   * @throws IllegalArgumentException if {@code events} is empty or {@code customers} negative
   */
  public PathCount {
    events = List.copyOf(Objects.requireNonNull(events, "events"));
    checkArgument(!events.isEmpty(), "events must not be empty");
    checkArgument(customers >= 0, "customers must be non-negative but was %s", customers);
  }
}
