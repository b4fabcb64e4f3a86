package io.cxs.journey;

import io.cxs.core.customer.Consent;
import io.cxs.core.customer.ConsentStatus;
import io.cxs.core.customer.Identity;
import io.cxs.core.feedback.FeedbackKind;
import io.cxs.core.feedback.Scale;
import io.cxs.core.ingest.Event;
import io.cxs.core.ingest.FeedbackEvent;
import io.cxs.core.ingest.IdentifyEvent;
import io.cxs.core.ingest.TrackEvent;
import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.JourneyStage;
import io.cxs.core.touchpoint.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Seeded, deterministic event streams for the cross-store suites, shaped so that a store that
 * scans in batches (ordered by subject, as the JDBC stores do) meets codes in its late batches
 * that its first batch did not have.
 *
 * <p>A generated stream has anonymous visitors ({@code a-…}, whose subjects sort first) who
 * browse, then mostly identify as users ({@code u-…}): by an {@code identify} that links both
 * ids, by a {@code track} that carries both, or by an {@code identify} that shares another
 * user's e-mail address (an e-mail merge of two users); identified users shop, buy (with money,
 * for retention), change traits and answer NPS and CSAT surveys (some skipped, some with
 * comments, some complaints), and a few users appear first through a survey answer. Then a
 * <em>late cohort</em> of users ({@code zz-…}, whose subjects sort last, and whose events come
 * after every early one) uses event names,
 * channels, journey stages and surveys nobody else uses ({@link #LATE_EVENTS},
 * {@link #LATE_CHANNEL}, the {@code ces} and {@code delivery} surveys), and some of them share an
 * early user's e-mail address, which merges a late subject into an early customer. Events arrive
 * out of time order, and some are delivered twice (a few of those with other content under the
 * same message id).
 */
final class EventStreams {
  /** A Monday, so that weekly periods start with the stream. */
  static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
  /** The event names only the late cohort uses. */
  static final List<String> LATE_EVENTS = List.of("Subscription Started", "Support Ticket Opened");
  /** A channel only the late cohort uses. */
  static final Channel LATE_CHANNEL = Channel.of("kiosk");
  /** A survey only the late cohort answers, on a scale of stars. */
  static final String LATE_SURVEY = "delivery";
  /** The day after {@link #T0} on which the late cohort starts. */
  static final int LATE_START_DAYS = 112;

  private static final List<Channel> CHANNELS =
      List.of(Channel.WEB, Channel.MOBILE_APP, Channel.EMAIL);
  private static final List<String> POSITIVE =
      List.of("great service", "fast delivery, love it", "very helpful staff");
  private static final List<String> NEGATIVE =
      List.of("slow and awful", "terrible support, never again", "the app keeps crashing");

  /**
   * What a generated stream holds.
   *
   * @param name the stream's name in test reports
   * @param seed the random seed
   * @param visitors early visitors
   * @param lateCustomers late-cohort users
   * @param surveyRounds how many survey rounds each identified early user may answer (late users
   *     answer at most two)
   */
  record Spec(String name, long seed, int visitors, int lateCustomers, int surveyRounds) {
    @Override
    public String toString() {
      return name;
    }
  }

  private EventStreams() {}

  /**
   * @param spec what to generate
   * @return the stream, in arrival order; the same for the same spec
   */
  static List<Event> generate(Spec spec) {
    return new Generator(spec).run();
  }

  /** @return every identity the events name (user ids, anonymous ids, e-mails and phones) */
  static Set<Identity> identities(List<Event> events) {
    Set<Identity> out = new LinkedHashSet<>();
    for (Event e : events) {
      out.addAll(e.identities());
    }
    return out;
  }

  private static final class Generator {
    private final Spec spec;
    private final SplittableRandom random;
    /** Events with their arrival time. */
    private final List<Arrival> arrivals = new ArrayList<>();
    private int ids;

    Generator(Spec spec) {
      this.spec = spec;
      this.random = new SplittableRandom(spec.seed());
    }

    List<Event> run() {
      for (int v = 0; v < spec.visitors(); v++) {
        visitor(v);
      }
      for (int f = 0; f < Math.max(1, spec.visitors() / 40); f++) {
        surveyFirst(f);
      }
      for (int l = 0; l < spec.lateCustomers(); l++) {
        late(l);
      }
      arrivals.sort(Comparator.comparing(Arrival::at).thenComparing(a -> a.event().messageId()));
      List<Event> out = new ArrayList<>(arrivals.size() + arrivals.size() / 20);
      for (Arrival a : arrivals) {
        out.add(a.event());
      }
      redeliver(out);
      return out;
    }

    /** An early visitor: browses anonymously, then perhaps identifies, shops and answers. */
    private void visitor(int v) {
      String anon = String.format("a-%05d", v);
      String user = String.format("u-%05d", v);
      Instant t = T0.plusMillis(random.nextLong(Duration.ofDays(56).toMillis()));
      Channel channel = pick(CHANNELS);
      int views = 1 + random.nextInt(3);
      for (int i = 0; i < views; i++) {
        t = later(t, 90);
        TrackEvent e = TrackEvent.anonymous(id(), anon, i == 0 ? "Page Viewed" : "Product Viewed",
            t, channel).withStage(JourneyStage.AWARENESS);
        add(random.nextInt(3) == 0
            ? e.withProperties(Map.of("sku", "X" + random.nextInt(20), "price", 19.5)) : e, t);
      }
      double how = random.nextDouble();
      t = later(t, 60);
      if (how < 0.45) {
        add(IdentifyEvent.link(id(), user, anon, t,
            Map.of("email", user + "@example.com", "plan", pick(List.of("basic", "pro")))), t);
      } else if (how < 0.65) {
        add(new TrackEvent(id(), Optional.of(user), Optional.of(anon), "Signed In", t, channel,
            Optional.empty(), Map.of(), Optional.empty()), t);
      } else if (how < 0.75 && v > 0) {
        // shares the previous visitor's e-mail address: merges two users
        String other = String.format("u-%05d", v - 1);
        add(IdentifyEvent.link(id(), user, anon, t, Map.of("email", other + "@example.com")), t);
      } else {
        if (random.nextInt(3) == 0) {
          add(new FeedbackEvent(id(), Optional.empty(), Optional.of(anon), t, FeedbackKind.SURVEY,
              "nps", Scale.NPS, OptionalInt.of(random.nextInt(11)), Optional.empty(),
              Optional.empty(), channel, Optional.empty()), t);
        }
        return;
      }
      shop(user, t, channel);
    }

    /** An identified user's purchases, trait changes and survey answers. */
    private void shop(String user, Instant start, Channel channel) {
      Instant t = start;
      String order = null;
      if (random.nextInt(10) < 8) {
        t = later(t, 30);
        add(TrackEvent.of(id(), user, "Product Viewed", t, channel)
            .withStage(JourneyStage.CONSIDERATION), t);
        if (random.nextInt(10) < 6) {
          t = later(t, 30);
          add(TrackEvent.of(id(), user, "Product Added", t, pick(CHANNELS)), t);
          if (random.nextInt(10) < 7) {
            if (random.nextBoolean()) {
              t = later(t, 60 * 24 * 3);
              add(TrackEvent.of(id(), user, "Checkout Started", t, channel), t);
            }
            // sometimes at the very same instant as the checkout: ties are broken by event id
            t = random.nextInt(4) == 0 ? t : later(t, 120);
            order = id();
            add(TrackEvent.of(order, user, "Order Completed", t, pick(CHANNELS))
                .withStage(JourneyStage.PURCHASE)
                .withValue(Money.of(String.valueOf(10 + random.nextInt(200)) + ".90", "EUR")), t);
            if (random.nextInt(10) < 3) {
              Instant again = later(t, 60 * 24 * 35);
              add(TrackEvent.of(id(), user, "Order Completed", again, channel)
                  .withValue(Money.of("25", "EUR")), again);
            }
          }
        }
      }
      if (random.nextInt(5) == 0) {
        Instant u = later(t, 60 * 24 * 10);
        add(new IdentifyEvent(id(), Optional.of(user), Optional.empty(), u,
            Map.of("plan", "pro", "phone", phone(user)),
            List.of(Consent.of("marketing", Channel.EMAIL,
                random.nextBoolean() ? ConsentStatus.GRANTED : ConsentStatus.DENIED, u))), u);
      }
      for (int round = 0; round < spec.surveyRounds(); round++) {
        Instant f = later(t, 60 * 24 * 7 * (round + 1));
        int kind = random.nextInt(20);
        if (kind < 11) {
          OptionalInt score = random.nextInt(15) == 0 ? OptionalInt.empty()
              : OptionalInt.of(random.nextInt(11));
          add(new FeedbackEvent(id(), Optional.of(user), Optional.empty(), f, FeedbackKind.SURVEY,
              "nps", Scale.NPS, score, comment(score, 10), Optional.ofNullable(order),
              pick(CHANNELS), order == null ? Optional.empty() : Optional.of(JourneyStage.PURCHASE)),
              f);
        } else if (kind < 16) {
          OptionalInt score = OptionalInt.of(1 + random.nextInt(5));
          add(new FeedbackEvent(id(), Optional.of(user), Optional.empty(), f, FeedbackKind.SURVEY,
              "csat", Scale.CSAT, score, comment(score, 5), Optional.empty(), channel,
              Optional.empty()), f);
        } else if (kind < 17) {
          add(new FeedbackEvent(id(), Optional.of(user), Optional.empty(), f,
              FeedbackKind.COMPLAINT, "complaint", Scale.CSAT, OptionalInt.empty(),
              Optional.of(pick(NEGATIVE)), Optional.empty(), Channel.PHONE,
              Optional.of(JourneyStage.SERVICE)), f);
        }
      }
    }

    /** A user whose first event is a survey answer. */
    private void surveyFirst(int f) {
      String user = String.format("u-fb-%03d", f);
      Instant t = T0.plusMillis(random.nextLong(Duration.ofDays(60).toMillis()));
      add(FeedbackEvent.survey(id(), user, t, "nps", random.nextInt(11)), t);
      Instant later = later(t, 60 * 24);
      add(TrackEvent.of(id(), user, "Page Viewed", later, Channel.WEB), later);
    }

    /** A late-cohort user: names, channels, stages and surveys nobody else uses. */
    private void late(int l) {
      String user = String.format("zz-%04d", l);
      // after every early event (the latest come about 100 days in), so that the late cohort
      // is also last in arrival, and last in a store that orders subjects by first arrival
      Instant t = T0.plus(Duration.ofDays(LATE_START_DAYS))
          .plusMillis(random.nextLong(Duration.ofDays(28).toMillis()));
      // every fourth shares an early user's e-mail address: an early customer then has a
      // subject that only a late batch holds
      String email = l % 4 == 0 && l / 4 < spec.visitors()
          ? String.format("u-%05d", l / 4) + "@example.com" : user + "@example.org";
      add(IdentifyEvent.of(id(), user, t,
          Map.of("email", email, "plan", "enterprise", "phone", phone(user))), t);
      t = later(t, 30);
      add(TrackEvent.of(id(), user, "Page Viewed", t, LATE_CHANNEL), t);
      t = later(t, 30);
      add(TrackEvent.of(id(), user, LATE_EVENTS.get(0), t, LATE_CHANNEL)
          .withStage(JourneyStage.ONBOARDING)
          .withValue(Money.of("49.90", "EUR")), t);
      if (random.nextBoolean()) {
        t = later(t, 60 * 24 * 2);
        add(TrackEvent.of(id(), user, LATE_EVENTS.get(1), t, Channel.SMS)
            .withStage(JourneyStage.SERVICE), t);
      }
      if (random.nextBoolean()) {
        Instant o = later(t, 60 * 24 * 20);
        add(TrackEvent.of(id(), user, "Order Completed", o, LATE_CHANNEL)
            .withValue(Money.of("99", "EUR")), o);
      }
      // at most two rounds, so that the late cohort's feedback stays a small tail of the scan
      for (int round = 0; round < Math.min(2, spec.surveyRounds()); round++) {
        Instant f = later(t, 60 * 24 * (round + 1));
        OptionalInt ces = OptionalInt.of(1 + random.nextInt(7));
        add(new FeedbackEvent(id(), Optional.of(user), Optional.empty(), f, FeedbackKind.SURVEY,
            "ces", Scale.CES, ces, comment(ces, 7), Optional.empty(), LATE_CHANNEL,
            Optional.of(JourneyStage.SERVICE)), f);
        if (random.nextBoolean()) {
          OptionalInt stars = OptionalInt.of(1 + random.nextInt(5));
          add(new FeedbackEvent(id(), Optional.of(user), Optional.empty(), f,
              FeedbackKind.REVIEW, LATE_SURVEY, Scale.STARS, stars, comment(stars, 5),
              Optional.empty(), LATE_CHANNEL, Optional.of(JourneyStage.ONBOARDING)), f);
        }
      }
    }

    /**
     * Delivers about 3% of the events a second time, later in the stream; one in five of those
     * redeliveries carries other content under the same message id (the first must win).
     */
    private void redeliver(List<Event> out) {
      int n = out.size() / 33;
      for (int i = 0; i < n; i++) {
        int from = random.nextInt(out.size());
        Event e = out.get(from);
        if (i % 5 == 0) {
          e = altered(e);
        }
        out.add(from + 1 + random.nextInt(out.size() - from), e);
      }
    }

    private static Event altered(Event e) {
      if (e instanceof TrackEvent t) {
        return new TrackEvent(t.messageId(), t.userId(), t.anonymousId(), "Page Viewed",
            t.timestamp().plusSeconds(1), Channel.CHAT, Optional.empty(), Map.of(),
            Optional.empty());
      }
      if (e instanceof FeedbackEvent f) {
        return new FeedbackEvent(f.messageId(), f.userId(), f.anonymousId(), f.timestamp(),
            f.kind(), f.survey(), f.scale(), f.scale().contains(f.scale().min())
                ? OptionalInt.of(f.scale().min()) : f.score(),
            Optional.empty(), f.touchpointId(), f.channel(), f.stage());
      }
      IdentifyEvent i = (IdentifyEvent) e;
      return new IdentifyEvent(i.messageId(), i.userId(), i.anonymousId(), i.timestamp(),
          Map.of("plan", "hijacked"), List.of());
    }

    private Optional<String> comment(OptionalInt score, int max) {
      if (score.isEmpty() || random.nextInt(3) != 0) {
        return Optional.empty();
      }
      return Optional.of(score.getAsInt() * 2 > max ? pick(POSITIVE) : pick(NEGATIVE));
    }

    private static String phone(String user) {
      return "+4930" + String.format("%07d", Math.abs(user.hashCode()) % 10_000_000);
    }

    /** Adds an event that arrives up to two days after it happened. */
    private void add(Event e, Instant happened) {
      arrivals.add(new Arrival(e, happened.plusMillis(random.nextLong(Duration.ofDays(2).toMillis()))));
    }

    private Instant later(Instant t, int maxMinutes) {
      return t.plusMillis(1 + random.nextLong(maxMinutes * 60_000L));
    }

    private <T> T pick(List<T> values) {
      return values.get(random.nextInt(values.size()));
    }

    private String id() {
      return String.format("m%06d", ++ids);
    }
  }

  private record Arrival(Event event, Instant at) {}
}
