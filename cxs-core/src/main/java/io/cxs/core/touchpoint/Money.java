package io.cxs.core.touchpoint;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount of money in a currency. Amounts may be negative (refunds).
 *
 * @param amount the amount, with trailing zeros stripped so that {@code 1.50} equals {@code 1.5}
 * @param currency an ISO 4217 code: three upper-case letters, such as {@code EUR}
 * @since 0.1
 */
public record Money(BigDecimal amount, String currency) {

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code currency} is not three upper-case letters
   */
  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    checkArgument(currency.length() == 3 && currency.chars().allMatch(c -> c >= 'A' && c <= 'Z'),
        "currency must be an ISO 4217 code of three upper-case letters but was '%s'", currency);
    amount = amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
  }

  /**
   * @param amount the amount, such as {@code "19.99"}
   * @param currency the ISO 4217 code
   * @return the money value
   * @throws NumberFormatException if {@code amount} is not a decimal number
   */
  public static Money of(String amount, String currency) {
    return new Money(new BigDecimal(amount), currency);
  }

  /**
   * @param amount the amount; must be finite
   * @param currency the ISO 4217 code
   * @return the money value
   * @throws IllegalArgumentException if {@code amount} is NaN or infinite
   */
  public static Money of(double amount, String currency) {
    checkArgument(Double.isFinite(amount), "amount must be finite but was %s", amount);
    return new Money(BigDecimal.valueOf(amount), currency);
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency;
  }
}
