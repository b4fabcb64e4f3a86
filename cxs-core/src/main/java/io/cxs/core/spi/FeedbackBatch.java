package io.cxs.core.spi;

import io.cxs.core.feedback.FeedbackKind;
import io.cxs.core.touchpoint.JourneyStage;

/**
 * A columnar batch of feedback, the unit of {@link FeedbackStore#scan}. Rows are grouped by
 * subject and in time order within each subject (ties broken by event id), and a subject's rows
 * are never split across batches. Row accessors take a row index in {@code [0, size())}.
 *
 * <p>A batch is valid only during the visitor call that receives it; it must not be kept.
 *
 * @since 0.1
 */
public interface FeedbackBatch {

  /** The value of {@link #score(int)} for a row without a score (skipped, or a complaint). */
  int NO_SCORE = Integer.MIN_VALUE;

  /** @return the number of rows */
  int size();

  /**
   * @return the scan's codes as of this batch, names being survey names: a growing snapshot,
   *     see {@link ScanDictionary}
   */
  ScanDictionary dictionary();

  /** @return the row's timestamp in epoch milliseconds */
  long epochMillis(int row);

  /** @return the row's subject code */
  int subject(int row);

  /** @return the row's survey name code, see {@link ScanDictionary#name(int)} */
  int survey(int row);

  /** @return the row's kind as its {@link FeedbackKind#ordinal()} */
  int kind(int row);

  /** @return the row's score, or {@link #NO_SCORE} */
  int score(int row);

  /** @return the lowest answer of the row's scale */
  int scaleMin(int row);

  /** @return the highest answer of the row's scale */
  int scaleMax(int row);

  /**
   * The row's scale as one int, {@code (scaleMin << 16) | (scaleMax & 0xFFFF)}, so that a scan
   * compares scales with one comparison: two rows have the same key exactly when they have the
   * same scale (scale bounds fit in 16 bits). A store may answer it from a per-scale table.
   *
   * @param row a row
   * @return the row's scale key
   */
  default int scaleKey(int row) {
    return scaleKey(scaleMin(row), scaleMax(row));
  }

  /**
   * @param min a scale's lowest answer
   * @param max a scale's highest answer
   * @return the {@link #scaleKey(int)} of rows with that scale
   */
  static int scaleKey(int min, int max) {
    return (min << 16) | (max & 0xFFFF);
  }

  /** @return the row's channel code */
  int channel(int row);

  /** @return the row's journey stage as its {@link JourneyStage#ordinal()}, or {@link TouchpointBatch#NO_STAGE} */
  int stage(int row);

  /** @return the event id of the touchpoint the row rates, or the empty string if none */
  String touchpointId(int row);

  /**
   * The row's free-text comment, for text analytics such as sentiment. Most rows have none, so
   * callers should test {@code isEmpty()} before doing any work on the text.
   *
   * @param row a row index in {@code [0, size())}
   * @return the comment exactly as stored, or the empty string if the row has none
   * @since 0.1
   */
  String comment(int row);
}
