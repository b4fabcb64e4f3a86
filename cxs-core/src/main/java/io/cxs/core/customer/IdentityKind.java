package io.cxs.core.customer;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of identity a customer can be known by.
 *
 * @since 0.1
 */
public enum IdentityKind {
  /** The host application's own customer or account id (Segment {@code userId}). */
  USER_ID,
  /** A visitor id set before the customer identifies (Segment {@code anonymousId}). */
  ANONYMOUS_ID,
  /** An e-mail address, compared case-insensitively. */
  EMAIL,
  /** A phone number, compared on its digits and a leading {@code +}. */
  PHONE,
  /** A device or browser id. */
  DEVICE,
  /** An id in another system, written {@code system:id}. */
  EXTERNAL;

  private final String code = name().toLowerCase(Locale.ROOT);

  /** @return the lower-case name used in JSON and in {@link Identity#key()}, such as {@code user_id} */
  public String code() {
    return code;
  }

  /**
   * @param code a code as returned by {@link #code()}, case-insensitive
   * @return the kind, or empty if the code names none
   */
  public static Optional<IdentityKind> fromCode(String code) {
    for (IdentityKind kind : values()) {
      if (kind.code().equalsIgnoreCase(code)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
