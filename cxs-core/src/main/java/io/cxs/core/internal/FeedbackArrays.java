package io.cxs.core.internal;

/**
 * A {@link io.cxs.core.spi.FeedbackBatch} whose columns are plain arrays, for scans in this
 * project that loop over them directly instead of calling the batch's accessors row by row. Not
 * API.
 *
 * <p>The arrays are the batch's own and are read only: a caller must never write to them. They
 * may be longer than the batch; row {@code r} of the batch is index {@code r}.
 */
public interface FeedbackArrays {

  /** The value in {@link #scoreArray()} of a row without a score. */
  short MISSING_SCORE = Short.MIN_VALUE;

  /** The bit of {@link #stageArray()} that the store may use for its own purposes. */
  int HAS_EXTRA = 0x80;

  /** @return the time column, epoch milliseconds by row */
  long[] timeArray();

  /** @return the subject codes by row */
  int[] subjectArray();

  /** @return the survey name codes by row */
  int[] surveyArray();

  /** @return the scores by row, {@link #MISSING_SCORE} for a row without one */
  short[] scoreArray();

  /** @return the kinds by row, as {@code FeedbackKind} ordinals */
  byte[] kindArray();

  /** @return the scale codes by row, indexes into {@link #scaleKeys()} */
  byte[] scaleArray();

  /** @return the {@code FeedbackBatch.scaleKey} of each scale code */
  int[] scaleKeys();

  /** @return the channel codes by row */
  short[] channelArray();

  /**
   * @return the journey stages by row in bits 0-6, as the stage's ordinal + 1 and 0 for none
   *     (read {@code stage & 0x7F}); bit 7, {@link #HAS_EXTRA}, is the store's own
   */
  byte[] stageArray();
}
