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

  /**
   * Whether this visitor reads {@link Timeline#properties(int)}. Asked once, before the scan
   * starts. The rows of a customer with several subjects are copied aside during the scan; only
   * when this is true are their properties copied too (the map references, not the maps).
   *
   * @return true to make {@link Timeline#properties(int)} available; false by default
   * @since 0.1
   */
  default boolean needsProperties() {
    return false;
  }
}
