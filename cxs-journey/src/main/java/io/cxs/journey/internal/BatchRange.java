package io.cxs.journey.internal;

import io.cxs.core.spi.TouchpointBatch;

/**
 * A {@link io.cxs.journey.timeline.Timeline} that is a run of consecutive rows of one batch, so
 * that a visitor may read the batch's columns directly: timeline row {@code r} is batch row
 * {@code offset() + r}.
 */
public interface BatchRange {

  /** @return the batch the timeline's rows are in */
  TouchpointBatch batch();

  /** @return the batch row of the timeline's first row */
  int offset();
}
