package io.cxs.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxs.core.customer.Consent;
import io.cxs.core.ingest.Event;
import io.cxs.core.ingest.FeedbackEvent;
import io.cxs.core.ingest.IdentifyEvent;
import io.cxs.core.ingest.TrackEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes events as Segment-style JSON, one object per line: the inverse of {@link EventReader},
 * so that {@code EventReader.parse(EventWriter.toJson(e))} equals {@code e}. A track event's
 * monetary value is written as {@code properties.revenue} and {@code properties.currency}.
 * Thread-safe.
 *
 * @since 0.1
 */
public final class EventWriter {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  private EventWriter() {}

  /**
   * @param event an event
   * @return its JSON, on one line without a line break
   */
  public static String toJson(Event event) {
    StringWriter w = new StringWriter(256);
    write(event, w);
    return w.toString();
  }

  /**
   * Writes an event's JSON (without a line break) to a writer.
   *
   * @param event an event
   * @param out where to write; not closed
   * @throws UncheckedIOException if the writer fails
   */
  public static void write(Event event, Writer out) {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeStringField("type", event.type().name().toLowerCase(java.util.Locale.ROOT));
      g.writeStringField("messageId", event.messageId());
      if (event.userId().isPresent()) {
        g.writeStringField("userId", event.userId().get());
      }
      if (event.anonymousId().isPresent()) {
        g.writeStringField("anonymousId", event.anonymousId().get());
      }
      g.writeStringField("timestamp", event.timestamp().toString());
      if (event instanceof IdentifyEvent) {
        IdentifyEvent e = (IdentifyEvent) event;
        g.writeFieldName("traits");
        MAPPER.writeValue(g, e.traits());
        if (!e.consents().isEmpty()) {
          g.writeArrayFieldStart("consent");
          for (Consent c : e.consents()) {
            g.writeStartObject();
            g.writeStringField("purpose", c.purpose());
            if (c.channel().isPresent()) {
              g.writeStringField("channel", c.channel().get().name());
            }
            g.writeStringField("status", c.status().name().toLowerCase(java.util.Locale.ROOT));
            g.writeEndObject();
          }
          g.writeEndArray();
        }
      } else if (event instanceof TrackEvent) {
        TrackEvent e = (TrackEvent) event;
        g.writeStringField("event", e.event());
        context(g, e.channel().name(), e.stage().map(s -> s.code()).orElse(null));
        Map<String, Object> props = new LinkedHashMap<>(e.properties());
        if (e.value().isPresent()) {
          props.put("revenue", e.value().get().amount());
          props.put("currency", e.value().get().currency());
        }
        g.writeFieldName("properties");
        MAPPER.writeValue(g, props);
      } else {
        FeedbackEvent e = (FeedbackEvent) event;
        context(g, e.channel().name(), e.stage().map(s -> s.code()).orElse(null));
        g.writeStringField("kind", e.kind().code());
        g.writeStringField("survey", e.survey());
        g.writeObjectFieldStart("scale");
        g.writeNumberField("min", e.scale().min());
        g.writeNumberField("max", e.scale().max());
        g.writeEndObject();
        if (e.score().isPresent()) {
          g.writeNumberField("score", e.score().getAsInt());
        }
        if (e.comment().isPresent()) {
          g.writeStringField("comment", e.comment().get());
        }
        if (e.touchpointId().isPresent()) {
          g.writeStringField("touchpointId", e.touchpointId().get());
        }
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing event " + event.messageId() + " failed", e);
    }
  }

  private static void context(JsonGenerator g, String channel, String stage) throws IOException {
    g.writeObjectFieldStart("context");
    g.writeStringField("channel", channel);
    if (stage != null) {
      g.writeStringField("stage", stage);
    }
    g.writeEndObject();
  }
}
