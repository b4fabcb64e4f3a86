package io.cxs.core.customer;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/**
 * One identity a customer is known by: a kind and a value. Values are normalized on construction
 * so that equal identities compare equal: e-mail addresses are trimmed and lower-cased, phone
 * numbers keep only their digits and a leading {@code +}, other values are trimmed.
 *
 * @param kind the kind of identity
 * @param value the normalized value, non-blank
 * @since 0.1
 */
public record Identity(IdentityKind kind, String value) implements Comparable<Identity> {

  private static final Comparator<Identity> ORDER =
      Comparator.comparing(Identity::kind).thenComparing(Identity::value);

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code value} is blank, or normalizes to nothing (a phone
   *     number without digits), or an e-mail address has no {@code @}
   */
  public Identity {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    value = normalize(kind, value);
  }

  /** @return a user id identity */
  public static Identity userId(String value) {
    return new Identity(IdentityKind.USER_ID, value);
  }

  /** @return an anonymous id identity */
  public static Identity anonymousId(String value) {
    return new Identity(IdentityKind.ANONYMOUS_ID, value);
  }

  /** @return an e-mail identity, normalized to lower case */
  public static Identity email(String value) {
    return new Identity(IdentityKind.EMAIL, value);
  }

  /** @return a phone identity, normalized to its digits and a leading {@code +} */
  public static Identity phone(String value) {
    return new Identity(IdentityKind.PHONE, value);
  }

  /** @return a device identity */
  public static Identity device(String value) {
    return new Identity(IdentityKind.DEVICE, value);
  }

  /**
   * @param system the other system's name, such as {@code "zendesk"}; must not contain {@code ':'}
   * @param id the id in that system
   * @return an external identity with value {@code system:id}
   */
  public static Identity external(String system, String id) {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(id, "id");
    checkArgument(!system.isBlank() && system.indexOf(':') < 0,
        "external system must be non-blank without ':' but was '%s'", system);
    return new Identity(IdentityKind.EXTERNAL, system.trim() + ":" + id);
  }

  /**
   * @param key a key as returned by {@link #key()}
   * @return the identity
   * @throws IllegalArgumentException if the key has no known kind prefix
   */
  public static Identity parse(String key) {
    Objects.requireNonNull(key, "key");
    int colon = key.indexOf(':');
    checkArgument(colon > 0, "identity key must be 'kind:value' but was '%s'", key);
    IdentityKind kind = IdentityKind.fromCode(key.substring(0, colon))
        .orElseThrow(() -> new IllegalArgumentException(
            "identity key has unknown kind '" + key.substring(0, colon) + "' in '" + key + "'"));
    return new Identity(kind, key.substring(colon + 1));
  }

  /** @return {@code kind:value}, such as {@code email:ann@example.com}; {@link #parse} reads it back */
  public String key() {
    return kind.code() + ":" + value;
  }

  @Override
  public int compareTo(Identity other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return key();
  }

  private static String normalize(IdentityKind kind, String raw) {
    String v = raw.trim();
    checkArgument(!v.isEmpty(), "%s identity must not be blank but was '%s'", kind.code(), raw);
    switch (kind) {
      case EMAIL:
        v = v.toLowerCase(Locale.ROOT);
        checkArgument(v.indexOf('@') > 0 && v.indexOf('@') < v.length() - 1,
            "email identity must look like name@domain but was '%s'", raw);
        return v;
      case PHONE:
        StringBuilder digits = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
          char c = v.charAt(i);
          if (c >= '0' && c <= '9') {
            digits.append(c);
          } else if (c == '+' && digits.length() == 0) {
            digits.append(c);
          }
        }
        checkArgument(digits.length() > 0 && !(digits.length() == 1 && digits.charAt(0) == '+'),
            "phone identity must contain digits but was '%s'", raw);
        return digits.toString();
      default:
        return v;
    }
  }
}
