package io.cxs.journey.funnel;

import static com.google.common.base.Preconditions.checkArgument;

import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.JourneyStage;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Matches touchpoints by event name, and optionally by channel, journey stage and property
 * values. Every condition given must hold.
 *
 * <pre>{@code
 * EventPredicate.of("Order Completed").onChannel(Channel.MOBILE_APP)
 * EventPredicate.of("Order Completed").withProperty("category", "shoes")
 * }</pre>
 *
 * <h2>Property conditions</h2>
 * A condition {@code key = expected} holds for a touchpoint whose {@linkplain
 * io.cxs.core.touchpoint.Touchpoint#properties() properties} contain {@code key} with a value
 * equal to {@code expected}, where equality is defined on JSON scalars:
 * <ul>
 *   <li>a {@code String} equals only an equal {@code String} (case-sensitive);
 *   <li>a {@code Boolean} equals only an equal {@code Boolean};
 *   <li>a number ({@code Integer}, {@code Long}, {@code Short}, {@code Byte}, {@code BigInteger},
 *   {@code Double}, {@code Float}, {@code BigDecimal}) equals any number with the same numeric
 *   value: both are converted to {@code BigDecimal} and compared with {@code compareTo}, so
 *   {@code 1}, {@code 1L}, {@code 1.0} and {@code new BigDecimal("1.00")} are all equal. A
 *   {@code double} converts through its shortest decimal form ({@link BigDecimal#valueOf(double)}),
 *   so the property {@code 0.1} equals the condition {@code new BigDecimal("0.1")}, and a
 *   {@code BigDecimal} a database store gave back as the nearest {@code Double} still matches;
 *   <li>values of different kinds are never equal: {@code "1"} does not equal {@code 1}, and
 *   {@code "true"} does not equal {@code true}; a list or map property equals no condition;
 *   <li>a missing property never matches.
 * </ul>
 * Conditions take scalar values only (string, boolean, finite number), one per key.
 *
 * @param event the event name, matched exactly; non-blank
 * @param channel the channel the touchpoint must have, or empty for any
 * @param stage the journey stage the touchpoint must have, or empty for any
 * @param properties the property values the touchpoint must have, by key (sorted, unmodifiable);
 *     empty for no property condition
 * @since 0.1
 */
public record EventPredicate(String event, Optional<Channel> channel,
    Optional<JourneyStage> stage, Map<String, Object> properties) {

  /**
   * @throws NullPointerException if an argument, a key or a value is null
   * @throws IllegalArgumentException if {@code event} or a property key is blank, or a property
   *     value is not a string, boolean or finite number
   */
  public EventPredicate {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(properties, "properties");
    checkArgument(!event.isBlank(), "event must not be blank but was '%s'", event);
    properties = copyConditions(properties);
  }

  /**
   * A predicate without property conditions.
   *
   * @param event the event name, matched exactly; non-blank
   * @param channel the channel the touchpoint must have, or empty for any
   * @param stage the journey stage the touchpoint must have, or empty for any
   * @throws IllegalArgumentException if {@code event} is blank
   * @since 0.1
   */
  public EventPredicate(String event, Optional<Channel> channel, Optional<JourneyStage> stage) {
    this(event, channel, stage, Map.of());
  }

  /**
   * @param event the event name
   * @return a predicate matching that event on any channel and stage
   * @throws IllegalArgumentException if {@code event} is blank
   */
  public static EventPredicate of(String event) {
    return new EventPredicate(event, Optional.empty(), Optional.empty(), Map.of());
  }

  /** @return a copy that also requires this channel */
  public EventPredicate onChannel(Channel channel) {
    return new EventPredicate(event, Optional.of(channel), stage, properties);
  }

  /** @return a copy that also requires this journey stage */
  public EventPredicate atStage(JourneyStage stage) {
    return new EventPredicate(event, channel, Optional.of(stage), properties);
  }

  /**
   * @param key the property key; non-blank
   * @param value the value the property must have: a string, boolean or finite number, compared
   *     as described in the class documentation
   * @return a copy that also requires the property
   * @throws IllegalArgumentException if the key is blank, already has a condition, or the value
   *     is not a string, boolean or finite number
   * @since 0.1
   */
  public EventPredicate withProperty(String key, Object value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    checkArgument(!properties.containsKey(key),
        "property '%s' already has a condition (%s) but was given another (%s)", key,
        properties.get(key), value);
    TreeMap<String, Object> m = new TreeMap<>(properties);
    m.put(key, value);
    return new EventPredicate(event, channel, stage, m);
  }

  /** @return true if this predicate has at least one property condition */
  public boolean hasPropertyConditions() {
    return !properties.isEmpty();
  }

  /**
   * @param actual a touchpoint's properties
   * @return true if every property condition holds for them (true when there is none)
   * @since 0.1
   */
  public boolean matchesProperties(Map<String, ?> actual) {
    Objects.requireNonNull(actual, "actual");
    for (Map.Entry<String, Object> e : properties.entrySet()) {
      Object v = actual.get(e.getKey());
      if (v == null || !scalarEquals(e.getValue(), v)) {
        return false;
      }
    }
    return true;
  }

  /**
   * @param expected a condition's value, as stored by the constructor
   * @param actual any property value
   * @return whether they are equal as JSON scalars (see the class documentation)
   */
  static boolean scalarEquals(Object expected, Object actual) {
    if (expected instanceof Long e) {
      if (actual instanceof Long || actual instanceof Integer || actual instanceof Short
          || actual instanceof Byte) {
        return e == ((Number) actual).longValue();
      }
      BigDecimal a = decimal(actual);
      return a != null && a.compareTo(BigDecimal.valueOf(e)) == 0;
    }
    if (expected instanceof BigDecimal e) {
      BigDecimal a = decimal(actual);
      return a != null && e.compareTo(a) == 0;
    }
    return expected.equals(actual);
  }

  /** @return the number as a BigDecimal, or null if it is not a number (or not finite) */
  private static BigDecimal decimal(Object v) {
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
    }
    if (v instanceof BigDecimal b) {
      return b;
    }
    if (v instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    return null;
  }

  /**
   * Validates conditions and normalises them: strings and booleans as given; numbers as a
   * {@code Long} when whole and within its range, else as a {@code BigDecimal}.
   */
  private static Map<String, Object> copyConditions(Map<String, ?> conditions) {
    if (conditions.isEmpty()) {
      return Map.of();
    }
    TreeMap<String, Object> copy = new TreeMap<>();
    for (Map.Entry<String, ?> e : conditions.entrySet()) {
      String key = e.getKey();
      Objects.requireNonNull(key, "properties key");
      checkArgument(!key.isBlank(), "property key must not be blank but was '%s'", key);
      Object value = e.getValue();
      Objects.requireNonNull(value, "properties." + key);
      copy.put(key, normalise(key, value));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Object normalise(String key, Object value) {
    if (value instanceof String || value instanceof Boolean) {
      return value;
    }
    if ((value instanceof Double || value instanceof Float)
        && !Double.isFinite(((Number) value).doubleValue())) {
      throw new IllegalArgumentException(
          "property '" + key + "' must be a finite number but was " + value);
    }
    BigDecimal d = decimal(value);
    checkArgument(d != null,
        "property '%s' must be a string, boolean or number but was a %s (%s)", key,
        value.getClass().getName(), value);
    try {
      return d.longValueExact();
    } catch (ArithmeticException notWholeOrTooLarge) {
      return d.stripTrailingZeros();
    }
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(event);
    if (!properties.isEmpty()) {
      s.append('[');
      String sep = "";
      for (Map.Entry<String, Object> e : properties.entrySet()) {
        Object v = e.getValue();
        s.append(sep).append(e.getKey()).append('=')
            .append(v instanceof BigDecimal b ? b.toPlainString() : v);
        sep = ",";
      }
      s.append(']');
    }
    return s + channel.map(c -> " on " + c).orElse("") + stage.map(s2 -> " at " + s2.code())
        .orElse("");
  }
}
