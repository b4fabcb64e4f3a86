package io.cxs.core.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Deep, immutable copies of JSON-like values (string, boolean, number, list, map with string
 * keys), used for traits and properties. Maps keep their keys sorted so that output is stable.
 */
public final class JsonValues {
  private JsonValues() {}

  /**
   * @param map the map to copy
   * @param field the name of the field, for error messages
   * @return an unmodifiable, sorted deep copy
   * @throws IllegalArgumentException if a key is null or blank or a value is null or not a JSON value
   */
  public static Map<String, Object> copyOf(Map<String, ?> map, String field) {
    Objects.requireNonNull(map, field);
    if (map.isEmpty()) {
      return Map.of();
    }
    TreeMap<String, Object> copy = new TreeMap<>();
    for (Map.Entry<String, ?> e : map.entrySet()) {
      String key = e.getKey();
      if (key == null || key.isBlank()) {
        throw new IllegalArgumentException(field + " has a blank key: '" + key + "'");
      }
      copy.put(key, copyValue(e.getValue(), field + "." + key));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Object copyValue(Object value, String path) {
    if (value == null) {
      throw new IllegalArgumentException(path + " must not be null");
    }
    if (value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short
        || value instanceof Byte || value instanceof BigInteger) {
      return value instanceof BigInteger ? value : ((Number) value).longValue();
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException(path + " must be a finite number but was " + d);
      }
      return d;
    }
    if (value instanceof BigDecimal) {
      return value;
    }
    if (value instanceof Map) {
      @SuppressWarnings("unchecked")
      Map<String, ?> m = (Map<String, ?>) value;
      return copyOf(m, path);
    }
    if (value instanceof List) {
      List<?> list = (List<?>) value;
      List<Object> copy = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        copy.add(copyValue(list.get(i), path + "[" + i + "]"));
      }
      return Collections.unmodifiableList(copy);
    }
    throw new IllegalArgumentException(path + " must be a JSON value (string, number, boolean, list"
        + " or map) but was a " + value.getClass().getName());
  }
}
