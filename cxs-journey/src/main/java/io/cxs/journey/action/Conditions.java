package io.cxs.journey.action;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.function.Predicate;
import io.cxs.core.customer.CustomerView;

/** Implementations behind the {@link Condition} factories. */
final class Conditions {
  private Conditions() {}

  static boolean sameValue(Object actual, Object expected) {
    if (actual instanceof Number && expected instanceof Number) {
      return new BigDecimal(actual.toString()).compareTo(new BigDecimal(expected.toString())) == 0;
    }
    return Objects.equals(actual, expected)
        || (expected instanceof String && actual.toString().equals(expected));
  }

  /** A condition with a description. */
  static final class Described implements Condition {
    private final String description;
    private final Predicate<CustomerView> predicate;

    Described(String description, Predicate<CustomerView> predicate) {
      this.description = description;
      this.predicate = predicate;
    }

    @Override
    public boolean test(CustomerView view) {
      return predicate.test(view);
    }

    @Override
    public String describe() {
      return description;
    }

    @Override
    public String toString() {
      return description;
    }
  }
}
