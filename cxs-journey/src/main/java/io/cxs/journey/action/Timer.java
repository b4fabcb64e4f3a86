package io.cxs.journey.action;

import static com.google.common.base.Preconditions.checkArgument;

import io.cxs.core.customer.Identity;
import java.time.Instant;
import java.util.Objects;

/**
 * A pending timer of the {@link Orchestrator}: a rule to evaluate at a deadline, an action
 * deferred by quiet hours, or a delivery to retry. Plain data, so that a {@link TimerStore} can
 * keep it in a table row: every field is a string, a number or an instant.
 *
 * @param id a deterministic id ({@code kind/ruleId/occurrenceId/actionIndex/attempt}), so that
 *     scheduling the same timer twice keeps one
 * @param kind what to do when it is due
 * @param ruleId the rule
 * @param subject the identity of the trigger event; resolved to the customer when due
 * @param occurrenceId the trigger occurrence (the trigger event's id)
 * @param occurredAt the trigger event's timestamp
 * @param dueAt when it is due
 * @param actionIndex the action, for {@link Kind#SEND} and {@link Kind#RETRY}; -1 for all
 * @param attempt the next delivery attempt, for {@link Kind#RETRY}; else 0
 * @since 0.1
 */
public record Timer(String id, Kind kind, String ruleId, Identity subject, String occurrenceId,
    Instant occurredAt, Instant dueAt, int actionIndex, int attempt) {

  /** What a timer does when due. */
  public enum Kind {
    /** Check the trigger (for a deadline: the awaited event's absence) and conditions, then act. */
    EVALUATE,
    /** Decide one action again after quiet hours. */
    SEND,
    /** Retry delivering one action. */
    RETRY
  }

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code actionIndex < -1} or {@code attempt < 0}
   */
  public Timer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(occurrenceId, "occurrenceId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(dueAt, "dueAt");
    checkArgument(actionIndex >= -1, "actionIndex must be at least -1 but was %s", actionIndex);
    checkArgument(attempt >= 0, "attempt must not be negative but was %s", attempt);
  }

  static Timer of(Kind kind, String ruleId, Identity subject, String occurrenceId,
      Instant occurredAt, Instant dueAt, int actionIndex, int attempt) {
    String id = kind.name().toLowerCase(java.util.Locale.ROOT) + "/" + ruleId + "/" + occurrenceId
        + "/" + actionIndex + "/" + attempt;
    return new Timer(id, kind, ruleId, subject, occurrenceId, occurredAt, dueAt, actionIndex,
        attempt);
  }
}
