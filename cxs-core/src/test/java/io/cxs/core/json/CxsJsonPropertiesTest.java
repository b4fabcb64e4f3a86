package io.cxs.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxs.core.customer.Consent;
import io.cxs.core.customer.ConsentStatus;
import io.cxs.core.customer.Customer;
import io.cxs.core.customer.CustomerId;
import io.cxs.core.customer.CustomerView;
import io.cxs.core.customer.Identity;
import io.cxs.core.customer.IdentityKind;
import io.cxs.core.customer.MergeRecord;
import io.cxs.core.feedback.Feedback;
import io.cxs.core.feedback.FeedbackKind;
import io.cxs.core.feedback.Scale;
import io.cxs.core.ingest.FeedbackEvent;
import io.cxs.core.ingest.IdentifyEvent;
import io.cxs.core.ingest.TrackEvent;
import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.JourneyStage;
import io.cxs.core.touchpoint.Money;
import io.cxs.core.touchpoint.Touchpoint;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every model type survives a JSON round trip unchanged. */
class CxsJsonPropertiesTest {
  private final ObjectMapper mapper = CxsJson.newMapper();

  private <T> void roundTrips(T value, Class<T> type) throws Exception {
    String json = mapper.writeValueAsString(value);
    assertThat(mapper.readValue(json, type)).as(json).isEqualTo(value);
  }

  Arbitrary<Instant> instants() {
    return Arbitraries.longs().between(0, 4_000_000_000_000L).map(Instant::ofEpochMilli);
  }

  Arbitrary<Identity> identities() {
    Arbitrary<String> word = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8);
    return Combinators.combine(Arbitraries.of(IdentityKind.USER_ID, IdentityKind.ANONYMOUS_ID,
        IdentityKind.DEVICE), word).as(Identity::new)
        .injectDuplicates(0.1)
        .map(i -> i)
        .filter(i -> true);
  }

  Arbitrary<Map<String, Object>> jsonMaps() {
    Arbitrary<Object> leaf = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(10).map(s -> (Object) s),
        Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.doubles().between(-1e6, 1e6).map(d -> (Object) d),
        Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.strings().alpha().ofMaxLength(4).list().ofMaxSize(3).map(l -> (Object) l));
    return Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6), leaf)
        .ofMaxSize(4);
  }

  Arbitrary<Optional<Channel>> channels() {
    return Arbitraries.of(Channel.wellKnown()).optional();
  }

  @Provide
  Arbitrary<Customer> customers() {
    return Combinators.combine(identities().list().ofMinSize(1).ofMaxSize(4), jsonMaps(),
        instants(), channels(), Arbitraries.of(ConsentStatus.class), Arbitraries.of(true, false))
        .as((ids, traits, t, ch, st, merged) -> {
          Map<String, Instant> times = new HashMap<>();
          traits.keySet().forEach(k -> times.put(k, t));
          CustomerId id = CustomerId.of(ids.get(0).value());
          List<MergeRecord> merges = merged
              ? List.of(new MergeRecord(id, CustomerId.of("anonymous_id:z"), Identity.anonymousId("z"),
                  "m1", t, "identify named user_id, anonymous_id together"))
              : List.of();
          return new Customer(id, ids, traits, times,
              List.of(new Consent("marketing", ch, st, t)), t, t.plusSeconds(5), merges);
        });
  }

  @Provide
  Arbitrary<Touchpoint> touchpoints() {
    return Combinators.combine(identities(), Arbitraries.of(Channel.wellKnown()),
        Arbitraries.strings().ofMinLength(1).ofMaxLength(20).filter(s -> !s.isBlank()), instants(),
        Arbitraries.of(JourneyStage.class).optional(), jsonMaps(),
        Arbitraries.bigDecimals().between(BigDecimal.valueOf(-1000), BigDecimal.valueOf(1000))
            .ofScale(2).optional())
        .as((who, ch, name, t, stage, props, amount) -> new Touchpoint("e-" + name.hashCode(), who,
            ch, name, t, stage, props, amount.map(a -> new Money(a, "EUR"))));
  }

  @Provide
  Arbitrary<Feedback> feedback() {
    return Combinators.combine(identities(), instants(), Arbitraries.of(FeedbackKind.class),
        Arbitraries.integers().between(0, 10).optional(),
        Arbitraries.strings().ofMaxLength(30).optional(), Arbitraries.of(Channel.wellKnown()),
        Arbitraries.of(JourneyStage.class).optional())
        .as((who, t, kind, score, comment, ch, stage) -> new Feedback("f1", who, t, kind, "nps",
            Scale.NPS, score.map(OptionalInt::of).orElse(OptionalInt.empty()), comment,
            Optional.of("e1"), ch, stage));
  }

  @Property(tries = 100)
  void customer_roundTrips(@ForAll("customers") Customer c) throws Exception {
    roundTrips(c, Customer.class);
  }

  @Property(tries = 100)
  void touchpoint_roundTrips(@ForAll("touchpoints") Touchpoint t) throws Exception {
    roundTrips(t, Touchpoint.class);
  }

  @Property(tries = 100)
  void feedback_roundTrips(@ForAll("feedback") Feedback f) throws Exception {
    roundTrips(f, Feedback.class);
  }

  @Property(tries = 50)
  void customerView_roundTrips(@ForAll("customers") Customer c,
      @ForAll("touchpoints") Touchpoint t, @ForAll("feedback") Feedback f) throws Exception {
    roundTrips(new CustomerView(c, List.of(t), List.of(f)), CustomerView.class);
  }

  @Property(tries = 50)
  void events_roundTrip(@ForAll("touchpoints") Touchpoint t, @ForAll("feedback") Feedback f,
      @ForAll("customers") Customer c) throws Exception {
    roundTrips(new TrackEvent(t.eventId(), Optional.of("u1"), Optional.of("a1"), t.name(),
        t.timestamp(), t.channel(), t.stage(), t.properties(), t.value()), TrackEvent.class);
    roundTrips(new FeedbackEvent(f.eventId(), Optional.empty(), Optional.of("a1"), f.timestamp(),
        f.kind(), f.survey(), f.scale(), f.score(), f.comment(), f.touchpointId(), f.channel(),
        f.stage()), FeedbackEvent.class);
    roundTrips(new IdentifyEvent("i1", Optional.of("u1"), Optional.empty(), c.createdAt(),
        c.traits(), c.consents()), IdentifyEvent.class);
  }

  @Property(tries = 100)
  void eventWriter_isReadBackByEventReader(@ForAll("touchpoints") Touchpoint t,
      @ForAll("feedback") Feedback f, @ForAll("customers") Customer c) {
    List<io.cxs.core.ingest.Event> events = List.of(
        new TrackEvent(t.eventId(), Optional.of("u1"), Optional.empty(), t.name(), t.timestamp(),
            t.channel(), t.stage(), withoutMoneyKeys(t.properties()), t.value()),
        new FeedbackEvent(f.eventId(), Optional.empty(), Optional.of("a1"), f.timestamp(),
            f.kind(), f.survey(), f.scale(), f.score(), f.comment(), f.touchpointId(), f.channel(),
            f.stage()),
        new IdentifyEvent("i1", Optional.of("u1"), Optional.of("a 1"), c.createdAt(),
            withoutMoneyKeys(c.traits()), c.consents()));
    for (io.cxs.core.ingest.Event e : events) {
      assertThat(EventReader.parse(EventWriter.toJson(e))).isEqualTo(e);
    }
  }

  private static Map<String, Object> withoutMoneyKeys(Map<String, Object> m) {
    Map<String, Object> copy = new HashMap<>(m);
    copy.keySet().removeAll(List.of("revenue", "total", "value", "currency", "email", "phone"));
    return copy;
  }

  @Property(tries = 30)
  void smallValues_roundTrip(@ForAll("customers") Customer c) throws Exception {
    roundTrips(c.identities().get(0), Identity.class);
    roundTrips(c.consents().get(0), Consent.class);
    roundTrips(Money.of("19.99", "USD"), Money.class);
    roundTrips(Scale.CES, Scale.class);
  }
}
