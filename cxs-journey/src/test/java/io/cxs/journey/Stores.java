package io.cxs.journey;

import io.cxs.core.Cxs;
import io.cxs.core.spi.CustomerStore;
import io.cxs.core.spi.FeedbackStore;
import io.cxs.core.spi.TouchpointStore;
import java.time.Clock;
import java.util.Objects;

/**
 * One set of the three stores an engine runs on.
 *
 * @param customers the profiles
 * @param touchpoints the touchpoints
 * @param feedback the feedback
 */
record Stores(CustomerStore customers, TouchpointStore touchpoints, FeedbackStore feedback) {
  /** The clock of every engine of the cross-store suites; nothing they compare reads it. */
  static final Clock CLOCK = Clock.fixed(EventStreams.T0, java.time.ZoneOffset.UTC);

  Stores {
    Objects.requireNonNull(customers, "customers");
    Objects.requireNonNull(touchpoints, "touchpoints");
    Objects.requireNonNull(feedback, "feedback");
  }

  /** @return fresh in-memory stores */
  static Stores inMemory() {
    return new Stores(CustomerStore.inMemory(), TouchpointStore.inMemory(),
        FeedbackStore.inMemory());
  }

  /** @return a new engine over these stores */
  Cxs engine() {
    return Cxs.builder().customerStore(customers).touchpointStore(touchpoints)
        .feedbackStore(feedback).clock(CLOCK).build();
  }
}
