package io.cxs.core.ingest;

import io.cxs.core.InvalidEventException;
import java.util.Objects;
import java.util.Optional;

/** Validation shared by the event records. */
final class Events {
  private Events() {}

  static void checkCommon(String messageId, Optional<String> userId, Optional<String> anonymousId,
      Object timestamp) {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(anonymousId, "anonymousId");
    Objects.requireNonNull(timestamp, "timestamp");
    if (messageId.isBlank()) {
      throw new InvalidEventException("messageId", "messageId must not be blank but was '"
          + messageId + "'");
    }
    if (userId.isEmpty() && anonymousId.isEmpty()) {
      throw new InvalidEventException("userId",
          "event " + messageId + " needs a userId or an anonymousId but has neither");
    }
    if (userId.isPresent() && userId.get().isBlank()) {
      throw new InvalidEventException("userId", "userId must not be blank in event " + messageId);
    }
    if (anonymousId.isPresent() && anonymousId.get().isBlank()) {
      throw new InvalidEventException("anonymousId",
          "anonymousId must not be blank in event " + messageId);
    }
  }
}
