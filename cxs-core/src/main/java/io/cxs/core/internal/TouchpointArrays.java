package io.cxs.core.internal;

/**
 * A {@link io.cxs.core.spi.TouchpointBatch} whose time and event name columns are plain arrays,
 * for scans in this project that loop over them directly instead of calling the batch's accessors
 * row by row. Not API.
 *
 * <p>The arrays are the batch's own and are read only: a caller must never write to them. They
 * may be longer than the batch; row {@code r} of the batch is index {@code r}.
 */
public interface TouchpointArrays {

  /**
   * @return where each subject's run of rows starts: the rows of subject code {@code s} are
   *     {@code [starts[s], starts[s + 1])}, possibly empty, and runs are in subject code order,
   *     so a walk over runs need not read the subject column
   */
  int[] subjectRunStarts();

  /** @return the time column, epoch milliseconds by row */
  long[] timeArray();

  /**
   * @return true if the event name codes are in {@link #nameArray16()}; false if some code does
   *     not fit in 16 bits, and the batch's {@code name(row)} must be used instead
   */
  boolean hasNameArray16();

  /**
   * @return the event name codes by row, as unsigned 16-bit values ({@code & 0xFFFF}); read only
   *     when {@link #hasNameArray16()}
   */
  short[] nameArray16();
}
