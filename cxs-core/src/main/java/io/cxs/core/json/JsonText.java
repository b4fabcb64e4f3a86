package io.cxs.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cxs.core.internal.JsonValues;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes and reads JSON-like values (the values of traits and properties: string, boolean,
 * number, list, and map with string keys) as compact JSON text, for stores that keep them in a
 * text or JSON column.
 *
 * <p>Round trip: {@code readObject(write(map))} equals {@code map} for every map accepted by the
 * model (whole numbers come back as {@code Long}, or {@code BigInteger} beyond its range;
 * fractions come back as {@code Double}, so a {@code BigDecimal} value comes back as the nearest
 * {@code Double}). Map keys are written in sorted order, so equal maps give equal text.
 *
 * <p>Thread-safe; this class has no state.
 *
 * @since 0.1
 */
public final class JsonText {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private JsonText() {}

  /**
   * @param value a JSON-like value: string, boolean, number, list or map of such values
   * @return compact JSON text
   * @throws IllegalArgumentException if the value cannot be written as JSON
   */
  public static String write(Object value) {
    Objects.requireNonNull(value, "value");
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("value of type " + value.getClass().getName()
          + " cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * @param json the text of one JSON object
   * @return the object as an unmodifiable map with sorted keys, values copied as by the model
   * @throws IllegalArgumentException if {@code json} is not a JSON object
   */
  public static Map<String, Object> readObject(String json) {
    Objects.requireNonNull(json, "json");
    Map<String, Object> raw;
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = MAPPER.readValue(json, LinkedHashMap.class);
      raw = m;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("json must be a JSON object but was '"
          + abbreviate(json) + "': " + e.getOriginalMessage(), e);
    }
    if (raw == null) {
      throw new IllegalArgumentException("json must be a JSON object but was 'null'");
    }
    return JsonValues.copyOf(raw, "json");
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "...";
  }
}
