package io.cxs.core.ingest;

import io.cxs.core.InvalidEventException;
import io.cxs.core.internal.JsonValues;
import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.JourneyStage;
import io.cxs.core.touchpoint.Money;
import io.cxs.core.touchpoint.Touchpoint;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Something a customer did, such as {@code "Order Completed"}; stored as a {@link Touchpoint}
 * under {@link #subject()}.
 *
 * @param messageId the unique id
 * @param userId the host's customer id, if known
 * @param anonymousId the visitor id, if any
 * @param event the event name
 * @param timestamp when it happened
 * @param channel where it happened
 * @param stage the journey stage, if known
 * @param properties further properties
 * @param value the monetary value, if any
 * @since 0.1
 */
public record TrackEvent(String messageId, Optional<String> userId, Optional<String> anonymousId,
    String event, Instant timestamp, Channel channel, Optional<JourneyStage> stage,
    Map<String, Object> properties, Optional<Money> value) implements Event {

  /**
   * @throws NullPointerException if an argument is null
   * @throws InvalidEventException if the message id or event name is blank or too long, or both
   *     ids are missing
   */
  public TrackEvent {
    Events.checkCommon(messageId, userId, anonymousId, timestamp);
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(value, "value");
    if (event.isBlank() || event.length() > Touchpoint.MAX_NAME_LENGTH) {
      throw new InvalidEventException("event", "event name must be 1 to "
          + Touchpoint.MAX_NAME_LENGTH + " characters but was '" + event + "' in event " + messageId);
    }
    try {
      properties = JsonValues.copyOf(properties, "properties");
    } catch (IllegalArgumentException e) {
      throw new InvalidEventException("properties", e.getMessage() + " in event " + messageId);
    }
  }

  /**
   * @return a track event by a known user on a channel, without stage, properties or value
   */
  public static TrackEvent of(String messageId, String userId, String event, Instant timestamp,
      Channel channel) {
    return new TrackEvent(messageId, Optional.of(userId), Optional.empty(), event, timestamp,
        channel, Optional.empty(), Map.of(), Optional.empty());
  }

  /**
   * @return a track event by an anonymous visitor on a channel
   */
  public static TrackEvent anonymous(String messageId, String anonymousId, String event,
      Instant timestamp, Channel channel) {
    return new TrackEvent(messageId, Optional.empty(), Optional.of(anonymousId), event, timestamp,
        channel, Optional.empty(), Map.of(), Optional.empty());
  }

  /** @return a copy with the monetary value set */
  public TrackEvent withValue(Money value) {
    return new TrackEvent(messageId, userId, anonymousId, event, timestamp, channel, stage,
        properties, Optional.of(value));
  }

  /** @return a copy with the journey stage set */
  public TrackEvent withStage(JourneyStage stage) {
    return new TrackEvent(messageId, userId, anonymousId, event, timestamp, channel,
        Optional.of(stage), properties, value);
  }

  /** @return a copy with these properties */
  public TrackEvent withProperties(Map<String, ?> properties) {
    return new TrackEvent(messageId, userId, anonymousId, event, timestamp, channel, stage,
        JsonValues.copyOf(properties, "properties"), value);
  }

  @Override
  public Type type() {
    return Type.TRACK;
  }

  /** @return the touchpoint this event is stored as */
  public Touchpoint toTouchpoint() {
    return new Touchpoint(messageId, subject(), channel, event, timestamp, stage, properties, value);
  }
}
