package io.cxs.metrics.kpi;

import io.cxs.core.internal.FeedbackArrays;
import io.cxs.core.spi.FeedbackBatch;

/**
 * Rows of a {@link FeedbackBatch} that has no arrays of its own (a JDBC store's, or a user's),
 * copied a chunk at a time into arrays, so that {@link ColumnarKpiScan} has one row loop for
 * every store. Only the columns a query reads are copied. Not thread-safe: one per counting
 * thread.
 */
final class FeedbackChunk implements FeedbackArrays {
  /** Rows per chunk: the copied columns stay in the first-level cache while they are counted. */
  static final int ROWS = 2048;
  /** Distinct scales one chunk can hold (scale codes are bytes). */
  static final int MAX_SCALES = Byte.MAX_VALUE + 1;

  private final FeedbackBatch batch;
  private final boolean copyTime;
  private final boolean copyChannel;
  private final boolean copyStage;
  private final boolean copySubject;
  private final long[] time = new long[ROWS];
  private final int[] subject = new int[ROWS];
  private final int[] survey = new int[ROWS];
  private final short[] score = new short[ROWS];
  private final byte[] kind = new byte[ROWS];
  private final byte[] scale = new byte[ROWS];
  private final int[] scaleKeys = new int[MAX_SCALES];
  private int scaleCount;
  private final short[] channel = new short[ROWS];
  private final byte[] stage = new byte[ROWS];

  /**
   * @param batch the batch to copy from
   * @param time whether the time column is read
   * @param dimension the query's dimension, or null: says which of the channel, stage and subject
   *     columns are read
   */
  FeedbackChunk(FeedbackBatch batch, boolean time, Dimension.Kind dimension) {
    this.batch = batch;
    this.copyTime = time;
    this.copyChannel = dimension == Dimension.Kind.CHANNEL;
    this.copyStage = dimension == Dimension.Kind.STAGE;
    this.copySubject = dimension == Dimension.Kind.TRAIT;
  }

  /**
   * Copies rows {@code [from, end)} of the batch to indexes {@code [0, end − from)}: up to
   * {@link #ROWS} rows, fewer if the chunk's scale table fills up first (the next chunk starts a
   * new one, so nothing is lost).
   *
   * @param from the first row to copy
   * @param to the end of the rows wanted
   * @return {@code end}, greater than {@code from} when {@code from < to}
   * @throws IllegalStateException if a channel code does not fit in 15 bits (more than 32,767
   *     distinct channels)
   */
  int fill(int from, int to) {
    int n = Math.min(ROWS, to - from);
    scaleCount = 0;
    int lastKey = 0;
    int lastCode = -1;
    for (int i = 0; i < n; i++) {
      int r = from + i;
      int key = batch.scaleKey(r);
      if (key != lastKey || lastCode < 0) {
        lastCode = scaleCode(key);
        if (lastCode < 0) {
          return r;
        }
        lastKey = key;
      }
      scale[i] = (byte) lastCode;
      survey[i] = batch.survey(r);
      int s = batch.score(r);
      score[i] = s == FeedbackBatch.NO_SCORE ? MISSING_SCORE : (short) s;
      kind[i] = (byte) batch.kind(r);
      if (copyTime) {
        time[i] = batch.epochMillis(r);
      }
      if (copyChannel) {
        int c = batch.channel(r);
        if (c < 0 || c > Short.MAX_VALUE) {
          throw new IllegalStateException("feedback row " + r + " has channel code " + c
              + ": a KPI scan by channel supports at most " + (Short.MAX_VALUE + 1)
              + " distinct channels");
        }
        channel[i] = (short) c;
      }
      if (copyStage) {
        stage[i] = (byte) (batch.stage(r) + 1);
      }
      if (copySubject) {
        subject[i] = batch.subject(r);
      }
    }
    return from + n;
  }

  /** @return the chunk's code of a scale key, added if new; -1 if the table is full */
  private int scaleCode(int key) {
    for (int c = 0; c < scaleCount; c++) {
      if (scaleKeys[c] == key) {
        return c;
      }
    }
    if (scaleCount == MAX_SCALES) {
      return -1;
    }
    scaleKeys[scaleCount] = key;
    return scaleCount++;
  }

  @Override
  public long[] timeArray() {
    return time;
  }

  @Override
  public int[] subjectArray() {
    return subject;
  }

  @Override
  public int[] surveyArray() {
    return survey;
  }

  @Override
  public short[] scoreArray() {
    return score;
  }

  @Override
  public byte[] kindArray() {
    return kind;
  }

  @Override
  public byte[] scaleArray() {
    return scale;
  }

  @Override
  public int[] scaleKeys() {
    return scaleKeys;
  }

  @Override
  public short[] channelArray() {
    return channel;
  }

  @Override
  public byte[] stageArray() {
    return stage;
  }
}
