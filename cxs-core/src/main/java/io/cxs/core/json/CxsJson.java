package io.cxs.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cxs.core.customer.ConsentStatus;
import io.cxs.core.customer.CustomerId;
import io.cxs.core.customer.IdentityKind;
import io.cxs.core.feedback.FeedbackKind;
import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.JourneyStage;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Function;

/**
 * Jackson mapping for every cxs model type. The model itself carries no annotations; this is the
 * one place that knows JSON.
 *
 * <p>Shapes: records as objects with their component names; {@link CustomerId} as its value;
 * {@link Channel} as its name
 * ({@code "web"}); the enums {@link IdentityKind}, {@link JourneyStage}, {@link FeedbackKind} and
 * {@link ConsentStatus} as lower-case codes ({@code "user_id"}, {@code "purchase"}); instants as
 * ISO-8601 strings; {@code Optional.empty()} as {@code null}. Numbers in traits and properties
 * read back as {@code Long} (whole) or {@code Double} (fractional).
 *
 * <pre>{@code
 * ObjectMapper mapper = CxsJson.newMapper();
 * String json = mapper.writeValueAsString(customer);
 * Customer back = mapper.readValue(json, Customer.class);
 * }</pre>
 *
 * @since 0.1
 */
public final class CxsJson {
  private CxsJson() {}

  /**
   * @return the Jackson module with the cxs serializers, for a host's own {@code ObjectMapper}
   *     (which also needs Jackson's {@code Jdk8Module} and {@code JavaTimeModule})
   */
  public static Module module() {
    SimpleModule m = new SimpleModule("cxs", Version.unknownVersion());
    m.addSerializer(CustomerId.class, new ToString<>(CustomerId::value));
    m.addDeserializer(CustomerId.class, new FromString<>(CustomerId::of));
    m.addSerializer(Channel.class, new ToString<>(Channel::name));
    m.addDeserializer(Channel.class, new FromString<>(Channel::of));
    lowerCaseEnum(m, IdentityKind.class);
    lowerCaseEnum(m, JourneyStage.class);
    lowerCaseEnum(m, FeedbackKind.class);
    lowerCaseEnum(m, ConsentStatus.class);
    return m;
  }

  /**
   * @return a new mapper configured for the cxs model: the cxs module, JDK 8 types, java.time,
   *     ISO-8601 dates, and failure on unknown properties
   */
  public static ObjectMapper newMapper() {
    return JsonMapper.builder()
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .addModule(module())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }

  private static <E extends Enum<E>> void lowerCaseEnum(SimpleModule m, Class<E> type) {
    m.addSerializer(type, new ToString<>(e -> e.name().toLowerCase(Locale.ROOT)));
    m.addDeserializer(type, new FromString<>(s -> Enum.valueOf(type, s.toUpperCase(Locale.ROOT))));
  }

  private static final class ToString<T> extends JsonSerializer<T> {
    private final Function<T, String> f;

    ToString(Function<T, String> f) {
      this.f = f;
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeString(f.apply(value));
    }
  }

  private static final class FromString<T> extends JsonDeserializer<T> {
    private final Function<String, T> f;

    FromString(Function<String, T> f) {
      this.f = f;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String s = p.getValueAsString();
      try {
        return f.apply(s);
      } catch (IllegalArgumentException e) {
        throw ctxt.weirdStringException(s, ctxt.getContextualType() == null ? Object.class
            : ctxt.getContextualType().getRawClass(), e.getMessage());
      }
    }
  }
}
