package io.cxs.journey.internal;

import io.cxs.core.internal.TouchpointArrays;
import io.cxs.core.spi.TouchpointBatch;

/**
 * A {@link io.cxs.journey.timeline.TimelineVisitor} that can also take many customers of a batch
 * with array columns in one call, looping over the arrays itself instead of being called once
 * per customer. A timeline scan offers the runs to visitors that implement this and accept the
 * batch; customers it does not hand over this way (those with several subjects) still come to
 * {@code visit}. Not API.
 */
public interface RunVisitor {

  /**
   * @param arrays the batch's array columns
   * @return true if {@link #visitRuns} should be used for this batch
   */
  boolean acceptsRuns(TouchpointArrays arrays);

  /**
   * Visits every customer whose timeline is one subject run within batch rows
   * {@code [from, to)}: for each subject {@code s} whose run (by
   * {@link TouchpointArrays#subjectRunStarts()}) meets that range and whose
   * {@code runCustomer[s]} is set, that customer's timeline is the part of the run in the range.
   * The range never splits a subject's run.
   *
   * @param batch the batch
   * @param arrays the same batch's array columns
   * @param from the first row
   * @param to the row after the last
   * @param runCustomer by subject code, the customer ordinal whose whole timeline is that
   *     subject's run, or -1 if the subject is handled otherwise; subjects past its end are not
   *     visited
   */
  void visitRuns(TouchpointBatch batch, TouchpointArrays arrays, int from, int to,
      int[] runCustomer);
}
