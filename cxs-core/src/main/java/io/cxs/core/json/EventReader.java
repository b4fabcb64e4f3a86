package io.cxs.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxs.core.InvalidEventException;
import io.cxs.core.customer.Consent;
import io.cxs.core.customer.ConsentStatus;
import io.cxs.core.feedback.FeedbackKind;
import io.cxs.core.feedback.Scale;
import io.cxs.core.ingest.Event;
import io.cxs.core.ingest.FeedbackEvent;
import io.cxs.core.ingest.IdentifyEvent;
import io.cxs.core.ingest.TrackEvent;
import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.JourneyStage;
import io.cxs.core.touchpoint.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Parses one Segment-style JSON event per line with Jackson's streaming parser (one pass; only
 * {@code properties}, {@code traits} and unknown fields become maps).
 *
 * <p>The shapes, one object per line:
 * <pre>{@code
 * {"type":"identify","messageId":"m1","userId":"c-42","anonymousId":"a-9","timestamp":"2026-03-01T10:00:00Z","traits":{"email":"ann@example.com"}}
 * {"type":"track","messageId":"m2","userId":"c-42","event":"Product Viewed","timestamp":"2026-03-01T10:01:00Z","context":{"channel":"web"},"properties":{"sku":"X1","price":19.99}}
 * {"type":"feedback","messageId":"m3","userId":"c-42","timestamp":"2026-03-02T09:00:00Z","survey":"nps","score":9,"comment":"Fast delivery"}
 * }</pre>
 *
 * <ul>
 *   <li>{@code type} is {@code identify}, {@code track}, {@code page} (a track event named
 *       {@code "Page Viewed"}) or {@code feedback}.
 *   <li>Channel and journey stage come from {@code context.channel}/{@code context.stage} or
 *       top-level {@code channel}/{@code stage}.
 *   <li>A track event's monetary value is {@code properties.revenue}, else {@code total}, else
 *       {@code value}, in {@code properties.currency} (default {@code USD}); those two
 *       properties then become {@link TrackEvent#value()} and leave the properties.
 *   <li>Feedback: {@code survey}, {@code score} (absent or null: skipped), {@code kind}
 *       ({@code survey}, {@code review}, {@code complaint}), {@code scale} as
 *       {@code {"min":1,"max":10}} (required for surveys without a default scale), {@code comment},
 *       {@code touchpointId}.
 *   <li>Identify: {@code consent} as {@code [{"purpose":"marketing","channel":"email","status":"granted"}]}.
 *   <li>Unknown top-level fields of a track event are kept as properties.
 * </ul>
 *
 * <p>Thread-safe and immutable.
 *
 * @since 0.1
 */
public final class EventReader {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  private EventReader() {}

  /**
   * Parses one line.
   *
   * @param line one JSON object
   * @return the event
   * @throws InvalidEventException naming the field at fault ({@code "json"} for a syntax error)
   */
  public static Event parse(String line) {
    try (JsonParser p = FACTORY.createParser(line)) {
      Event e = read(p);
      if (p.nextToken() != null) {
        throw new InvalidEventException("json", "unexpected content after the JSON object");
      }
      return e;
    } catch (JsonProcessingException e) {
      throw new InvalidEventException("json", "not a JSON object: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InvalidEventException("json", "unreadable line: " + e.getMessage());
    }
  }

  /**
   * Parses one line given as UTF-8 bytes, without making a {@code String} of it: the bulk path
   * of {@link io.cxs.core.Importer}. Bytes that are not valid UTF-8 make the line invalid.
   *
   * @param utf8 the bytes
   * @param offset where the line starts
   * @param length the line's length in bytes, without its line feed
   * @return the event
   * @throws InvalidEventException naming the field at fault ({@code "json"} for a syntax error
   *     or bytes that are not UTF-8)
   * @since 0.1
   */
  public static Event parse(byte[] utf8, int offset, int length) {
    try (JsonParser p = FACTORY.createParser(utf8, offset, length)) {
      Event e = read(p);
      if (p.nextToken() != null) {
        throw new InvalidEventException("json", "unexpected content after the JSON object");
      }
      return e;
    } catch (JsonProcessingException e) {
      throw new InvalidEventException("json", "not a JSON object: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InvalidEventException("json", "unreadable line: " + e.getMessage());
    }
  }

  private static Event read(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new InvalidEventException("json", "a line must be a JSON object");
    }
    Fields f = new Fields();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      switch (name) {
        case "type":
          f.type = text(p, t, name);
          break;
        case "messageId":
          f.messageId = text(p, t, name);
          break;
        case "userId":
          f.userId = t == JsonToken.VALUE_NULL ? null : scalarText(p, t, name);
          break;
        case "anonymousId":
          f.anonymousId = t == JsonToken.VALUE_NULL ? null : scalarText(p, t, name);
          break;
        case "timestamp":
          f.timestamp = text(p, t, name);
          break;
        case "event":
          f.event = text(p, t, name);
          break;
        case "name":
          f.name = t == JsonToken.VALUE_NULL ? null : text(p, t, name);
          break;
        case "channel":
          f.channel = t == JsonToken.VALUE_NULL ? null : text(p, t, name);
          break;
        case "stage":
          f.stage = t == JsonToken.VALUE_NULL ? null : text(p, t, name);
          break;
        case "context":
          readContext(p, t, f);
          break;
        case "properties":
          f.properties = object(p, t, name);
          break;
        case "traits":
          f.traits = object(p, t, name);
          break;
        case "survey":
          f.survey = text(p, t, name);
          break;
        case "kind":
          f.kind = text(p, t, name);
          break;
        case "score":
          if (t != JsonToken.VALUE_NULL) {
            if (t != JsonToken.VALUE_NUMBER_INT) {
              throw new InvalidEventException("score",
                  "score must be a whole number but was " + p.getText());
            }
            f.score = p.getIntValue();
          }
          break;
        case "scale":
          readScale(p, t, f);
          break;
        case "comment":
          f.comment = t == JsonToken.VALUE_NULL ? null : text(p, t, name);
          break;
        case "touchpointId":
          f.touchpointId = t == JsonToken.VALUE_NULL ? null : text(p, t, name);
          break;
        case "consent":
          f.consent = MAPPER.readValue(p, Object.class);
          break;
        default:
          f.extra.put(name, MAPPER.readValue(p, Object.class));
      }
    }
    return f.toEvent();
  }

  private static void readContext(JsonParser p, JsonToken t, Fields f) throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return;
    }
    if (t != JsonToken.START_OBJECT) {
      throw new InvalidEventException("context", "context must be an object but was " + p.getText());
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      if (name.equals("channel") && v != JsonToken.VALUE_NULL) {
        f.channel = text(p, v, "context.channel");
      } else if (name.equals("stage") && v != JsonToken.VALUE_NULL) {
        f.stage = text(p, v, "context.stage");
      } else {
        p.skipChildren();
      }
    }
  }

  private static void readScale(JsonParser p, JsonToken t, Fields f) throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return;
    }
    Object v = MAPPER.readValue(p, Object.class);
    if (v instanceof Map<?, ?> && ((Map<?, ?>) v).get("min") instanceof Integer
        && ((Map<?, ?>) v).get("max") instanceof Integer) {
      try {
        f.scale = Scale.of((Integer) ((Map<?, ?>) v).get("min"), (Integer) ((Map<?, ?>) v).get("max"));
        return;
      } catch (IllegalArgumentException e) {
        throw new InvalidEventException("scale", e.getMessage());
      }
    }
    throw new InvalidEventException("scale",
        "scale must be {\"min\":N,\"max\":N} with whole numbers but was " + v);
  }

  private static String text(JsonParser p, JsonToken t, String field) throws IOException {
    if (t != JsonToken.VALUE_STRING) {
      throw new InvalidEventException(field, field + " must be a string but was "
          + (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY ? "a " + t : p.getText()));
    }
    return p.getText();
  }

  private static String scalarText(JsonParser p, JsonToken t, String field) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return p.getText();
    }
    return text(p, t, field);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(JsonParser p, JsonToken t, String field)
      throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return Map.of();
    }
    if (t != JsonToken.START_OBJECT) {
      throw new InvalidEventException(field, field + " must be an object but was " + p.getText());
    }
    return dropNulls(MAPPER.readValue(p, LinkedHashMap.class));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> dropNulls(Map<String, Object> m) {
    m.values().removeIf(v -> v == null);
    for (Map.Entry<String, Object> e : m.entrySet()) {
      if (e.getValue() instanceof Map) {
        e.setValue(dropNulls((Map<String, Object>) e.getValue()));
      } else if (e.getValue() instanceof List) {
        List<Object> l = new ArrayList<>((List<Object>) e.getValue());
        l.removeIf(v -> v == null);
        e.setValue(l);
      }
    }
    return m;
  }

  /** The fields of one line, as read. */
  private static final class Fields {
    String type;
    String messageId;
    String userId;
    String anonymousId;
    String timestamp;
    String event;
    String name;
    String channel;
    String stage;
    Map<String, Object> properties = Map.of();
    Map<String, Object> traits = Map.of();
    String survey;
    String kind;
    Integer score;
    Scale scale;
    String comment;
    String touchpointId;
    Object consent;
    final Map<String, Object> extra = new LinkedHashMap<>();

    Event toEvent() {
      if (type == null) {
        throw new InvalidEventException("type", "type is missing");
      }
      if (messageId == null) {
        throw new InvalidEventException("messageId", "messageId is missing");
      }
      Instant ts = instant();
      Optional<String> uid = Optional.ofNullable(userId);
      Optional<String> aid = Optional.ofNullable(anonymousId);
      switch (type) {
        case "identify":
          Map<String, Object> t = new LinkedHashMap<>(traits);
          return new IdentifyEvent(messageId, uid, aid, ts, t, consents(ts));
        case "track":
        case "page":
        case "screen":
          String eventName = event;
          if (!type.equals("track")) {
            eventName = type.equals("page") ? "Page Viewed" : "Screen Viewed";
          }
          if (eventName == null) {
            throw new InvalidEventException("event", "event is missing in track event " + messageId);
          }
          Map<String, Object> props = new LinkedHashMap<>(extra);
          props.putAll(properties);
          if (name != null) {
            props.putIfAbsent("name", name);
          }
          return new TrackEvent(messageId, uid, aid, eventName, ts, channel(), stage(), props,
              value(props));
        case "feedback":
          return feedback(uid, aid, ts);
        default:
          throw new InvalidEventException("type", "type must be identify, track, page, screen or"
              + " feedback but was '" + type + "'");
      }
    }

    private FeedbackEvent feedback(Optional<String> uid, Optional<String> aid, Instant ts) {
      FeedbackKind k = FeedbackKind.SURVEY;
      if (kind != null) {
        k = FeedbackKind.fromCode(kind).orElseThrow(() -> new InvalidEventException("kind",
            "kind must be survey, review or complaint but was '" + kind + "'"));
      }
      String s = survey;
      if (s == null) {
        if (k == FeedbackKind.SURVEY) {
          throw new InvalidEventException("survey", "survey is missing in feedback " + messageId);
        }
        s = k.code();
      }
      Scale sc = scale;
      if (sc == null) {
        Optional<Scale> known = k == FeedbackKind.SURVEY ? Scale.forSurvey(s) : Optional.of(Scale.STARS);
        final String survey0 = s;
        sc = known.orElseThrow(() -> new InvalidEventException("scale", "survey '" + survey0
            + "' has no default scale; give \"scale\":{\"min\":N,\"max\":N}"));
      }
      return new FeedbackEvent(messageId, uid, aid, ts, k, s, sc,
          score == null ? OptionalInt.empty() : OptionalInt.of(score), Optional.ofNullable(comment),
          Optional.ofNullable(touchpointId), channel(), stage());
    }

    private Instant instant() {
      if (timestamp == null) {
        throw new InvalidEventException("timestamp", "timestamp is missing");
      }
      try {
        return IsoTimestamps.parse(timestamp);
      } catch (DateTimeParseException e) {
        throw new InvalidEventException("timestamp",
            "timestamp must be ISO-8601 with an offset, like 2026-03-01T10:00:00Z, but was '"
                + timestamp + "'");
      }
    }

    private Channel channel() {
      if (channel == null) {
        return Channel.UNKNOWN;
      }
      try {
        return Channel.of(channel);
      } catch (IllegalArgumentException e) {
        throw new InvalidEventException("channel", e.getMessage());
      }
    }

    private Optional<JourneyStage> stage() {
      if (stage == null) {
        return Optional.empty();
      }
      return Optional.of(JourneyStage.fromCode(stage).orElseThrow(() ->
          new InvalidEventException("stage", "stage must be one of awareness, consideration,"
              + " purchase, onboarding, service, loyalty, advocacy but was '" + stage + "'")));
    }

    private Optional<Money> value(Map<String, Object> props) {
      for (String key : List.of("revenue", "total", "value")) {
        Object v = props.get(key);
        if (v instanceof Number) {
          Object cur = props.getOrDefault("currency", "USD");
          if (!(cur instanceof String)) {
            throw new InvalidEventException("properties.currency",
                "properties.currency must be a string but was " + cur);
          }
          try {
            BigDecimal amount = v instanceof BigDecimal ? (BigDecimal) v : new BigDecimal(v.toString());
            Money money = new Money(amount, ((String) cur).toUpperCase(Locale.ROOT));
            props.remove(key);
            props.remove("currency");
            return Optional.of(money);
          } catch (IllegalArgumentException e) {
            throw new InvalidEventException("properties.currency", e.getMessage());
          }
        }
      }
      return Optional.empty();
    }

    private List<Consent> consents(Instant ts) {
      if (consent == null) {
        return List.of();
      }
      if (!(consent instanceof List)) {
        throw new InvalidEventException("consent",
            "consent must be a list of {purpose, channel, status} but was " + consent);
      }
      List<Consent> out = new ArrayList<>();
      for (Object o : (List<?>) consent) {
        if (!(o instanceof Map)) {
          throw new InvalidEventException("consent", "consent entry must be an object but was " + o);
        }
        Map<?, ?> m = (Map<?, ?>) o;
        Object purpose = m.get("purpose");
        Object status = m.get("status");
        if (!(purpose instanceof String) || ((String) purpose).isBlank()) {
          throw new InvalidEventException("consent.purpose",
              "consent.purpose must be a non-blank string but was " + purpose);
        }
        ConsentStatus st;
        try {
          st = ConsentStatus.valueOf(String.valueOf(status).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new InvalidEventException("consent.status",
              "consent.status must be granted, denied or revoked but was " + status);
        }
        Object ch = m.get("channel");
        try {
          out.add(ch == null ? Consent.of((String) purpose, st, ts)
              : Consent.of((String) purpose, Channel.of(String.valueOf(ch)), st, ts));
        } catch (IllegalArgumentException e) {
          throw new InvalidEventException("consent.channel", e.getMessage());
        }
      }
      return out;
    }
  }
}
