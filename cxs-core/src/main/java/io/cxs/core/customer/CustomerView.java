package io.cxs.core.customer;

import io.cxs.core.feedback.Feedback;
import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.Touchpoint;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The customer 360 view: the profile and everything the customer did and said, across every
 * identity it is known by, in time order.
 *
 * @param customer the profile
 * @param touchpoints every touchpoint of every identity, in time order (ties by event id)
 * @param feedback every piece of feedback of every identity, in time order (ties by event id)
 * @since 0.1
 */
public record CustomerView(Customer customer, List<Touchpoint> touchpoints,
    List<Feedback> feedback) {

  /** @throws NullPointerException if an argument is null */
  public CustomerView {
    Objects.requireNonNull(customer, "customer");
    touchpoints = List.copyOf(touchpoints);
    feedback = List.copyOf(feedback);
  }

  /** @return the channel of the newest touchpoint, or empty if there is none */
  public Optional<Channel> lastChannel() {
    return touchpoints.isEmpty() ? Optional.empty()
        : Optional.of(touchpoints.get(touchpoints.size() - 1).channel());
  }

  /** @return the time of the newest touchpoint or feedback, or empty if there is neither */
  public Optional<Instant> lastSeen() {
    Optional<Instant> t = touchpoints.isEmpty() ? Optional.empty()
        : Optional.of(touchpoints.get(touchpoints.size() - 1).timestamp());
    Optional<Instant> f = feedback.isEmpty() ? Optional.empty()
        : Optional.of(feedback.get(feedback.size() - 1).timestamp());
    if (t.isPresent() && f.isPresent()) {
      return Optional.of(t.get().isAfter(f.get()) ? t.get() : f.get());
    }
    return t.isPresent() ? t : f;
  }

  /** @return the sum of monetary values of touchpoints in {@code currency} */
  public java.math.BigDecimal totalValue(String currency) {
    java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
    for (Touchpoint t : touchpoints) {
      if (t.value().isPresent() && t.value().get().currency().equals(currency)) {
        sum = sum.add(t.value().get().amount());
      }
    }
    return sum;
  }
}
