package io.cxs.journey.action;

import io.cxs.core.customer.CustomerId;
import io.cxs.core.customer.Identity;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A follow-up case opened by {@link ClosedLoop} for a detractor or a complaint: a person
 * ({@link #owner()}) should contact the customer by {@link #dueAt()} and close the case.
 *
 * @param id the case id, {@code "case-" + feedbackId}
 * @param customer the customer, as resolved when the case was opened
 * @param subject the identity the feedback arrived with
 * @param feedbackId the event id of the feedback that opened it
 * @param survey the feedback's survey or topic
 * @param score the feedback's score, if it had one
 * @param reason why it was opened, in words
 * @param owner who follows up
 * @param openedAt when it was opened
 * @param dueAt when the follow-up is due
 * @param closedAt when it was closed, if it was
 * @param resolution what was done, if closed
 * @since 0.1
 */
public record FollowUpCase(String id, CustomerId customer, Identity subject, String feedbackId,
    String survey, OptionalInt score, String reason, String owner, Instant openedAt,
    Instant dueAt, Optional<Instant> closedAt, Optional<String> resolution) {

  /** @throws NullPointerException if an argument is null */
  public FollowUpCase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(feedbackId, "feedbackId");
    Objects.requireNonNull(survey, "survey");
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(closedAt, "closedAt");
    Objects.requireNonNull(resolution, "resolution");
  }

  /** @return true until the case is closed */
  public boolean open() {
    return closedAt.isEmpty();
  }

  /**
   * @param now the current time
   * @return true if the case is open and past its due time
   */
  public boolean overdue(Instant now) {
    return open() && now.isAfter(dueAt);
  }

  /** @return how long it took to close, or empty while open */
  public Optional<Duration> timeToClose() {
    return closedAt.map(c -> Duration.between(openedAt, c));
  }

  FollowUpCase closed(Instant at, String resolution) {
    return new FollowUpCase(id, customer, subject, feedbackId, survey, score, reason, owner,
        openedAt, dueAt, Optional.of(at), Optional.of(resolution));
  }
}
