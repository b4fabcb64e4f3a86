package io.cxs.metrics.retention;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which touchpoints count: the definition of "active" (for churn, retention and cohorts) or of
 * "a purchase" (for the repeat-purchase rate) in a {@link RetentionAnalysis}. A definition looks
 * at a touchpoint's event name and monetary amount only. Immutable and thread-safe.
 *
 * <pre>{@code
 * Activity.any()                        // every touchpoint
 * Activity.withValue()                  // touchpoints with a monetary value, refunds excluded
 * Activity.named("Order Completed")     // touchpoints with one of these event names
 * }</pre>
 *
 * @since 0.1
 */
public final class Activity {
  private static final Activity ANY = new Activity(Kind.ANY, Set.of());
  private static final Activity WITH_VALUE = new Activity(Kind.WITH_VALUE, Set.of());

  private enum Kind {
    ANY,
    WITH_VALUE,
    NAMED
  }

  private final Kind kind;
  private final Set<String> names;

  private Activity(Kind kind, Set<String> names) {
    this.kind = kind;
    this.names = names;
  }

  /** @return the definition that every touchpoint satisfies */
  public static Activity any() {
    return ANY;
  }

  /**
   * @return the definition that touchpoints with a monetary value of at least 0 (in any currency)
   *     satisfy; touchpoints without a value and refunds (negative amounts) do not
   */
  public static Activity withValue() {
    return WITH_VALUE;
  }

  /**
   * @param names event names, compared exactly (case-sensitive)
   * @return the definition that touchpoints with one of these event names satisfy
   * @throws NullPointerException if {@code names} or a name is null
   * @throws IllegalArgumentException if {@code names} is empty or a name is blank
   */
  public static Activity named(String... names) {
    Objects.requireNonNull(names, "names");
    return named(Arrays.asList(names));
  }

  /**
   * @param names event names, compared exactly (case-sensitive)
   * @return the definition that touchpoints with one of these event names satisfy
   * @throws NullPointerException if {@code names} or a name is null
   * @throws IllegalArgumentException if {@code names} is empty or a name is blank
   */
  public static Activity named(Collection<String> names) {
    Objects.requireNonNull(names, "names");
    checkArgument(!names.isEmpty(), "names must not be empty but was %s", names);
    TreeSet<String> copy = new TreeSet<>();
    for (String n : names) {
      Objects.requireNonNull(n, "name");
      checkArgument(!n.isBlank(), "name must not be blank but was '%s'", n);
      copy.add(n);
    }
    return new Activity(Kind.NAMED, Set.copyOf(copy));
  }

  /**
   * @param eventName the touchpoint's event name
   * @param amount the touchpoint's monetary amount, or NaN if it has none
   * @return whether the touchpoint satisfies this definition
   * @throws NullPointerException if {@code eventName} is null
   */
  public boolean test(String eventName, double amount) {
    Objects.requireNonNull(eventName, "eventName");
    switch (kind) {
      case ANY:
        return true;
      case WITH_VALUE:
        return amount >= 0; // false for NaN
      default:
        return names.contains(eventName);
    }
  }

  /** @return whether the definition depends on the amount and not on the name */
  boolean needsAmount() {
    return kind == Kind.WITH_VALUE;
  }

  /** @return whether every touchpoint satisfies the definition */
  boolean acceptsAll() {
    return kind == Kind.ANY;
  }

  /** @return whether the event name alone satisfies the definition (meaningful when not {@link #needsAmount()}) */
  boolean acceptsName(String eventName) {
    return kind == Kind.ANY || names.contains(eventName);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Activity && ((Activity) o).kind == kind && ((Activity) o).names.equals(names);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + names.hashCode();
  }

  /** @return {@code any}, {@code withValue}, or {@code named[A, B]} with the names sorted */
  @Override
  public String toString() {
    switch (kind) {
      case ANY:
        return "any";
      case WITH_VALUE:
        return "withValue";
      default:
        return "named" + new TreeSet<>(names);
    }
  }
}
