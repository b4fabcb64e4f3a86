package io.cxs.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.JourneyStage;
import io.cxs.journey.action.ActionSpec;
import io.cxs.journey.action.Condition;
import io.cxs.journey.action.ContactPolicy;
import io.cxs.journey.action.EventPattern;
import io.cxs.journey.action.Rule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads a RULES.json file: a contact policy and a list of rules. The shape:
 *
 * <pre>{@code
 * {
 *   "policy": {
 *     "frequencyCap": {"max": 2, "per": "P7D"},
 *     "quietHours": {"from": "21:00", "to": "08:00", "zone": "Europe/Berlin"},
 *     "maxLateness": "P1D"
 *   },
 *   "rules": [
 *     {
 *       "id": "cart-abandonment",
 *       "when": {"event": "Product Added"},
 *       "notFollowedBy": {"event": "Order Completed"},
 *       "within": "PT1H",
 *       "delay": "PT0S",
 *       "conditions": [{"segment": "vip"}, {"not": {"lastScore": {"survey": "nps", "max": 6}}}],
 *       "actions": [{"type": "email", "channel": "email", "purpose": "marketing",
 *                    "params": {"template": "cart-reminder", "discount": "5%"}}]
 *     }
 *   ]
 * }
 * }</pre>
 *
 * <ul>
 *   <li>Patterns ({@code when}, {@code followedBy}, {@code notFollowedBy}): {@code {"event": NAME}}
 *       for a touchpoint; {@code {"feedback": SURVEY, "minScore": N, "maxScore": N}} for survey
 *       answers (bounds optional); {@code {"complaint": TOPIC}} ({@code "*"} for any topic).
 *   <li>{@code "manual": true} instead of {@code when}: fired only by the host.
 *   <li>Conditions: {@code {"trait": NAME, "equals": VALUE}}, {@code {"segment": NAME}},
 *       {@code {"stage": STAGE}}, {@code {"lastScore": {"survey": S, "min": N, "max": N}}},
 *       {@code {"not": CONDITION}}; all must hold.
 *   <li>Actions: {@code type} (required), {@code channel} (outbound; then {@code purpose} is
 *       required), {@code params} (any JSON object). Without a channel the action is internal.
 *   <li>Durations are ISO-8601 ({@code PT1H}, {@code P7D}).
 * </ul>
 */
final class RulesFile {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  final ContactPolicy policy;
  final Optional<Duration> maxLateness;
  final List<Rule> rules;

  private RulesFile(ContactPolicy policy, Optional<Duration> maxLateness, List<Rule> rules) {
    this.policy = policy;
    this.maxLateness = maxLateness;
    this.rules = rules;
  }

  /**
   * @throws UsageException naming the field at fault if the file is not valid
   * @throws IOException if it cannot be read
   */
  static RulesFile read(Path file) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UsageException("rules file is not valid JSON: " + e.getOriginalMessage());
    }
    return parse(root);
  }

  static RulesFile parse(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new UsageException("rules file must be a JSON object");
    }
    ContactPolicy.Builder pb = ContactPolicy.custom();
    Optional<Duration> lateness = Optional.empty();
    JsonNode policy = root.path("policy");
    if (!policy.isMissingNode()) {
      JsonNode cap = policy.path("frequencyCap");
      if (!cap.isMissingNode()) {
        pb.frequencyCap(integer(cap, "max", "policy.frequencyCap"),
            duration(cap, "per", "policy.frequencyCap"));
      }
      JsonNode quiet = policy.path("quietHours");
      if (!quiet.isMissingNode()) {
        pb.quietHours(time(quiet, "from"), time(quiet, "to"), zone(quiet));
      }
      if (policy.has("maxLateness")) {
        lateness = Optional.of(duration(policy, "maxLateness", "policy"));
      }
    }
    JsonNode rulesNode = root.path("rules");
    if (!rulesNode.isArray() || rulesNode.isEmpty()) {
      throw new UsageException("rules file: 'rules' must be a non-empty array");
    }
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < rulesNode.size(); i++) {
      String where = "rules[" + i + "]";
      try {
        rules.add(rule(rulesNode.get(i), where));
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new UsageException(where + ": " + e.getMessage());
      }
    }
    try {
      return new RulesFile(pb.build(), lateness, List.copyOf(rules));
    } catch (IllegalArgumentException e) {
      throw new UsageException("policy: " + e.getMessage());
    }
  }

  private static Rule rule(JsonNode n, String where) {
    Rule.Builder b = Rule.named(text(n, "id", where));
    if (n.path("manual").asBoolean(false)) {
      b.manual();
    } else {
      b.when(pattern(n.path("when"), where + ".when"));
    }
    if (n.has("followedBy")) {
      b.followedBy(pattern(n.get("followedBy"), where + ".followedBy"),
          duration(n, "within", where));
    }
    if (n.has("notFollowedBy")) {
      b.notFollowedBy(pattern(n.get("notFollowedBy"), where + ".notFollowedBy"),
          duration(n, "within", where));
    }
    if (n.has("delay")) {
      b.delay(duration(n, "delay", where));
    }
    JsonNode conds = n.path("conditions");
    for (int i = 0; i < conds.size(); i++) {
      b.where(condition(conds.get(i), where + ".conditions[" + i + "]"));
    }
    JsonNode actions = n.path("actions");
    if (!actions.isArray() || actions.isEmpty()) {
      throw new UsageException(where + ".actions must be a non-empty array");
    }
    for (int i = 0; i < actions.size(); i++) {
      b.then(action(actions.get(i), where + ".actions[" + i + "]"));
    }
    return b.build();
  }

  private static EventPattern pattern(JsonNode n, String where) {
    if (n.has("event")) {
      return EventPattern.touchpoint(text(n, "event", where));
    }
    if (n.has("complaint")) {
      EventPattern any = EventPattern.complaint();
      return new EventPattern(any.source(), text(n, "complaint", where), any.kind(),
          OptionalInt.empty(), OptionalInt.empty());
    }
    if (n.has("feedback")) {
      OptionalInt min = n.has("minScore") ? OptionalInt.of(integer(n, "minScore", where))
          : OptionalInt.empty();
      OptionalInt max = n.has("maxScore") ? OptionalInt.of(integer(n, "maxScore", where))
          : OptionalInt.empty();
      return new EventPattern(EventPattern.Source.FEEDBACK, text(n, "feedback", where),
          min.isPresent() || max.isPresent()
              ? Optional.of(io.cxs.core.feedback.FeedbackKind.SURVEY) : Optional.empty(),
          min, max);
    }
    throw new UsageException(where + " must have 'event', 'feedback' or 'complaint'");
  }

  private static Condition condition(JsonNode n, String where) {
    if (n.has("trait")) {
      JsonNode v = n.path("equals");
      if (v.isMissingNode() || !v.isValueNode() || v.isNull()) {
        throw new UsageException(where + ".equals must be a string, number or boolean");
      }
      Object value = v.isNumber() ? v.numberValue() : v.isBoolean() ? v.booleanValue() : v.asText();
      return Condition.trait(text(n, "trait", where), value);
    }
    if (n.has("segment")) {
      return Condition.segment(text(n, "segment", where));
    }
    if (n.has("stage")) {
      String s = text(n, "stage", where);
      return Condition.stage(JourneyStage.fromCode(s).orElseThrow(
          () -> new UsageException(where + ".stage must be a journey stage but was '" + s + "'")));
    }
    if (n.has("lastScore")) {
      JsonNode ls = n.get("lastScore");
      String w = where + ".lastScore";
      return Condition.lastScore(text(ls, "survey", w),
          ls.has("min") ? integer(ls, "min", w) : Integer.MIN_VALUE,
          ls.has("max") ? integer(ls, "max", w) : Integer.MAX_VALUE);
    }
    if (n.has("not")) {
      return Condition.not(condition(n.get("not"), where + ".not"));
    }
    throw new UsageException(where + " must have 'trait', 'segment', 'stage', 'lastScore' or 'not'");
  }

  private static ActionSpec action(JsonNode n, String where) {
    String type = text(n, "type", where);
    JsonNode paramsNode = n.path("params");
    Map<String, Object> params = paramsNode.isMissingNode() ? Map.of()
        : MAPPER.convertValue(paramsNode, MAPPER.getTypeFactory()
            .constructMapType(Map.class, String.class, Object.class));
    if (n.has("channel")) {
      Channel channel;
      try {
        channel = Channel.of(text(n, "channel", where));
      } catch (IllegalArgumentException e) {
        throw new UsageException(where + ".channel: " + e.getMessage());
      }
      return ActionSpec.message(type, channel, text(n, "purpose", where), params);
    }
    return ActionSpec.internal(type, params);
  }

  private static String text(JsonNode n, String field, String where) {
    JsonNode v = n.path(field);
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new UsageException(where + "." + field + " must be a non-blank string but was "
          + (v.isMissingNode() ? "missing" : v.toString()));
    }
    return v.asText();
  }

  private static int integer(JsonNode n, String field, String where) {
    JsonNode v = n.path(field);
    if (!v.isIntegralNumber()) {
      throw new UsageException(where + "." + field + " must be a whole number but was "
          + (v.isMissingNode() ? "missing" : v.toString()));
    }
    return v.intValue();
  }

  private static Duration duration(JsonNode n, String field, String where) {
    String s = text(n, field, where);
    try {
      return Duration.parse(s);
    } catch (DateTimeParseException e) {
      throw new UsageException(where + "." + field
          + " must be an ISO-8601 duration such as PT1H or P7D but was '" + s + "'");
    }
  }

  private static LocalTime time(JsonNode n, String field) {
    String s = text(n, field, "policy.quietHours");
    try {
      return LocalTime.parse(s);
    } catch (DateTimeParseException e) {
      throw new UsageException("policy.quietHours." + field + " must be a time such as 21:00 but was '"
          + s + "'");
    }
  }

  private static ZoneId zone(JsonNode n) {
    if (!n.has("zone")) {
      return ZoneId.of("UTC");
    }
    String s = text(n, "zone", "policy.quietHours");
    try {
      return ZoneId.of(s);
    } catch (java.time.DateTimeException e) {
      throw new UsageException("policy.quietHours.zone must be a zone id such as Europe/Berlin but was '"
          + s + "'");
    }
  }
}
