package io.cxs.journey.action;

import static com.google.common.base.Preconditions.checkArgument;

import io.cxs.core.internal.JsonValues;
import io.cxs.core.touchpoint.Channel;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to do, handed to the host's {@link ActionHandler}: a type the host understands (such as
 * {@code "email"}, {@code "open_case"}, {@code "webhook"}), the channel of an outbound message,
 * the consent purpose it serves, and free parameters (template, discount, queue…).
 *
 * <p>An action with a channel is <em>outbound</em>: it reaches the customer, so consent for
 * {@code purpose} on that channel, the frequency cap and quiet hours apply to it. An action
 * without a channel is internal (opening a case, updating a CRM) and is never suppressed.
 *
 * @param type the action type, non-blank
 * @param channel the channel the customer is contacted on; empty for an internal action
 * @param purpose the consent purpose, such as {@code "marketing"} or {@code "service"}; non-blank
 * @param params JSON parameters for the handler, sorted by key
 * @since 0.1
 */
public record ActionSpec(String type, Optional<Channel> channel, String purpose,
    Map<String, Object> params) {

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code type} or {@code purpose} is blank, or a parameter is
   *     not a JSON value
   */
  public ActionSpec {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(purpose, "purpose");
    checkArgument(!type.isBlank(), "action type must not be blank but was '%s'", type);
    checkArgument(!purpose.isBlank(), "action purpose must not be blank but was '%s'", purpose);
    params = JsonValues.copyOf(params, "params");
  }

  /**
   * @param type the action type, such as {@code "email"}
   * @param channel the channel the customer is contacted on
   * @param purpose the consent purpose, such as {@code "marketing"}
   * @param params parameters for the handler
   * @return an outbound action
   */
  public static ActionSpec message(String type, Channel channel, String purpose,
      Map<String, ?> params) {
    return new ActionSpec(type, Optional.of(channel), purpose, JsonValues.copyOf(params, "params"));
  }

  /**
   * @param type the action type, such as {@code "open_case"}
   * @param params parameters for the handler
   * @return an internal action (purpose {@code "internal"}), never suppressed by consent or caps
   */
  public static ActionSpec internal(String type, Map<String, ?> params) {
    return new ActionSpec(type, Optional.empty(), "internal", JsonValues.copyOf(params, "params"));
  }

  /** @return true if the action contacts the customer */
  public boolean outbound() {
    return channel.isPresent();
  }
}
