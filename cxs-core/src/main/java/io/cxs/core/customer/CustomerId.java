package io.cxs.core.customer;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * The id of a resolved customer. For a customer with a user id it is that user id (the smallest
 * one, if identity resolution joined several); for a customer known only by other identities it
 * is {@link Identity#key()} of the smallest of them, such as {@code "anonymous_id:a-9"}.
 *
 * @param value the id, non-blank
 * @since 0.1
 */
public record CustomerId(String value) implements Comparable<CustomerId> {

  /**
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is blank
   */
  public CustomerId {
    Objects.requireNonNull(value, "value");
    checkArgument(!value.isBlank(), "customer id must not be blank but was '%s'", value);
  }

  /**
   * @param value the id
   * @return the customer id
   * @throws IllegalArgumentException if {@code value} is blank
   */
  public static CustomerId of(String value) {
    return new CustomerId(value);
  }

  @Override
  public int compareTo(CustomerId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
