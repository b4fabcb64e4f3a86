package io.cxs.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Compares an answer with a reference answer and says how they differ, naming the customer,
 * query, step or field that differs instead of printing two large values: maps entry by entry
 * (missing, extra and differing keys), records component by component, and what differs below
 * that field by field through AssertJ's recursive comparison, cut to its first differences.
 */
final class SameAnswers {
  /** How many differing entries or components are spelled out at each level. */
  private static final int SHOWN = 3;
  /** How many keys are listed per kind of difference. */
  private static final int LISTED = 12;
  /** How many field differences of the recursive comparison are kept. */
  private static final int FIELDS = 8;
  /** How deep maps and records are taken apart before the recursive comparison takes over. */
  private static final int DEPTH = 3;

  private SameAnswers() {}

  /**
   * @param what the answer's name, such as {@code "customer views"}
   * @param actual the answer of the engine under test
   * @param reference the reference engine's answer
   * @throws AssertionError describing the difference, if they are not equal
   */
  static void assertSame(String what, Object actual, Object reference) {
    difference(what, actual, reference).ifPresent(d -> {
      throw new AssertionError(d);
    });
  }

  /**
   * @param what the answer's name
   * @param actual the answer of the engine under test
   * @param reference the reference engine's answer
   * @return how they differ, or empty if they are equal
   */
  static Optional<String> difference(String what, Object actual, Object reference) {
    if (Objects.equals(actual, reference)) {
      return Optional.empty();
    }
    return Optional.of(describe(what, actual, reference, 0, ""));
  }

  private static String describe(String what, Object actual, Object reference, int depth,
      String indent) {
    if (depth < DEPTH && actual instanceof Map<?, ?> a && reference instanceof Map<?, ?> r) {
      return mapDifference(what, a, r, depth, indent);
    }
    if (depth < DEPTH && actual != null && reference != null && actual.getClass().isRecord()
        && actual.getClass() == reference.getClass()) {
      return mapDifference(what, components(actual), components(reference), depth, indent);
    }
    if (isScalar(actual) && isScalar(reference)) {
      return indent + what + ": " + actual + " here, " + reference + " in the reference";
    }
    return indent + what + " differs:\n" + fieldDifference(actual, reference, indent + "  ");
  }

  private static boolean isScalar(Object value) {
    return value == null || value instanceof Number || value instanceof CharSequence
        || value instanceof Boolean || value instanceof Enum<?>
        || value instanceof java.util.OptionalDouble || value instanceof java.util.OptionalLong
        || value instanceof java.util.OptionalInt || value instanceof java.time.temporal.Temporal
        || (value instanceof Optional<?> o && (o.isEmpty() || isScalar(o.get())));
  }

  private static String mapDifference(String what, Map<?, ?> actual, Map<?, ?> reference,
      int depth, String indent) {
    List<Object> missing = new ArrayList<>();
    List<Object> extra = new ArrayList<>();
    List<Object> differing = new ArrayList<>();
    for (Map.Entry<?, ?> e : reference.entrySet()) {
      if (!actual.containsKey(e.getKey())) {
        missing.add(e.getKey());
      } else if (!Objects.equals(actual.get(e.getKey()), e.getValue())) {
        differing.add(e.getKey());
      }
    }
    for (Object k : actual.keySet()) {
      if (!reference.containsKey(k)) {
        extra.add(k);
      }
    }
    StringBuilder out = new StringBuilder(indent).append(what).append(" differ from the reference's");
    if (!missing.isEmpty() || !extra.isEmpty()) {
      out.append(" (").append(reference.size()).append(" in the reference, ")
          .append(actual.size()).append(" here)");
    }
    list(out, indent, "missing here", missing);
    list(out, indent, "only here", extra);
    list(out, indent, "differing", differing);
    for (int i = 0; i < Math.min(SHOWN, differing.size()); i++) {
      Object k = differing.get(i);
      out.append('\n').append(describe(String.valueOf(k), actual.get(k), reference.get(k),
          depth + 1, indent + "  "));
    }
    if (differing.isEmpty() && !missing.isEmpty()) {
      Object k = missing.get(0);
      out.append('\n').append(indent).append("  the reference's ").append(k).append(": ")
          .append(reference.get(k));
    }
    if (differing.isEmpty() && !extra.isEmpty()) {
      Object k = extra.get(0);
      out.append('\n').append(indent).append("  this store's ").append(k).append(": ")
          .append(actual.get(k));
    }
    return out.toString();
  }

  private static void list(StringBuilder out, String indent, String kind, List<Object> keys) {
    if (keys.isEmpty()) {
      return;
    }
    List<Object> shown = new ArrayList<>(keys.size() <= LISTED ? keys : keys.subList(0, LISTED));
    out.append('\n').append(indent).append("  ").append(kind).append(" (").append(keys.size())
        .append("): ").append(sortedIfPossible(shown)).append(keys.size() > LISTED ? " …" : "");
  }

  private static Object sortedIfPossible(List<Object> keys) {
    try {
      return new TreeSet<>(keys);
    } catch (ClassCastException e) {
      return keys;
    }
  }

  /** A record's components by name, in declaration order. */
  private static Map<String, Object> components(Object record) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      try {
        c.getAccessor().setAccessible(true);
        out.put(c.getName(), c.getAccessor().invoke(record));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + c + " of " + record.getClass(), e);
      }
    }
    return out;
  }

  /**
   * The recursive comparison's differences (the first {@value #FIELDS} of them, without the two
   * values in full that AssertJ prints first), or both values if it finds none.
   */
  private static String fieldDifference(Object actual, Object reference, String indent) {
    String message;
    try {
      assertThat(actual).usingRecursiveComparison().withStrictTypeChecking()
          .isEqualTo(reference);
      return indent + "here:      " + actual + "\n" + indent + "reference: " + reference;
    } catch (AssertionError e) {
      message = e.getMessage();
    }
    int start = message.indexOf("when recursively comparing");
    String body = start < 0 ? message : message.substring(start);
    String[] parts = body.split("\n\n");
    StringBuilder out = new StringBuilder();
    int kept = 0;
    for (String part : parts) {
      if (part.strip().startsWith("The recursive comparison was performed")) {
        break;
      }
      if (part.isBlank()) {
        continue;
      }
      if (kept++ > FIELDS) {
        break;
      }
      String text = part.strip().replace(
          "\nCompared objects have java types and were thus compared with equals method", "");
      out.append(indent).append(text.replace("\n", "\n" + indent)).append('\n');
    }
    if (kept > FIELDS + 1) {
      out.append(indent).append("…\n");
    }
    return out.toString().stripTrailing();
  }
}
