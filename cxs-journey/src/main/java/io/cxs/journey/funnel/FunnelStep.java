package io.cxs.journey.funnel;

import static com.google.common.base.Preconditions.checkArgument;

import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.JourneyStage;
import java.util.Objects;

/**
 * One step of a {@link Funnel}: a label, the events that satisfy it, and whether the step may be
 * skipped.
 *
 * @param name the label in reports; non-blank
 * @param predicate the events that satisfy the step
 * @param optional true if a customer may skip the step on the way to later steps
 * @since 0.1
 */
public record FunnelStep(String name, EventPredicate predicate, boolean optional) {

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public FunnelStep {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(predicate, "predicate");
    checkArgument(!name.isBlank(), "name must not be blank but was '%s'", name);
  }

  /**
   * @param event an event name
   * @return a required step named after the event, matching it on any channel
   * @throws IllegalArgumentException if {@code event} is blank
   */
  public static FunnelStep of(String event) {
    return new FunnelStep(event, EventPredicate.of(event), false);
  }

  /**
   * @param name the label
   * @param predicate the events that satisfy the step
   * @return a required step
   */
  public static FunnelStep of(String name, EventPredicate predicate) {
    return new FunnelStep(name, predicate, false);
  }

  /** @return a copy that may be skipped */
  public FunnelStep asOptional() {
    return new FunnelStep(name, predicate, true);
  }

  /** @return a copy that also requires this channel */
  public FunnelStep onChannel(Channel channel) {
    return new FunnelStep(name, predicate.onChannel(channel), optional);
  }

  /** @return a copy that also requires this journey stage */
  public FunnelStep atStage(JourneyStage stage) {
    return new FunnelStep(name, predicate.atStage(stage), optional);
  }

  /**
   * @param key the property key; non-blank
   * @param value the value the property must have, see {@link EventPredicate#withProperty}
   * @return a copy that also requires this property value
   * @throws IllegalArgumentException as {@link EventPredicate#withProperty} does
   * @since 0.1
   */
  public FunnelStep withProperty(String key, Object value) {
    return new FunnelStep(name, predicate.withProperty(key, value), optional);
  }
}
