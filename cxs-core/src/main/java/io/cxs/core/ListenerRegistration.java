package io.cxs.core;

/**
 * A registered listener; {@link #close()} removes it. Closing twice does nothing.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ListenerRegistration extends AutoCloseable {

  /** Removes the listener. */
  @Override
  void close();
}
