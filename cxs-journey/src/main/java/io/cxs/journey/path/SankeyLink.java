package io.cxs.journey.path;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * A link of a Sankey chart: customers who went from one node to the next.
 *
 * @param source the {@link SankeyNode#id()} of the earlier node
 * @param target the {@link SankeyNode#id()} of the later node
 * @param customers how many customers
 * @since 0.1
 */
public record SankeyLink(String source, String target, long customers) {

  /** @throws IllegalArgumentException if {@code customers} is negative */
  public SankeyLink {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    checkArgument(customers >= 0, "customers must be non-negative but was %s", customers);
  }
}
