package io.cxs.journey.action;

import static com.google.common.base.Preconditions.checkArgument;

import io.cxs.core.customer.CustomerId;
import io.cxs.core.touchpoint.Channel;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One action decision on a customer's action timeline: what (rule, type, channel), why
 * ({@link #reason()}), when ({@link #at()}) and the outcome ({@link #status()},
 * {@link #detail()}).
 *
 * @param id the idempotency key {@code ruleId/occurrenceId/actionIndex}
 * @param ruleId the rule
 * @param customer the customer, as resolved when the rule fired
 * @param type the action type
 * @param channel the channel of an outbound action, or empty
 * @param purpose the consent purpose
 * @param occurrenceId the trigger occurrence (the trigger event's id)
 * @param at when the decision was made
 * @param status the outcome
 * @param reason why the rule fired
 * @param detail why it was suppressed, the last delivery error, or {@code "deferred by quiet
 *     hours"}; empty for an action sent at once on the first attempt
 * @param attempts delivery attempts so far (0 for a suppressed action)
 * @since 0.1
 */
public record ActionRecord(String id, String ruleId, CustomerId customer, String type,
    Optional<Channel> channel, String purpose, String occurrenceId, Instant at, ActionStatus status,
    String reason, Optional<String> detail, int attempts) {

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code attempts} is negative
   */
  public ActionRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(occurrenceId, "occurrenceId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    checkArgument(attempts >= 0, "attempts must not be negative but was %s", attempts);
  }

  /** @return a copy with a new status, detail and attempt count */
  public ActionRecord with(ActionStatus status, Optional<String> detail, int attempts) {
    return new ActionRecord(id, ruleId, customer, type, channel, purpose, occurrenceId, at, status,
        reason, detail, attempts);
  }

  /** @return true if it contacts (or was meant to contact) the customer */
  public boolean outbound() {
    return channel.isPresent();
  }
}
