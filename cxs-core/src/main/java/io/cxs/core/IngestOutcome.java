package io.cxs.core;

/**
 * What happened to one ingested event.
 *
 * @since 0.1
 */
public enum IngestOutcome {
  /** The event was stored (or, for {@code identify}, applied). */
  ACCEPTED,
  /** An event with the same message id was already seen; nothing changed. */
  DUPLICATE
}
