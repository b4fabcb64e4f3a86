package io.cxs.journey.action;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A trigger rule: when {@link #trigger()} fires for a customer and every condition holds, run
 * the actions. Each action runs at most once per trigger occurrence (identified by the rule id,
 * the trigger event's id and the action's index).
 *
 * <pre>{@code
 * Rule cart = Rule.named("cart-abandonment")
 *     .when(EventPattern.touchpoint("Product Added"))
 *     .notFollowedBy(EventPattern.touchpoint("Order Completed"), Duration.ofHours(1))
 *     .where(Condition.not(Condition.segment("staff")))
 *     .then(ActionSpec.message("email", Channel.EMAIL, "marketing",
 *         Map.of("template", "cart-reminder", "discount", "5%")))
 *     .build();
 * }</pre>
 *
 * @param id the rule id, non-blank, at most 100 characters, without {@code '/'}
 * @param trigger when it fires
 * @param conditions conditions on the customer, all of which must hold
 * @param actions what to do, at least one
 * @since 0.1
 */
public record Rule(String id, Trigger trigger, List<Condition> conditions,
    List<ActionSpec> actions) {

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code id} is blank, too long or contains {@code '/'}, or
   *     there is no action
   */
  public Rule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(trigger, "trigger");
    checkArgument(!id.isBlank() && id.length() <= 100 && id.indexOf('/') < 0,
        "rule id must be 1 to 100 characters without '/' but was '%s'", id);
    conditions = List.copyOf(conditions);
    actions = List.copyOf(actions);
    checkArgument(!actions.isEmpty(), "rule '%s' must have at least one action", id);
  }

  /**
   * @param id the rule id
   * @return a builder
   */
  public static Builder named(String id) {
    return new Builder(id);
  }

  /**
   * Builds a {@link Rule}. {@code when} (or {@code manual}) is required; each of
   * {@code followedBy}/{@code notFollowedBy}, {@code delay} may be set once.
   *
   * @since 0.1
   */
  public static final class Builder {
    private final String id;
    private EventPattern first;
    private boolean manual;
    private Trigger.Mode mode;
    private EventPattern next;
    private Duration within;
    private Duration delay;
    private final List<Condition> conditions = new ArrayList<>();
    private final List<ActionSpec> actions = new ArrayList<>();

    private Builder(String id) {
      this.id = Objects.requireNonNull(id, "id");
    }

    /**
     * @param pattern the event that starts an occurrence
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder when(EventPattern pattern) {
      checkState(first == null && !manual, "rule '%s': trigger was already set", id);
      first = Objects.requireNonNull(pattern, "pattern");
      return this;
    }

    /**
     * The rule fires only through {@link Orchestrator#fire}.
     *
     * @return this builder
     * @throws IllegalStateException if a trigger was already set
     */
    public Builder manual() {
      checkState(first == null && !manual, "rule '%s': trigger was already set", id);
      manual = true;
      return this;
    }

    /**
     * @param pattern the awaited event
     * @param within how long after the trigger event it may come
     * @return this builder
     * @throws IllegalStateException if a sequence was already set
     */
    public Builder followedBy(EventPattern pattern, Duration within) {
      return sequence(Trigger.Mode.FOLLOWED_BY, pattern, within);
    }

    /**
     * @param pattern the event whose absence fires the rule
     * @param within how long to wait for it
     * @return this builder
     * @throws IllegalStateException if a sequence was already set
     */
    public Builder notFollowedBy(EventPattern pattern, Duration within) {
      return sequence(Trigger.Mode.NOT_FOLLOWED_BY, pattern, within);
    }

    private Builder sequence(Trigger.Mode m, EventPattern pattern, Duration w) {
      checkState(mode == null, "rule '%s': sequence was already set to %s", id, mode);
      mode = m;
      next = Objects.requireNonNull(pattern, "pattern");
      within = Objects.requireNonNull(w, "within");
      return this;
    }

    /**
     * @param delay extra time before the actions run
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder delay(Duration delay) {
      checkState(this.delay == null, "rule '%s': delay was already set to %s", id, this.delay);
      this.delay = Objects.requireNonNull(delay, "delay");
      return this;
    }

    /**
     * @param condition a condition that must hold when the rule fires; may be called repeatedly
     * @return this builder
     */
    public Builder where(Condition condition) {
      conditions.add(Objects.requireNonNull(condition, "condition"));
      return this;
    }

    /**
     * @param action an action to run; may be called repeatedly, actions run in order
     * @return this builder
     */
    public Builder then(ActionSpec action) {
      actions.add(Objects.requireNonNull(action, "action"));
      return this;
    }

    /**
     * @return the rule
     * @throws IllegalStateException if no trigger was set, or a manual rule has a sequence
     * @throws IllegalArgumentException if the rule is invalid (see {@link Rule} and
     *     {@link Trigger})
     */
    public Rule build() {
      checkState(first != null || manual, "rule '%s' needs when(...) or manual()", id);
      checkState(!(manual && mode != null), "manual rule '%s' cannot have a sequence", id);
      Trigger t;
      if (manual) {
        t = Trigger.manual();
      } else if (mode == null) {
        t = Trigger.on(first);
      } else {
        t = new Trigger(mode, first, Optional.of(next), within, Duration.ZERO);
      }
      if (delay != null) {
        t = t.withDelay(delay);
      }
      return new Rule(id, t, conditions, actions);
    }
  }
}
