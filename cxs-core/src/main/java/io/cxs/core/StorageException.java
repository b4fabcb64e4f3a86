package io.cxs.core;

/**
 * A store could not read or write: the underlying database or file failed. Carries the name of
 * the store operation that failed.
 *
 * @since 0.1
 */
public class StorageException extends CxsException {
  private static final long serialVersionUID = 1L;
  private final String operation;

  /**
   * @param operation the store operation, such as {@code "TouchpointStore.add"}
   * @param message what failed
   * @param cause the underlying failure
   */
  public StorageException(String operation, String message, Throwable cause) {
    super(operation + ": " + message, cause);
    this.operation = operation;
  }

  /** @return the store operation that failed, such as {@code "TouchpointStore.add"} */
  public String operation() {
    return operation;
  }
}
