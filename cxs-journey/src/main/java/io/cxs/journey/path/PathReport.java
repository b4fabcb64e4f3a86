package io.cxs.journey.path;

import java.util.List;
import java.util.Objects;

/**
 * The result of {@link PathAnalysis#run}.
 *
 * @param anchor the event the paths start from (or end at)
 * @param after true if the paths follow the anchor, false if they lead to it
 * @param customers customers whose timeline has the anchor event
 * @param adjacent the events right after (or right before) the anchor, most frequent first, with
 *     {@link PathAnalysis#END} for customers who did nothing more (or nothing before)
 * @param paths the most frequent paths, most frequent first (ties by the events' names), each
 *     including the anchor and at most {@code depth} events long
 * @param nodes the Sankey nodes of all paths, by position then customers
 * @param links the Sankey links between consecutive nodes, by source then customers
 * @since 0.1
 */
public record PathReport(String anchor, boolean after, long customers, List<PathCount> adjacent,
    List<PathCount> paths, List<SankeyNode> nodes, List<SankeyLink> links) {

  /** @throws NullPointerException if an argument is null */
  public PathReport {
    Objects.requireNonNull(anchor, "anchor");
    adjacent = List.copyOf(adjacent);
    paths = List.copyOf(paths);
    nodes = List.copyOf(nodes);
    links = List.copyOf(links);
  }
}
