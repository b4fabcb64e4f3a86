package io.cxs.journey.funnel;

import static com.google.common.base.Preconditions.checkArgument;

import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.JourneyStage;
import java.util.Objects;
import java.util.Optional;

/**
 * Matches touchpoints by event name, and optionally by channel and journey stage.
 *
 * <pre>{@code
 * EventPredicate.of("Order Completed").onChannel(Channel.MOBILE_APP)
 * }</pre>
 *
 * @param event the event name, matched exactly; non-blank
 * @param channel the channel the touchpoint must have, or empty for any
 * @param stage the journey stage the touchpoint must have, or empty for any
 * @since 0.1
 */
public record EventPredicate(String event, Optional<Channel> channel,
    Optional<JourneyStage> stage) {

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code event} is blank
   */
  public EventPredicate {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(stage, "stage");
    checkArgument(!event.isBlank(), "event must not be blank but was '%s'", event);
  }

  /**
   * @param event the event name
   * @return a predicate matching that event on any channel and stage
   * @throws IllegalArgumentException if {@code event} is blank
   */
  public static EventPredicate of(String event) {
    return new EventPredicate(event, Optional.empty(), Optional.empty());
  }

  /** @return a copy that also requires this channel */
  public EventPredicate onChannel(Channel channel) {
    return new EventPredicate(event, Optional.of(channel), stage);
  }

  /** @return a copy that also requires this journey stage */
  public EventPredicate atStage(JourneyStage stage) {
    return new EventPredicate(event, channel, Optional.of(stage));
  }

  @Override
  public String toString() {
    return event + channel.map(c -> " on " + c).orElse("") + stage.map(s -> " at " + s.code())
        .orElse("");
  }
}
