package io.cxs.core;

import io.cxs.core.ingest.IngestReport;
import java.util.Objects;

/**
 * Batch ingestion stopped at a line because a store failed (the database went away, a disk
 * filled up), not because the line was invalid: invalid lines are rejected and reported, and
 * ingestion goes on. Carries the line number and the report of the lines before it, which were
 * ingested. Redelivering the input from that line, or the whole input, completes it: lines
 * already stored are duplicates, and a redelivered line repairs what its failed delivery left
 * undone (see {@link Cxs#ingest}).
 *
 * @since 0.1
 */
public class IngestFailedException extends CxsException {
  private static final long serialVersionUID = 1L;
  private final long line;
  private final transient IngestReport before;

  /**
   * @param line the number of the line whose ingestion failed, from 1
   * @param before the report of the lines before it
   * @param cause the store's failure
   */
  public IngestFailedException(long line, IngestReport before, RuntimeException cause) {
    super("ingestion stopped at line " + line + " because a store failed (" + cause.getMessage()
        + "); the " + (before.accepted() + before.duplicates() + before.rejected())
        + " lines before it were ingested (" + before.accepted() + " accepted, "
        + before.duplicates() + " duplicates, " + before.rejected() + " rejected); redeliver"
        + " from line " + line + " or the whole input to complete it", cause);
    this.line = line;
    this.before = Objects.requireNonNull(before, "before");
  }

  /** @return the number of the line whose ingestion failed, from 1 */
  public long line() {
    return line;
  }

  /** @return the report of the lines before {@link #line()}, all of them ingested */
  public IngestReport before() {
    return before;
  }
}
