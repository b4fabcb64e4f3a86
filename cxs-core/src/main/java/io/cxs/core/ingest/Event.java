package io.cxs.core.ingest;

import io.cxs.core.customer.Identity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An incoming event: who (a user id, an anonymous id, or both), what, and when. Events with both
 * ids link them: the anonymous visitor becomes the identified customer.
 *
 * @since 0.1
 */
public sealed interface Event permits IdentifyEvent, TrackEvent, FeedbackEvent {

  /** The kinds of event. */
  enum Type {
    /** Who the customer is: links identities, sets traits and consents. */
    IDENTIFY,
    /** Something the customer did: becomes a touchpoint. */
    TRACK,
    /** Something the customer said: becomes feedback. */
    FEEDBACK
  }

  /** @return the kind of event */
  Type type();

  /** @return the unique id; an event delivered twice is stored once */
  String messageId();

  /** @return the host's id of the customer, if known */
  Optional<String> userId();

  /** @return the visitor id, if any */
  Optional<String> anonymousId();

  /** @return when it happened */
  Instant timestamp();

  /** @return the identity the event is recorded under: the user id if present, else the anonymous id */
  default Identity subject() {
    return userId().map(Identity::userId).orElseGet(() -> Identity.anonymousId(anonymousId()
        .orElseThrow(() -> new IllegalStateException("event has neither userId nor anonymousId"))));
  }

  /** @return every identity the event names, which identity resolution links into one customer */
  default List<Identity> identities() {
    List<Identity> ids = new ArrayList<>(2);
    userId().ifPresent(u -> ids.add(Identity.userId(u)));
    anonymousId().ifPresent(a -> ids.add(Identity.anonymousId(a)));
    return ids;
  }
}
