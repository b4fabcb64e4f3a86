package io.cxs.metrics.kpi;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What to break KPIs down by: the channel feedback was given on, the journey stage it refers to,
 * the survey, the touchpoint it rates, or a trait of the customer who gave it (resolved through
 * the identity graph, so an anonymous visitor who later identifies is grouped with the customer).
 * Each group has a label; feedback without a value is grouped under {@link #NONE}.
 *
 * <p>Immutable; equal when kind and trait name are equal.
 *
 * @since 0.1
 */
public final class Dimension {
  /** The label of feedback without a value for the dimension. */
  public static final String NONE = "unknown";

  enum Kind { CHANNEL, STAGE, SURVEY, TOUCHPOINT, TRAIT }

  private static final Dimension CHANNEL = new Dimension(Kind.CHANNEL, "");
  private static final Dimension STAGE = new Dimension(Kind.STAGE, "");
  private static final Dimension SURVEY = new Dimension(Kind.SURVEY, "");
  private static final Dimension TOUCHPOINT = new Dimension(Kind.TOUCHPOINT, "");

  private final Kind kind;
  private final String trait;

  private Dimension(Kind kind, String trait) {
    this.kind = kind;
    this.trait = trait;
  }

  /** @return the channel the feedback was given on, labelled by channel name */
  public static Dimension channel() {
    return CHANNEL;
  }

  /** @return the journey stage the feedback refers to, labelled by stage code */
  public static Dimension stage() {
    return STAGE;
  }

  /** @return the survey, labelled by survey name */
  public static Dimension survey() {
    return SURVEY;
  }

  /** @return the touchpoint rated, labelled by its event id */
  public static Dimension touchpoint() {
    return TOUCHPOINT;
  }

  /**
   * A trait of the customer who gave the feedback, as it is now, labelled by the trait value's
   * text. Needs an identity resolver, so a query with it runs on a {@code Cxs} engine.
   *
   * @param name the trait name, such as {@code "plan"}
   * @return the dimension
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static Dimension trait(String name) {
    Objects.requireNonNull(name, "name");
    checkArgument(!name.isBlank(), "name must not be blank but was '%s'", name);
    return new Dimension(Kind.TRAIT, name);
  }

  /**
   * @param code {@code channel}, {@code stage}, {@code survey}, {@code touchpoint} or
   *     {@code trait:NAME}, case-insensitive except for the trait name
   * @return the dimension, or empty if the code names none
   */
  public static Optional<Dimension> fromCode(String code) {
    Objects.requireNonNull(code, "code");
    String c = code.trim();
    if (c.regionMatches(true, 0, "trait:", 0, 6) && c.length() > 6) {
      return Optional.of(trait(c.substring(6)));
    }
    switch (c.toLowerCase(Locale.ROOT)) {
      case "channel":
        return Optional.of(CHANNEL);
      case "stage":
        return Optional.of(STAGE);
      case "survey":
        return Optional.of(SURVEY);
      case "touchpoint":
        return Optional.of(TOUCHPOINT);
      default:
        return Optional.empty();
    }
  }

  Kind kind() {
    return kind;
  }

  /** @return the trait name, or empty for the other dimensions */
  public Optional<String> traitName() {
    return kind == Kind.TRAIT ? Optional.of(trait) : Optional.empty();
  }

  /** @return the code accepted by {@link #fromCode}, such as {@code channel} or {@code trait:plan} */
  public String code() {
    return kind == Kind.TRAIT ? "trait:" + trait : kind.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Dimension && ((Dimension) o).kind == kind
        && ((Dimension) o).trait.equals(trait);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + trait.hashCode();
  }

  @Override
  public String toString() {
    return code();
  }
}
