package io.cxs.core.customer;

/**
 * Whether a customer allows contact for a purpose or on a channel.
 *
 * @since 0.1
 */
public enum ConsentStatus {
  /** The customer opted in. */
  GRANTED,
  /** The customer declined when asked. */
  DENIED,
  /** The customer withdrew an earlier grant. */
  REVOKED;

  /** @return true only for {@link #GRANTED} */
  public boolean allows() {
    return this == GRANTED;
  }
}
