package io.cxs.core;

/**
 * An incoming event is malformed or invalid. Names the offending field and value; in batch
 * ingestion the line number is carried by the {@link io.cxs.core.ingest.LineError} that wraps it.
 *
 * @since 0.1
 */
public class InvalidEventException extends CxsException {
  private static final long serialVersionUID = 1L;
  private final String field;

  /**
   * @param field the JSON field or record component at fault, such as {@code "timestamp"}
   * @param message what is wrong, naming the value
   */
  public InvalidEventException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** @return the field at fault, such as {@code "timestamp"} or {@code "score"} */
  public String field() {
    return field;
  }
}
