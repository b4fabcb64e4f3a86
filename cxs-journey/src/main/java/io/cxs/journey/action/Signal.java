package io.cxs.journey.action;

import io.cxs.core.customer.CustomerView;
import io.cxs.core.customer.Identity;
import io.cxs.core.feedback.Feedback;
import io.cxs.core.touchpoint.Touchpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A touchpoint or a piece of feedback, as rules see them. */
record Signal(Optional<Touchpoint> touchpoint, Optional<Feedback> feedback) {

  static Signal of(Touchpoint t) {
    return new Signal(Optional.of(t), Optional.empty());
  }

  static Signal of(Feedback f) {
    return new Signal(Optional.empty(), Optional.of(f));
  }

  String eventId() {
    return touchpoint.map(Touchpoint::eventId).orElseGet(() -> feedback.orElseThrow().eventId());
  }

  Instant time() {
    return touchpoint.map(Touchpoint::timestamp)
        .orElseGet(() -> feedback.orElseThrow().timestamp());
  }

  Identity subject() {
    return touchpoint.map(Touchpoint::subject).orElseGet(() -> feedback.orElseThrow().subject());
  }

  static List<Signal> history(CustomerView view) {
    List<Signal> out = new ArrayList<>(view.touchpoints().size() + view.feedback().size());
    view.touchpoints().forEach(t -> out.add(of(t)));
    view.feedback().forEach(f -> out.add(of(f)));
    return out;
  }
}
