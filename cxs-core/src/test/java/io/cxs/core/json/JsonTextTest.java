package io.cxs.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class JsonTextTest {

  @Test
  void write_thenReadObject_keepsValuesAndTypes() {
    Map<String, Object> m = Map.of("b", true, "a", "x", "n", 3L, "d", 19.99,
        "big", new BigInteger("123456789012345678901234567890"),
        "list", List.of(1L, "two", Map.of("k", false)));
    String json = JsonText.write(m);
    assertThat(json).startsWith("{\"a\":\"x\",\"b\":true,");
    assertThat(JsonText.readObject(json)).isEqualTo(m);
  }

  @Test
  void readObject_notAnObject_namesTheText() {
    assertThatThrownBy(() -> JsonText.readObject("[1,2]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("json must be a JSON object but was '[1,2]'");
  }
}
