package io.cxs.core.ingest;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;

/**
 * The outcome of ingesting a batch: how many events were accepted, how many were duplicates of
 * events already stored (same message id), how many lines were rejected, and why.
 *
 * @param accepted events stored (or applied, for {@code identify})
 * @param duplicates events skipped because their message id was already seen
 * @param rejected lines that were malformed or invalid
 * @param errors the first {@link #MAX_ERRORS} rejections, in line order
 * @since 0.1
 */
public record IngestReport(long accepted, long duplicates, long rejected, List<LineError> errors) {

  /** The most rejections a report lists; {@link #rejected()} counts them all. */
  public static final int MAX_ERRORS = 1000;

  /** @throws IllegalArgumentException if a count is negative or there are more errors than rejections */
  public IngestReport {
    checkArgument(accepted >= 0 && duplicates >= 0 && rejected >= 0,
        "counts must be >= 0 but were %s, %s, %s", accepted, duplicates, rejected);
    errors = List.copyOf(errors);
    checkArgument(errors.size() <= rejected,
        "%s errors listed but only %s rejected", errors.size(), rejected);
  }

  /** @return accepted + duplicates + rejected */
  public long lines() {
    return accepted + duplicates + rejected;
  }
}
