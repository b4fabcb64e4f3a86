package io.cxs.journey.action;

import static com.google.common.base.Preconditions.checkArgument;

import io.cxs.core.feedback.Feedback;
import io.cxs.core.feedback.FeedbackKind;
import io.cxs.core.touchpoint.Touchpoint;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which touchpoints or feedback a {@link Trigger} reacts to: a touchpoint by name, or feedback by
 * survey (or complaint topic), kind and score range. The name {@code "*"} matches any name.
 *
 * <pre>{@code
 * EventPattern.touchpoint("Product Added")      // a touchpoint named "Product Added"
 * EventPattern.score("nps", 0, 6)               // an NPS answer from 0 to 6: a detractor
 * EventPattern.complaint()                      // any complaint
 * }</pre>
 *
 * @param source whether touchpoints or feedback match
 * @param name the touchpoint name or the feedback survey/topic, or {@code "*"} for any
 * @param kind for feedback, the kind that matches, or empty for any kind
 * @param minScore for feedback, the lowest matching score; empty for no lower bound
 * @param maxScore for feedback, the highest matching score; empty for no upper bound
 * @since 0.1
 */
public record EventPattern(Source source, String name, Optional<FeedbackKind> kind,
    OptionalInt minScore, OptionalInt maxScore) {

  /** The wildcard name. */
  public static final String ANY = "*";

  /** What an event pattern matches. */
  public enum Source {
    /** Touchpoints, by name. */
    TOUCHPOINT,
    /** Feedback, by survey or topic. */
    FEEDBACK
  }

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code name} is blank, a touchpoint pattern has a kind or
   *     score bounds, or {@code minScore > maxScore}
   */
  public EventPattern {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(minScore, "minScore");
    Objects.requireNonNull(maxScore, "maxScore");
    checkArgument(!name.isBlank(), "pattern name must not be blank but was '%s'", name);
    if (source == Source.FEEDBACK) {
      name = name.trim().toLowerCase(java.util.Locale.ROOT);
    } else {
      checkArgument(kind.isEmpty() && minScore.isEmpty() && maxScore.isEmpty(),
          "touchpoint pattern '%s' must not have a feedback kind or score bounds", name);
    }
    if (minScore.isPresent() && maxScore.isPresent()) {
      checkArgument(minScore.getAsInt() <= maxScore.getAsInt(),
          "minScore %s must not exceed maxScore %s", minScore.getAsInt(), maxScore.getAsInt());
    }
  }

  /**
   * @param name a touchpoint name such as {@code "Order Completed"}, or {@code "*"}
   * @return a pattern matching touchpoints with that name
   */
  public static EventPattern touchpoint(String name) {
    return new EventPattern(Source.TOUCHPOINT, name, Optional.empty(), OptionalInt.empty(),
        OptionalInt.empty());
  }

  /**
   * @param survey a survey or topic such as {@code "nps"}, or {@code "*"}
   * @return a pattern matching any feedback on it, scored or not
   */
  public static EventPattern feedback(String survey) {
    return new EventPattern(Source.FEEDBACK, survey, Optional.empty(), OptionalInt.empty(),
        OptionalInt.empty());
  }

  /**
   * @param survey a survey such as {@code "nps"}
   * @param min the lowest matching score
   * @param max the highest matching score
   * @return a pattern matching survey answers with a score in {@code [min, max]}
   * @throws IllegalArgumentException if {@code min > max}
   */
  public static EventPattern score(String survey, int min, int max) {
    return new EventPattern(Source.FEEDBACK, survey, Optional.of(FeedbackKind.SURVEY),
        OptionalInt.of(min), OptionalInt.of(max));
  }

  /** @return a pattern matching every complaint, whatever its topic */
  public static EventPattern complaint() {
    return new EventPattern(Source.FEEDBACK, ANY, Optional.of(FeedbackKind.COMPLAINT),
        OptionalInt.empty(), OptionalInt.empty());
  }

  /**
   * @param touchpoint a touchpoint
   * @return true if this pattern matches it
   */
  public boolean matches(Touchpoint touchpoint) {
    return source == Source.TOUCHPOINT && (name.equals(ANY) || name.equals(touchpoint.name()));
  }

  /**
   * @param feedback a piece of feedback
   * @return true if this pattern matches it; a score bound never matches feedback without a score
   */
  public boolean matches(Feedback feedback) {
    if (source != Source.FEEDBACK || !(name.equals(ANY) || name.equals(feedback.survey()))) {
      return false;
    }
    if (kind.isPresent() && kind.get() != feedback.kind()) {
      return false;
    }
    if (minScore.isPresent() || maxScore.isPresent()) {
      if (feedback.score().isEmpty()) {
        return false;
      }
      int s = feedback.score().getAsInt();
      return (minScore.isEmpty() || s >= minScore.getAsInt())
          && (maxScore.isEmpty() || s <= maxScore.getAsInt());
    }
    return true;
  }

  boolean matches(Signal s) {
    return s.touchpoint().map(this::matches).orElseGet(() -> matches(s.feedback().orElseThrow()));
  }

  @Override
  public String toString() {
    if (source == Source.TOUCHPOINT) {
      return name;
    }
    StringBuilder b = new StringBuilder(kind.map(FeedbackKind::code).orElse("feedback"))
        .append(' ').append(name);
    if (minScore.isPresent() || maxScore.isPresent()) {
      b.append(" score ").append(minScore.isPresent() ? minScore.getAsInt() : "")
          .append("..").append(maxScore.isPresent() ? maxScore.getAsInt() : "");
    }
    return b.toString();
  }
}
