package io.cxs.metrics.clv;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One purchase: who bought, on which calendar day, for how much. Several transactions of one
 * customer on the same day count as one purchase in an {@link RfmSummary}.
 *
 * @param customerId the customer; non-blank
 * @param date the calendar day of the purchase
 * @param amount the value of the purchase; finite and at least 0
 * @since 0.1
 */
public record Transaction(String customerId, LocalDate date, double amount) {

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code customerId} is blank or {@code amount} is negative
   *     or not finite
   */
  public Transaction {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(date, "date");
    checkArgument(!customerId.isBlank(), "customerId must not be blank but was '%s'", customerId);
    checkArgument(
        Double.isFinite(amount) && amount >= 0,
        "amount must be finite and at least 0 but was %s",
        amount);
  }

  /**
   * @return a transaction on the day {@code at} falls on in {@code zone}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException as the canonical constructor
   */
  public static Transaction of(String customerId, Instant at, ZoneId zone, double amount) {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(zone, "zone");
    return new Transaction(customerId, LocalDate.ofInstant(at, zone), amount);
  }
}
