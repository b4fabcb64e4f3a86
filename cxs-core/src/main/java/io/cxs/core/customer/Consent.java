package io.cxs.core.customer;

import static com.google.common.base.Preconditions.checkArgument;

import io.cxs.core.touchpoint.Channel;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's consent decision for a purpose (such as {@code "marketing"}), optionally limited to
 * one channel, as of an instant. The newest decision for the same purpose and channel wins.
 *
 * @param purpose what the contact is for, such as {@code "marketing"} or {@code "service"}; non-blank
 * @param channel the channel the decision is limited to, or empty for every channel
 * @param status the decision
 * @param at when it was made
 * @since 0.1
 */
public record Consent(String purpose, Optional<Channel> channel, ConsentStatus status, Instant at) {

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code purpose} is blank
   */
  public Consent {
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
    checkArgument(!purpose.isBlank(), "consent purpose must not be blank but was '%s'", purpose);
  }

  /** @return a consent for a purpose on every channel */
  public static Consent of(String purpose, ConsentStatus status, Instant at) {
    return new Consent(purpose, Optional.empty(), status, at);
  }

  /** @return a consent for a purpose on one channel */
  public static Consent of(String purpose, Channel channel, ConsentStatus status, Instant at) {
    return new Consent(purpose, Optional.of(channel), status, at);
  }

  /** @return true if this decision is about the same purpose and channel as {@code other} */
  public boolean sameScope(Consent other) {
    return purpose.equals(other.purpose) && channel.equals(other.channel);
  }
}
