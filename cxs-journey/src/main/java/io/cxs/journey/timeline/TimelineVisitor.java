package io.cxs.journey.timeline;

import io.cxs.core.spi.ScanDictionary;

/**
 * Receives every customer's timeline of one {@link TimelineScan}, each customer exactly once.
 *
 * @since 0.1
 */
public interface TimelineVisitor {

  /**
   * Called once before the first timeline (and not at all when the store is empty).
   *
   * @param dictionary the codes of the scan
   * @param customers the customers of the scan; ordinals are below {@link Customers#size()}
   */
  void begin(ScanDictionary dictionary, Customers customers);

  /**
   * Called once per customer that has touchpoints, in no particular order.
   *
   * @param timeline the customer's timeline, valid only during this call
   */
  void visit(Timeline timeline);
}
