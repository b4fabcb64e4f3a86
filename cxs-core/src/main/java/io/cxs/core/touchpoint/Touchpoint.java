package io.cxs.core.touchpoint;

import static com.google.common.base.Preconditions.checkArgument;

import io.cxs.core.customer.Identity;
import io.cxs.core.internal.JsonValues;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One interaction of a customer with the business, such as {@code "Product Viewed"} on the web.
 * A touchpoint keeps the identity it arrived with ({@link #subject()}); identity resolution maps
 * that identity to its customer when the touchpoint is read.
 *
 * @param eventId the event's unique id (Segment {@code messageId}); stores keep one touchpoint per id
 * @param subject the identity the event arrived with: its user id, or else its anonymous id
 * @param channel where it happened
 * @param name what happened, such as {@code "Order Completed"}; non-blank, at most 200 characters
 * @param timestamp when it happened
 * @param stage the journey stage, if known
 * @param properties further JSON properties, sorted by key
 * @param value the monetary value, if any (an order's total, a refund)
 * @since 0.1
 */
public record Touchpoint(String eventId, Identity subject, Channel channel, String name,
    Instant timestamp, Optional<JourneyStage> stage, Map<String, Object> properties,
    Optional<Money> value) {

  /** The longest accepted event name. */
  public static final int MAX_NAME_LENGTH = 200;

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code eventId} or {@code name} is blank, or {@code name}
   *     is longer than {@link #MAX_NAME_LENGTH}, or a property is not a JSON value
   */
  public Touchpoint {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(value, "value");
    checkArgument(!eventId.isBlank(), "eventId must not be blank but was '%s'", eventId);
    checkArgument(!name.isBlank() && name.length() <= MAX_NAME_LENGTH,
        "name must be 1 to %s characters but was '%s'", MAX_NAME_LENGTH, name);
    properties = JsonValues.copyOf(properties, "properties");
  }

  /**
   * @param eventId the event id
   * @param subject the identity it arrived with
   * @param channel the channel
   * @param name the event name
   * @param timestamp when it happened
   * @return a touchpoint without stage, properties or value
   */
  public static Touchpoint of(String eventId, Identity subject, Channel channel, String name,
      Instant timestamp) {
    return new Touchpoint(eventId, subject, channel, name, timestamp, Optional.empty(), Map.of(),
        Optional.empty());
  }

  /** @return a copy with the journey stage set */
  public Touchpoint withStage(JourneyStage stage) {
    return new Touchpoint(eventId, subject, channel, name, timestamp, Optional.of(stage),
        properties, value);
  }

  /** @return a copy with the monetary value set */
  public Touchpoint withValue(Money value) {
    return new Touchpoint(eventId, subject, channel, name, timestamp, stage, properties,
        Optional.of(value));
  }

  /** @return a copy with these properties instead of the current ones */
  public Touchpoint withProperties(Map<String, ?> properties) {
    return new Touchpoint(eventId, subject, channel, name, timestamp, stage,
        JsonValues.copyOf(properties, "properties"), value);
  }
}
