package io.cxs.core.spi;

import java.util.Arrays;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An append-only dictionary that gives each distinct value a dense int code. Codes are never
 * reused. Lookups are safe from any thread; {@link #encode} must be called under the owner's
 * write lock.
 */
final class Dict<T> {
  private final ConcurrentHashMap<T, Integer> codes = new ConcurrentHashMap<>();
  private volatile Object[] values = new Object[16];
  private volatile int size;

  int encode(T value) {
    Integer code = codes.get(value);
    if (code != null) {
      return code;
    }
    int c = size;
    Object[] v = values;
    if (c == v.length) {
      v = Arrays.copyOf(v, c * 2);
    }
    v[c] = value;
    values = v;
    size = c + 1;
    codes.put(value, c);
    return c;
  }

  OptionalInt code(T value) {
    Integer code = codes.get(value);
    return code == null ? OptionalInt.empty() : OptionalInt.of(code);
  }

  @SuppressWarnings("unchecked")
  T value(int code) {
    if (code < 0 || code >= size) {
      throw new IndexOutOfBoundsException("no value with code " + code + " (size " + size + ")");
    }
    return (T) values[code];
  }

  int size() {
    return size;
  }
}
