package io.cxs.core.ingest;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * A rejected line of a JSON Lines batch.
 *
 * @param line the 1-based line number
 * @param field the field at fault, such as {@code "timestamp"}, or {@code "json"} for a line
 *     that is not a JSON object
 * @param message what is wrong, naming the value
 * @since 0.1
 */
public record LineError(long line, String field, String message) {

  /** @throws IllegalArgumentException if {@code line} is below 1 */
  public LineError {
    checkArgument(line >= 1, "line must be >= 1 but was %s", line);
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return "line " + line + ": " + field + ": " + message;
  }
}
