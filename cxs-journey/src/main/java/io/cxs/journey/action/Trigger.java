package io.cxs.journey.action;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When a rule fires, relative to the event that starts it (the <em>trigger occurrence</em>):
 *
 * <ul>
 *   <li>{@link Mode#ON}: at {@code t + delay}, where {@code t} is the trigger event's timestamp;
 *   <li>{@link Mode#FOLLOWED_BY}: when a {@code next} event arrives with a timestamp in
 *       {@code [t, t + within)}, at that event's timestamp {@code + delay};
 *   <li>{@link Mode#NOT_FOLLOWED_BY}: at the deadline {@code t + within + delay}, unless a
 *       {@code next} event with a timestamp in {@code [t, t + within)} is known by then (an event
 *       exactly at the deadline is too late);
 *   <li>{@link Mode#MANUAL}: never by itself; the host fires it with
 *       {@link Orchestrator#fire(String, io.cxs.core.customer.Identity, String, java.time.Instant)}.
 * </ul>
 *
 * Times are event timestamps, so replays and late events are judged by when things happened,
 * not by when they arrived.
 *
 * @param mode the kind of trigger
 * @param first the pattern that starts an occurrence (for {@link Mode#MANUAL}, unused)
 * @param next the awaited pattern, for the two sequence modes
 * @param within the window for {@code next}; {@link Duration#ZERO} without one
 * @param delay extra time before the actions run; not negative
 * @since 0.1
 */
public record Trigger(Mode mode, EventPattern first, Optional<EventPattern> next, Duration within,
    Duration delay) {

  /** The kinds of trigger. */
  public enum Mode {
    /** On every matching event. */
    ON,
    /** When a matching event is followed by another within a time. */
    FOLLOWED_BY,
    /** When a matching event is not followed by another within a time. */
    NOT_FOLLOWED_BY,
    /** Only when the host fires it. */
    MANUAL
  }

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a sequence mode has no {@code next} or a non-positive
   *     {@code within}, another mode has a {@code next}, or {@code delay} is negative
   */
  public Trigger {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(within, "within");
    Objects.requireNonNull(delay, "delay");
    boolean sequence = mode == Mode.FOLLOWED_BY || mode == Mode.NOT_FOLLOWED_BY;
    checkArgument(sequence == next.isPresent(), "trigger mode %s %s a next pattern", mode,
        sequence ? "needs" : "must not have");
    checkArgument(!sequence || (!within.isNegative() && !within.isZero()),
        "within must be positive but was %s", within);
    checkArgument(!delay.isNegative(), "delay must not be negative but was %s", delay);
  }

  /** @return a trigger on every event matching {@code first}, without delay */
  public static Trigger on(EventPattern first) {
    return new Trigger(Mode.ON, first, Optional.empty(), Duration.ZERO, Duration.ZERO);
  }

  /** @return a trigger that only the host fires */
  public static Trigger manual() {
    return new Trigger(Mode.MANUAL, EventPattern.touchpoint("manual"), Optional.empty(),
        Duration.ZERO, Duration.ZERO);
  }

  /** @return a copy with {@code delay} */
  public Trigger withDelay(Duration delay) {
    return new Trigger(mode, first, next, within, delay);
  }

  /** @return a human-readable description, used in action reasons */
  String describe() {
    switch (mode) {
      case FOLLOWED_BY:
        return first + " followed by " + next.orElseThrow() + " within " + within;
      case NOT_FOLLOWED_BY:
        return first + " not followed by " + next.orElseThrow() + " within " + within;
      case MANUAL:
        return "fired by the host";
      default:
        return first.toString();
    }
  }
}
