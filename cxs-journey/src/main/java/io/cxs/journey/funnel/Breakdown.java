package io.cxs.journey.funnel;

import static com.google.common.base.Preconditions.checkArgument;

import io.cxs.core.customer.CustomerId;
import io.cxs.core.spi.CustomerStore;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A dimension that splits a funnel's customers into segments. Immutable.
 *
 * @since 0.1
 */
public final class Breakdown {
  /** The segment of customers without a value for the dimension. */
  public static final String NONE = "(none)";

  private final String name;
  private final Optional<Function<CustomerId, Optional<String>>> byCustomer;

  private Breakdown(String name, Optional<Function<CustomerId, Optional<String>>> byCustomer) {
    this.name = name;
    this.byCustomer = byCustomer;
  }

  /**
   * @return the breakdown by the channel of the first-step event of each customer's counted
   *     attempt
   */
  public static Breakdown firstChannel() {
    return new Breakdown("firstChannel", Optional.empty());
  }

  /**
   * @param customers where profiles are read
   * @param trait a trait key, such as {@code "plan"}
   * @return the breakdown by the trait's current value ({@link #NONE} without one); profiles are
   *     read once per customer who entered the funnel
   */
  public static Breakdown trait(CustomerStore customers, String trait) {
    Objects.requireNonNull(customers, "customers");
    Objects.requireNonNull(trait, "trait");
    checkArgument(!trait.isBlank(), "trait must not be blank but was '%s'", trait);
    return new Breakdown("trait:" + trait, Optional.of(id -> customers.find(id)
        .flatMap(c -> Optional.ofNullable(c.traits().get(trait))).map(String::valueOf)));
  }

  /**
   * @param name the dimension's name in reports
   * @param dimension each customer's segment, or empty for {@link #NONE}
   * @return a breakdown by any function of the customer id
   */
  public static Breakdown by(String name, Function<CustomerId, Optional<String>> dimension) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dimension, "dimension");
    checkArgument(!name.isBlank(), "name must not be blank but was '%s'", name);
    return new Breakdown(name, Optional.of(dimension));
  }

  /** @return the dimension's name */
  public String name() {
    return name;
  }

  /** @return the per-customer function, or empty for the first-channel breakdown */
  Optional<Function<CustomerId, Optional<String>>> byCustomer() {
    return byCustomer;
  }

  @Override
  public String toString() {
    return "Breakdown[" + name + "]";
  }
}
