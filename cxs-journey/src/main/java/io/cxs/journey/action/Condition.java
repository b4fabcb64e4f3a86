package io.cxs.journey.action;

import static com.google.common.base.Preconditions.checkArgument;

import io.cxs.core.customer.CustomerView;
import io.cxs.core.feedback.Feedback;
import io.cxs.core.touchpoint.JourneyStage;
import io.cxs.core.touchpoint.Touchpoint;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A condition on the customer, checked when a rule fires (not when its trigger arrives), so it
 * sees the customer as it is at that time. Conditions are immutable and thread-safe.
 *
 * @since 0.1
 */
public interface Condition {

  /**
   * @param view the customer 360 view at the time the rule fires
   * @return true if the rule may fire for this customer
   */
  boolean test(CustomerView view);

  /** @return a short description, used in reasons */
  String describe();

  /**
   * @param name a trait name
   * @param value the required value; numbers compare by value ({@code 3} equals {@code 3.0})
   * @return a condition that the trait has this value
   */
  static Condition trait(String name, Object value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    return new Conditions.Described("trait " + name + " = " + value,
        v -> v.customer().trait(name).map(t -> Conditions.sameValue(t, value)).orElse(false));
  }

  /**
   * @param segment a segment name
   * @return a condition that the customer's {@code segment} trait is {@code segment}
   */
  static Condition segment(String segment) {
    return trait("segment", segment);
  }

  /**
   * The customer's current stage is the stage of its newest touchpoint that has one.
   *
   * @param stage a journey stage
   * @return a condition that the customer's current stage is {@code stage}
   */
  static Condition stage(JourneyStage stage) {
    Objects.requireNonNull(stage, "stage");
    return new Conditions.Described("stage = " + stage.code(), v -> {
      List<Touchpoint> tps = v.touchpoints();
      for (int i = tps.size() - 1; i >= 0; i--) {
        Optional<JourneyStage> s = tps.get(i).stage();
        if (s.isPresent()) {
          return s.get() == stage;
        }
      }
      return false;
    });
  }

  /**
   * @param survey a survey such as {@code "nps"}
   * @param min the lowest accepted score
   * @param max the highest accepted score
   * @return a condition that the customer's newest scored answer to {@code survey} is in
   *     {@code [min, max]}; false for a customer who never answered
   * @throws IllegalArgumentException if {@code min > max}
   */
  static Condition lastScore(String survey, int min, int max) {
    Objects.requireNonNull(survey, "survey");
    checkArgument(min <= max, "min %s must not exceed max %s", min, max);
    String s = survey.trim().toLowerCase(java.util.Locale.ROOT);
    String range = min == Integer.MIN_VALUE ? "at most " + max
        : max == Integer.MAX_VALUE ? "at least " + min : "in [" + min + ", " + max + "]";
    return new Conditions.Described("last " + s + " score " + range, v -> {
      OptionalInt last = lastScore(v, s);
      return last.isPresent() && last.getAsInt() >= min && last.getAsInt() <= max;
    });
  }

  /**
   * @param view a customer 360 view
   * @param survey a survey such as {@code "nps"}
   * @return the newest scored answer to that survey, or empty
   */
  static OptionalInt lastScore(CustomerView view, String survey) {
    List<Feedback> fb = view.feedback();
    for (int i = fb.size() - 1; i >= 0; i--) {
      Feedback f = fb.get(i);
      if (f.survey().equals(survey) && f.score().isPresent()) {
        return f.score();
      }
    }
    return OptionalInt.empty();
  }

  /**
   * @param condition a condition
   * @return its negation
   */
  static Condition not(Condition condition) {
    Objects.requireNonNull(condition, "condition");
    return new Conditions.Described("not (" + condition.describe() + ")", v -> !condition.test(v));
  }
}
