package io.cxs.journey.personalize;

import static com.google.common.base.Preconditions.checkArgument;

import io.cxs.core.customer.CustomerView;
import io.cxs.journey.action.ActionSpec;
import io.cxs.journey.action.Condition;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * One action a {@link NextBestAction} may propose: what to do, when the customer is eligible
 * (all conditions hold), and what it is worth for this customer.
 *
 * @param name a unique name, such as {@code "offer-free-shipping"}; non-blank
 * @param action the action, whose channel and purpose decide consent and the frequency cap
 * @param eligibility conditions that must all hold
 * @param value the value of taking the action for a customer (expected margin, retention
 *     value…); must return a finite number
 * @since 0.1
 */
public record ActionCandidate(String name, ActionSpec action, List<Condition> eligibility,
    ToDoubleFunction<CustomerView> value) {

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public ActionCandidate {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(value, "value");
    checkArgument(!name.isBlank(), "candidate name must not be blank but was '%s'", name);
    eligibility = List.copyOf(eligibility);
  }

  /**
   * @param name a unique name
   * @param action the action
   * @param value a fixed value
   * @param eligibility conditions that must all hold
   * @return a candidate with a fixed value
   * @throws IllegalArgumentException if {@code value} is not finite
   */
  public static ActionCandidate of(String name, ActionSpec action, double value,
      Condition... eligibility) {
    checkArgument(Double.isFinite(value), "value must be finite but was %s", value);
    return new ActionCandidate(name, action, List.of(eligibility), v -> value);
  }
}
