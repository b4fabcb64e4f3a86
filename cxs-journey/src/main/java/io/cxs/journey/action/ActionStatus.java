package io.cxs.journey.action;

/**
 * What became of an action.
 *
 * @since 0.1
 */
public enum ActionStatus {
  /** Decided and being delivered (or waiting for a retry). */
  PENDING,
  /** The handler delivered it. */
  SENT,
  /** Not sent: no consent, frequency cap, or too late; {@link ActionRecord#detail()} says why. */
  SUPPRESSED,
  /** The handler failed on every attempt. */
  FAILED;

  /** @return the lower-case name used in JSON */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
