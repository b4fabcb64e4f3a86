package io.cxs.core.ingest;

import io.cxs.core.InvalidEventException;
import io.cxs.core.customer.Consent;
import io.cxs.core.customer.Identity;
import io.cxs.core.internal.JsonValues;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Says who a customer is: links the user id and anonymous id (and the {@code email} and
 * {@code phone} traits, which become identities), sets traits and records consent decisions.
 *
 * @param messageId the unique id
 * @param userId the host's customer id, if known
 * @param anonymousId the visitor id, if any
 * @param timestamp when it happened
 * @param traits trait values; {@code email} and {@code phone} also become identities
 * @param consents consent decisions made at this time
 * @since 0.1
 */
public record IdentifyEvent(String messageId, Optional<String> userId,
    Optional<String> anonymousId, Instant timestamp, Map<String, Object> traits,
    List<Consent> consents) implements Event {

  /**
   * @throws NullPointerException if an argument is null
   * @throws InvalidEventException if the message id is blank, both ids are missing, or the
   *     {@code email} or {@code phone} trait is not a valid identity
   */
  public IdentifyEvent {
    Events.checkCommon(messageId, userId, anonymousId, timestamp);
    try {
      traits = JsonValues.copyOf(traits, "traits");
    } catch (IllegalArgumentException e) {
      throw new InvalidEventException("traits", e.getMessage() + " in event " + messageId);
    }
    consents = List.copyOf(Objects.requireNonNull(consents, "consents"));
    for (String key : List.of("email", "phone")) {
      Object v = traits.get(key);
      if (v != null) {
        try {
          if (!(v instanceof String)) {
            throw new IllegalArgumentException(key + " must be a string but was " + v);
          }
          identityOf(key, (String) v);
        } catch (IllegalArgumentException e) {
          throw new InvalidEventException("traits." + key,
              "traits." + key + " is not valid in event " + messageId + ": " + e.getMessage());
        }
      }
    }
  }

  /**
   * @return an identify event for a user id with traits and no consents
   */
  public static IdentifyEvent of(String messageId, String userId, Instant timestamp,
      Map<String, ?> traits) {
    return new IdentifyEvent(messageId, Optional.of(userId), Optional.empty(), timestamp,
        JsonValues.copyOf(traits, "traits"), List.of());
  }

  /**
   * @return an identify event linking an anonymous id to a user id, with traits
   */
  public static IdentifyEvent link(String messageId, String userId, String anonymousId,
      Instant timestamp, Map<String, ?> traits) {
    return new IdentifyEvent(messageId, Optional.of(userId), Optional.of(anonymousId), timestamp,
        JsonValues.copyOf(traits, "traits"), List.of());
  }

  @Override
  public Type type() {
    return Type.IDENTIFY;
  }

  @Override
  public List<Identity> identities() {
    List<Identity> ids = new java.util.ArrayList<>(Event.super.identities());
    for (String key : List.of("email", "phone")) {
      Object v = traits.get(key);
      if (v instanceof String) {
        ids.add(identityOf(key, (String) v));
      }
    }
    return ids;
  }

  private static Identity identityOf(String key, String value) {
    return key.equals("email") ? Identity.email(value) : Identity.phone(value);
  }
}
