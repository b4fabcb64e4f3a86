package io.cxs.core.customer;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.util.Objects;

/**
 * One identity-resolution merge: customer {@code merged} was joined into customer {@code into}
 * because identity {@code via} was seen on both, in event {@code messageId}.
 *
 * @param into the surviving customer id
 * @param merged the customer id that no longer exists on its own
 * @param via the identity that linked them
 * @param messageId the event that carried the link
 * @param at the event's timestamp
 * @param reason a human-readable reason, such as {@code "identify linked anonymous_id:a-9"}
 * @since 0.1
 */
public record MergeRecord(CustomerId into, CustomerId merged, Identity via, String messageId,
    Instant at, String reason) {

  /** @throws NullPointerException if an argument is null */
  public MergeRecord {
    Objects.requireNonNull(into, "into");
    Objects.requireNonNull(merged, "merged");
    Objects.requireNonNull(via, "via");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(reason, "reason");
    checkArgument(!into.equals(merged), "a customer cannot merge into itself: %s", into);
  }
}
