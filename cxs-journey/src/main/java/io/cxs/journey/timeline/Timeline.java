package io.cxs.journey.timeline;

/**
 * One customer's touchpoints in time order (ties keep the store's order), as rows of primitive
 * columns. Codes are those of the scan's {@link io.cxs.core.spi.ScanDictionary}.
 *
 * <p>A timeline is valid only during the {@link TimelineVisitor#visit} call that receives it; it
 * must not be kept.
 *
 * @since 0.1
 */
public interface Timeline {

  /** @return the customer's ordinal in the scan's {@link Customers} */
  int customer();

  /** @return the number of rows, at least 1 */
  int size();

  /** @return the row's timestamp in epoch milliseconds; non-decreasing in {@code row} */
  long epochMillis(int row);

  /** @return the row's event name code */
  int name(int row);

  /** @return the row's channel code */
  int channel(int row);

  /**
   * @return the row's journey stage ordinal, or {@link io.cxs.core.spi.TouchpointBatch#NO_STAGE}
   */
  int stage(int row);

  /**
   * The row's properties, as {@link io.cxs.core.spi.TouchpointBatch#properties(int)} gives them.
   * Available only to a visitor whose {@link TimelineVisitor#needsProperties()} is true, so that
   * scans which never ask do not keep them for customers with several subjects. Like the batch
   * accessor it may cost a lookup or parsing: call it for rows already matched by name.
   *
   * @return the row's properties, an unmodifiable map; empty when it has none
   * @throws IllegalStateException if the visitor did not ask for properties
   * @since 0.1
   */
  java.util.Map<String, Object> properties(int row);
}
