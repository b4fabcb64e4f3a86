package io.cxs.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxs.core.customer.Customer;
import io.cxs.core.customer.CustomerId;
import io.cxs.core.customer.Identity;
import io.cxs.core.feedback.Feedback;
import io.cxs.core.ingest.Event;
import io.cxs.core.ingest.FeedbackEvent;
import io.cxs.core.ingest.IdentifyEvent;
import io.cxs.core.ingest.TrackEvent;
import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.Touchpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Identity resolution and deduplication do not depend on the order or multiplicity in which
 * events arrive.
 */
class IdentityResolutionPropertiesTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Provide
  Arbitrary<List<Event>> events() {
    Arbitrary<String> users = Arbitraries.of("u1", "u2", "u3", "u4");
    Arbitrary<String> anons = Arbitraries.of("a1", "a2", "a3", "a4", "a5", "a6");
    Arbitrary<String> emails = Arbitraries.of("x@e.com", "y@e.com", "z@e.com");
    Arbitrary<Integer> minutes = Arbitraries.integers().between(0, 50);
    Arbitrary<Event> identify = Combinators.combine(users.optional(), anons.optional(),
        emails.optional(), minutes, Arbitraries.of("free", "pro", "gold"))
        .as((u, a, e, m, plan) -> {
          Optional<String> uid = u.isEmpty() && a.isEmpty() ? Optional.of("u1") : u;
          Map<String, Object> traits = new TreeMap<>();
          traits.put("plan", plan);
          e.ifPresent(x -> traits.put("email", x));
          String id = messageId("i", uid.orElse(""), a.orElse(""), e.orElse(""), m, plan);
          return new IdentifyEvent(id, uid, a, T0.plusSeconds(60L * m), traits, List.of());
        });
    Arbitrary<Event> track = Combinators.combine(users.optional(), anons, minutes,
        Arbitraries.of("View", "Cart", "Buy"))
        .as((u, a, m, name) -> new TrackEvent(messageId("t", u.orElse(""), a, m, name),
            u.isPresent() ? u : Optional.empty(), u.isPresent() ? Optional.empty() : Optional.of(a),
            name, T0.plusSeconds(60L * m), Channel.WEB, Optional.empty(), Map.of(),
            Optional.empty()));
    Arbitrary<Event> feedback = Combinators.combine(anons, minutes,
            Arbitraries.integers().between(0, 10))
        .as((a, m, s) -> new FeedbackEvent(messageId("f", a, m, s), Optional.empty(),
            Optional.of(a), T0.plusSeconds(60L * m), io.cxs.core.feedback.FeedbackKind.SURVEY,
            "nps", io.cxs.core.feedback.Scale.NPS, java.util.OptionalInt.of(s), Optional.empty(),
            Optional.empty(), Channel.EMAIL, Optional.empty()));
    return Arbitraries.oneOf(identify, track, feedback).list().ofMinSize(1).ofMaxSize(40);
  }

  /**
   * A message id that differs whenever the content does: the engine keeps the first of two events
   * that share an id, so ids built by plain concatenation (feedback at minute 2 with score 10 and
   * at minute 21 with score 0 both gave "f-a1210") made the outcome depend on arrival order.
   */
  private static String messageId(String type, Object... parts) {
    StringBuilder id = new StringBuilder(type);
    for (Object p : parts) {
      id.append('|').append(p);
    }
    return id.toString();
  }

  @Property(tries = 200)
  void resolution_isIndependentOfArrivalOrderAndDuplicates(@ForAll("events") List<Event> events,
      @ForAll long seed) {
    Snapshot inOrder = ingest(events);
    List<Event> shuffled = new ArrayList<>(events);
    Random random = new Random(seed);
    shuffled.addAll(events.subList(0, random.nextInt(events.size() + 1)));
    Collections.shuffle(shuffled, random);
    Snapshot reordered = ingest(shuffled);
    assertThat(reordered).isEqualTo(inOrder);
  }

  @Property(tries = 100)
  void resolveAll_agreesWithOneByOneResolution(@ForAll("events") List<Event> events) {
    Cxs cxs = Cxs.builder().build();
    events.forEach(cxs::ingest);
    List<Identity> ids = new ArrayList<>();
    cxs.customers().forEach(c -> ids.addAll(c.identities()));
    ids.add(Identity.anonymousId("never-seen"));
    ids.add(Identity.userId("never-seen-either"));
    Collections.shuffle(ids, new Random(ids.size()));
    int[] fast = new int[ids.size()];
    int[] slow = new int[ids.size()];
    io.cxs.core.customer.IdentityResolver oneByOne = cxs::customerOf;
    List<CustomerId> fastIds = cxs.resolver().resolveAll(ids, fast);
    List<CustomerId> slowIds = oneByOne.resolveAll(ids, slow);
    assertThat(fastIds).isEqualTo(slowIds);
    assertThat(fast).isEqualTo(slow);
    for (int i = 0; i < ids.size(); i++) {
      assertThat(cxs.customerOf(ids.get(i)).orElse(
          io.cxs.core.customer.IdentityResolver.idOfUnknown(ids.get(i))))
          .isEqualTo(fastIds.get(fast[i]));
    }
  }

  /**
   * The engine remembers each store subject code's graph node between scans; after more events
   * (new subjects, merges, identities that become known) and after an erasure, the remembered
   * answer must still be the one-by-one answer. So must the remembered last result, given again
   * when neither the subjects nor the graph changed, and not when only links were added.
   */
  @Property(tries = 150)
  void resolveAllOverScans_agreesWithOneByOneAcrossMergesAndErasure(
      @ForAll("events") List<Event> events, @ForAll("events") List<Event> more) {
    Cxs cxs = Cxs.builder().build();
    events.forEach(cxs::ingest);
    assertScansResolveOneByOne(cxs);
    assertScansResolveOneByOne(cxs);
    // links only: the same subjects, a changed graph
    more.stream().filter(e -> e instanceof IdentifyEvent).forEach(cxs::ingest);
    assertScansResolveOneByOne(cxs);
    more.forEach(cxs::ingest);
    assertScansResolveOneByOne(cxs);
    List<CustomerId> toErase = new ArrayList<>();
    cxs.customers().forEach(c -> {
      if (c.identities().size() > 1 || Math.floorMod(c.id().value().hashCode(), 3) == 0) {
        toErase.add(c.id());
      }
    });
    toErase.forEach(cxs::erase);
    assertScansResolveOneByOne(cxs);
    events.forEach(cxs::ingest);
    assertScansResolveOneByOne(cxs);
  }

  private static void assertScansResolveOneByOne(Cxs cxs) {
    List<io.cxs.core.spi.ScanDictionary> dictionaries = new ArrayList<>();
    cxs.touchpoints().scan(b -> dictionaries.add(b.dictionary()));
    cxs.feedback().scan(b -> dictionaries.add(b.dictionary()));
    io.cxs.core.customer.IdentityResolver oneByOne = cxs::customerOf;
    for (io.cxs.core.spi.ScanDictionary d : dictionaries) {
      int[] fast = new int[d.subjectCount()];
      int[] slow = new int[d.subjectCount()];
      assertThat(cxs.resolver().resolveAll(d, fast))
          .isEqualTo(oneByOne.resolveAll(d.subjects(), slow));
      assertThat(fast).isEqualTo(slow);
    }
  }

  @Property(tries = 200)
  void duplicates_neverDoubleCount(@ForAll("events") List<Event> events) {
    Cxs cxs = Cxs.builder().build();
    events.forEach(cxs::ingest);
    long tps = cxs.touchpoints().count();
    long fbs = cxs.feedback().count();
    events.forEach(e -> assertThat(cxs.ingest(e)).isEqualTo(IngestOutcome.DUPLICATE));
    assertThat(cxs.touchpoints().count()).isEqualTo(tps);
    assertThat(cxs.feedback().count()).isEqualTo(fbs);
    long distinctTracks = events.stream().filter(e -> e instanceof TrackEvent)
        .map(Event::messageId).distinct().count();
    assertThat(tps).isEqualTo(distinctTracks);
  }

  /** What must not depend on order: customers without their merge history, and each timeline. */
  record Snapshot(Map<CustomerId, String> customers, Map<String, CustomerId> resolution,
      Map<CustomerId, List<String>> timelines) {}

  private static Snapshot ingest(List<Event> events) {
    Cxs cxs = Cxs.builder().build();
    events.forEach(cxs::ingest);
    Map<CustomerId, String> customers = new TreeMap<>();
    Map<String, CustomerId> resolution = new TreeMap<>();
    Map<CustomerId, List<String>> timelines = new TreeMap<>();
    cxs.customers().forEach(c -> {
      customers.put(c.id(), describe(c));
      for (Identity i : c.identities()) {
        resolution.put(i.key(), cxs.customerOf(i).orElseThrow());
      }
      var view = cxs.customer(c.id()).orElseThrow();
      List<String> ids = new ArrayList<>();
      view.touchpoints().stream().map(Touchpoint::eventId).forEach(ids::add);
      view.feedback().stream().map(Feedback::eventId).forEach(ids::add);
      timelines.put(c.id(), ids);
    });
    return new Snapshot(customers, resolution, timelines);
  }

  private static String describe(Customer c) {
    return c.identities() + " " + c.traits() + " " + c.traitTimes() + " " + c.createdAt() + " "
        + c.updatedAt();
  }
}
