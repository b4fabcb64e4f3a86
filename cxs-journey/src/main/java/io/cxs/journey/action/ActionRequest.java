package io.cxs.journey.action;

import static com.google.common.base.Preconditions.checkArgument;

import io.cxs.core.customer.Customer;
import java.time.Instant;
import java.util.Objects;

/**
 * One action for the {@link ActionHandler} to deliver.
 *
 * @param id the idempotency key: {@code ruleId/occurrenceId/actionIndex}; the same trigger
 *     occurrence always yields the same id
 * @param ruleId the rule that fired
 * @param customer the customer profile at the time the rule fired (for addresses and traits)
 * @param action what to do
 * @param occurrenceId the id of the trigger occurrence (the trigger event's id)
 * @param at when the decision was made
 * @param attempt the delivery attempt, from 1
 * @param reason why the rule fired, in words
 * @since 0.1
 */
public record ActionRequest(String id, String ruleId, Customer customer, ActionSpec action,
    String occurrenceId, Instant at, int attempt, String reason) {

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code attempt < 1}
   */
  public ActionRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(occurrenceId, "occurrenceId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(reason, "reason");
    checkArgument(attempt >= 1, "attempt must be at least 1 but was %s", attempt);
  }
}
