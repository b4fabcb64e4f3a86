package io.cxs.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.cxs.journey.funnel.EventPredicate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The command-line syntax of funnel steps and exclusions: an event name, optionally followed by
 * property conditions in brackets, {@code Order Completed[category=shoes,qty=2]}. Steps are
 * separated by commas outside brackets. A value is a JSON scalar when it reads as one
 * ({@code 2}, {@code 1.5}, {@code true}, {@code "quoted, text"}), else the text itself
 * ({@code shoes}); a quoted value may hold commas, brackets and {@code =}.
 */
final class StepSyntax {
  private static final Pattern JSON_NUMBER =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  private StepSyntax() {}

  /**
   * Splits a comma-separated list of steps, ignoring commas inside brackets and quotes, trimming
   * items and rejecting empty ones.
   */
  static List<String> split(String option, String value) {
    List<String> out = new ArrayList<>();
    StringBuilder item = new StringBuilder();
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (quoted) {
        if (c == '\\' && i + 1 < value.length()) {
          item.append(c).append(value.charAt(++i));
          continue;
        }
        quoted = c != '"';
      } else if (c == '"' && depth > 0) {
        quoted = true;
      } else if (c == '[') {
        depth++;
      } else if (c == ']' && depth > 0) {
        depth--;
      } else if (c == ',' && depth == 0) {
        add(option, value, item, out);
        continue;
      }
      item.append(c);
    }
    add(option, value, item, out);
    return out;
  }

  private static void add(String option, String value, StringBuilder item, List<String> out) {
    String t = item.toString().trim();
    if (t.isEmpty()) {
      throw new UsageException("option --" + option + " has an empty item in '" + value + "'");
    }
    out.add(t);
    item.setLength(0);
  }

  /**
   * @param option the option, for messages
   * @param step one step's text without the optional marker, e.g. {@code A[k=v]}
   * @return the predicate it denotes
   * @throws UsageException naming the step if the syntax is wrong
   */
  static EventPredicate predicate(String option, String step) {
    int open = step.indexOf('[');
    if (open < 0) {
      if (step.indexOf(']') >= 0) {
        throw bad(option, step, "']' without '['");
      }
      return EventPredicate.of(step);
    }
    String name = step.substring(0, open).trim();
    if (name.isEmpty()) {
      throw bad(option, step, "the event name before '[' is empty");
    }
    if (!step.endsWith("]")) {
      throw bad(option, step, "property conditions must end the step with ']'");
    }
    String body = step.substring(open + 1, step.length() - 1);
    EventPredicate p = EventPredicate.of(name);
    int i = 0;
    do {
      int eq = body.indexOf('=', i);
      if (eq < 0) {
        throw bad(option, step, "a property condition must be key=value");
      }
      String key = body.substring(i, eq).trim();
      if (key.isEmpty() || key.contains("\"") || key.contains(",") || key.contains("[")
          || key.contains("]")) {
        throw bad(option, step, "a property key must be non-empty text without quotes, commas"
            + " or brackets but was '" + key + "'");
      }
      int j = eq + 1;
      while (j < body.length() && body.charAt(j) == ' ') {
        j++;
      }
      Object value;
      if (j < body.length() && body.charAt(j) == '"') {
        int close = closingQuote(body, j);
        if (close < 0) {
          throw bad(option, step, "a quoted value has no closing '\"'");
        }
        value = jsonString(option, step, body.substring(j, close + 1));
        j = close + 1;
        while (j < body.length() && body.charAt(j) == ' ') {
          j++;
        }
        if (j < body.length() && body.charAt(j) != ',') {
          throw bad(option, step, "expected ',' or ']' after a quoted value");
        }
      } else {
        int comma = body.indexOf(',', j);
        int end = comma < 0 ? body.length() : comma;
        String raw = body.substring(j, end).trim();
        if (raw.isEmpty()) {
          throw bad(option, step, "the value of property '" + key + "' is empty");
        }
        if (raw.contains("[") || raw.contains("]") || raw.contains("\"")) {
          throw bad(option, step, "an unquoted value must not contain brackets or quotes but was '"
              + raw + "'");
        }
        value = scalar(option, step, raw);
        j = end;
      }
      try {
        p = p.withProperty(key, value);
      } catch (IllegalArgumentException e) {
        throw bad(option, step, e.getMessage());
      }
      i = j + 1;
    } while (i <= body.length());
    return p;
  }

  private static int closingQuote(String s, int open) {
    for (int k = open + 1; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '\\') {
        k++;
      } else if (c == '"') {
        return k;
      }
    }
    return -1;
  }

  private static String jsonString(String option, String step, String quoted) {
    try {
      return JourneyCommands.JSON.readValue(quoted, String.class);
    } catch (JsonProcessingException e) {
      throw bad(option, step, "bad quoted value " + quoted);
    }
  }

  /** An unquoted value: a JSON number or boolean when it reads as one, else the text. */
  private static Object scalar(String option, String step, String raw) {
    if (raw.equals("true") || raw.equals("false")) {
      return Boolean.valueOf(raw);
    }
    if (raw.equals("null")) {
      throw bad(option, step, "null is not a value a property condition can require");
    }
    if (JSON_NUMBER.matcher(raw).matches()) {
      return new BigDecimal(raw);
    }
    return raw;
  }

  private static UsageException bad(String option, String step, String why) {
    return new UsageException("option --" + option + ": bad step '" + step + "': " + why);
  }
}
