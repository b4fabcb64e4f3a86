package io.cxs.journey.path;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * A node of a Sankey chart: an event at a position of the path.
 *
 * @param id a unique id, {@code position + ":" + event}
 * @param position the position in the path, 0 for the first event (in time order)
 * @param event the event name, or {@link PathAnalysis#OTHER} for events beyond the node cap
 * @param customers how many customers pass through it
 * @since 0.1
 */
public record SankeyNode(String id, int position, String event, long customers) {

  /** @throws IllegalArgumentException if {@code position} or {@code customers} is negative */
  public SankeyNode {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(event, "event");
    checkArgument(position >= 0, "position must be non-negative but was %s", position);
    checkArgument(customers >= 0, "customers must be non-negative but was %s", customers);
  }
}
