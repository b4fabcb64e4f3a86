package io.cxs.core;

/**
 * The root of every exception that cxs throws for a failure it could not handle (as opposed to a
 * caller mistake, which is an {@link IllegalArgumentException}, {@link NullPointerException} or
 * {@link IllegalStateException}). Unchecked.
 *
 * @since 0.1
 */
public class CxsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed, naming the value involved
   */
  public CxsException(String message) {
    super(message);
  }

  /**
   * @param message what failed, naming the value involved
   * @param cause the underlying failure
   */
  public CxsException(String message, Throwable cause) {
    super(message, cause);
  }
}
