package io.cxs.core.spi;

import io.cxs.core.touchpoint.JourneyStage;
import java.util.Map;

/**
 * A columnar batch of touchpoints, the unit of {@link TouchpointStore#scan}. Rows are grouped by
 * subject and in time order within each subject (ties broken by event id), and a subject's rows
 * are never split across batches. Row accessors take a row index in {@code [0, size())}.
 *
 * <p>A batch is valid only during the visitor call that receives it; it must not be kept.
 *
 * @since 0.1
 */
public interface TouchpointBatch {

  /** @return the number of rows */
  int size();

  /** @return the scan's codes as of this batch: a growing snapshot, see {@link ScanDictionary} */
  ScanDictionary dictionary();

  /** @return the row's timestamp in epoch milliseconds */
  long epochMillis(int row);

  /** @return the row's subject code, see {@link ScanDictionary#subject(int)} */
  int subject(int row);

  /**
   * The end of the subject's run that {@code row} is in: rows {@code row} to
   * {@code subjectRunEnd(row) - 1} have the subject of {@code row}, and the next row (if any)
   * has another. The default compares subjects row by row; a store that knows its runs answers
   * at once.
   *
   * @param row a row
   * @return the first row after the run, at most {@link #size()}
   */
  default int subjectRunEnd(int row) {
    int s = subject(row);
    int end = row + 1;
    int size = size();
    while (end < size && subject(end) == s) {
      end++;
    }
    return end;
  }

  /** @return the row's event name code, see {@link ScanDictionary#name(int)} */
  int name(int row);

  /** @return the row's channel code, see {@link ScanDictionary#channel(int)} */
  int channel(int row);

  /**
   * @return the row's journey stage as its {@link JourneyStage#ordinal()}, or {@link #NO_STAGE}
   */
  int stage(int row);

  /** @return the row's monetary amount (in its own currency), or NaN if it has none */
  double amount(int row);

  /**
   * The row's properties, equal to {@link io.cxs.core.touchpoint.Touchpoint#properties()} of the
   * stored touchpoint as the store returns it from {@link TouchpointStore#find}.
   *
   * <p>Unlike the other accessors this one is not a plain array read: it may cost a lookup (the
   * in-memory store keeps properties in a sparse side list) or parsing (a database store may keep
   * the JSON text and parse it on first access). It is meant for the few rows that a predicate has
   * already matched by name, not for every row of a scan.
   *
   * @return the row's properties as an unmodifiable map with sorted keys; empty when it has none
   * @since 0.1
   */
  Map<String, Object> properties(int row);

  /** The value of {@link #stage(int)} for a row without a journey stage. */
  int NO_STAGE = -1;
}
