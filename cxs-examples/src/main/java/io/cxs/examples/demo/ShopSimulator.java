package io.cxs.examples.demo;

import io.cxs.core.feedback.FeedbackKind;
import io.cxs.core.feedback.Scale;
import io.cxs.core.ingest.Event;
import io.cxs.core.ingest.FeedbackEvent;
import io.cxs.core.ingest.IdentifyEvent;
import io.cxs.core.ingest.TrackEvent;
import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.JourneyStage;
import io.cxs.core.touchpoint.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Generates a realistic, deterministic synthetic shop: visitors arrive anonymously on a channel,
 * browse, add to cart, check out, sign in (which links the anonymous id to a customer id), buy,
 * come back, contact support, and answer NPS, CSAT and CES surveys. Late deliveries make
 * detractors and complaints likelier, so the numbers have a story.
 *
 * <p>Every event is emitted in time order per visitor; visitors start across the first half of
 * 2026. A small share of events is delivered twice (same message id), as real pipelines do.
 */
public final class ShopSimulator {
  /** The funnel the demo and examples use. */
  public static final List<String> FUNNEL =
      List.of("Product Viewed", "Product Added", "Checkout Started", "Order Completed");
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final long SPAN_SECONDS = Duration.ofDays(181).toSeconds();
  private static final String[] SKUS = {"SKU-TEE", "SKU-HOODIE", "SKU-CAP", "SKU-MUG", "SKU-SOCKS",
      "SKU-BAG", "SKU-POSTER", "SKU-STICKER", "SKU-JACKET", "SKU-SCARF"};
  private static final int[] PRICES = {19, 49, 15, 12, 9, 35, 14, 3, 89, 25};

  private final int customers;
  private final long seed;

  /**
   * @param customers how many visitors to simulate; at least 1
   * @param seed the random seed; the same seed gives the same events
   */
  public ShopSimulator(int customers, long seed) {
    if (customers < 1) {
      throw new IllegalArgumentException("customers must be >= 1 but was " + customers);
    }
    this.customers = customers;
    this.seed = seed;
  }

  /** @return every event, visitor by visitor */
  public List<Event> events() {
    List<Event> out = new ArrayList<>(customers * 12);
    forEach(out::add);
    return out;
  }

  /** @param sink receives every event, visitor by visitor */
  public void forEach(Consumer<? super Event> sink) {
    SplittableRandom root = new SplittableRandom(seed);
    for (int i = 0; i < customers; i++) {
      new Visitor(i, root.split(), sink).run();
    }
  }

  /** One visitor's life. */
  private static final class Visitor {
    private final int n;
    private final SplittableRandom r;
    private final Consumer<? super Event> sink;
    private final String anon;
    private final String user;
    private final Channel home;
    private boolean identified;
    private Instant t;
    private int seq;

    Visitor(int n, SplittableRandom r, Consumer<? super Event> sink) {
      this.n = n;
      this.r = r;
      this.sink = sink;
      this.anon = "a-" + Integer.toString(n, 36) + "-" + Integer.toHexString(r.nextInt(1 << 16));
      this.user = String.format("c-%06d", n);
      double c = r.nextDouble();
      this.home = c < 0.55 ? Channel.WEB : c < 0.85 ? Channel.MOBILE_APP
          : c < 0.95 ? Channel.SOCIAL : Channel.EMAIL;
      this.t = START.plusSeconds(r.nextLong(SPAN_SECONDS));
    }

    void run() {
      // A third of visitors are regulars who come back often; the rest rarely return.
      boolean regular = r.nextDouble() < 0.33;
      double meanExtraSessions = regular ? 4.0 : 0.8;
      int sessions = 1 + (int) Math.floor(-Math.log(1 - r.nextDouble()) * meanExtraSessions);
      for (int s = 0; s < Math.min(sessions, 12); s++) {
        session(s, regular);
        t = t.plus(Duration.ofHours(6 + r.nextInt(24 * (regular ? 14 : 30))));
      }
    }

    private void session(int s, boolean regular) {
      Channel ch = s == 0 || r.nextDouble() < 0.6 ? home
          : (r.nextBoolean() ? Channel.WEB : Channel.MOBILE_APP);
      if (s == 0 && r.nextDouble() < 0.3) {
        track("Page Viewed", ch, JourneyStage.AWARENESS, Map.of("path", "/"), null);
      }
      int views = 1 + r.nextInt(4);
      int sku = r.nextInt(SKUS.length);
      for (int v = 0; v < views; v++) {
        sku = r.nextInt(SKUS.length);
        track("Product Viewed", ch, JourneyStage.CONSIDERATION, Map.of("sku", SKUS[sku]), null);
      }
      if (r.nextDouble() > (regular ? 0.6 : 0.4)) {
        return;
      }
      track("Product Added", ch, JourneyStage.CONSIDERATION, Map.of("sku", SKUS[sku]), null);
      if (r.nextDouble() > 0.62) {
        return;
      }
      track("Checkout Started", ch, JourneyStage.PURCHASE, Map.of(), null);
      if (!identified && r.nextDouble() < 0.9) {
        identify();
      }
      if (r.nextDouble() > (regular ? 0.85 : 0.65)) {
        return;
      }
      int qty = 1 + (r.nextDouble() < 0.2 ? 1 : 0);
      BigDecimal total = BigDecimal.valueOf(PRICES[sku] * qty)
          .add(BigDecimal.valueOf(r.nextInt(100), 2)).setScale(2, RoundingMode.HALF_UP);
      track("Order Completed", ch, s == 0 ? JourneyStage.PURCHASE : JourneyStage.LOYALTY,
          Map.of("sku", SKUS[sku], "quantity", (long) qty), new Money(total, "USD"));
      String orderEvent = lastId();
      boolean late = r.nextDouble() < 0.18;
      t = t.plus(Duration.ofHours(late ? 96 + r.nextInt(96) : 24 + r.nextInt(48)));
      track("Order Delivered", Channel.EMAIL, JourneyStage.ONBOARDING,
          Map.of("late", late), null);
      if (r.nextDouble() < 0.5) {
        int score = late ? skewed(0, 8) : skewed(5, 10);
        boolean skipped = r.nextDouble() < 0.06;
        feedback(FeedbackKind.SURVEY, "nps", Scale.NPS, skipped ? -1 : score, Channel.EMAIL,
            JourneyStage.ONBOARDING, orderEvent, score >= 9 ? "Fast delivery, great quality"
                : score <= 6 ? "Delivery took far too long" : null);
      }
      if (r.nextDouble() < 0.35) {
        feedback(FeedbackKind.SURVEY, "ces", Scale.CES, late ? skewed(2, 6) : skewed(4, 7),
            ch, JourneyStage.PURCHASE, orderEvent, null);
      }
      if (late && r.nextDouble() < 0.35) {
        t = t.plus(Duration.ofHours(2));
        track("Support Contacted", Channel.CHAT, JourneyStage.SERVICE, Map.of("topic", "delivery"), null);
        String contact = lastId();
        if (r.nextDouble() < 0.4) {
          feedback(FeedbackKind.COMPLAINT, "delivery", Scale.STARS, -1, Channel.CHAT,
              JourneyStage.SERVICE, contact, "Parcel arrived four days late");
        }
        if (r.nextDouble() < 0.6) {
          feedback(FeedbackKind.SURVEY, "csat", Scale.CSAT, skewed(1, 5), Channel.CHAT,
              JourneyStage.SERVICE, contact, null);
        }
      }
    }

    private int skewed(int lo, int hi) {
      int a = lo + r.nextInt(hi - lo + 1);
      int b = lo + r.nextInt(hi - lo + 1);
      return Math.max(a, b);
    }

    private void identify() {
      identified = true;
      t = t.plusSeconds(20);
      emit(new IdentifyEvent(nextId(), Optional.of(user), Optional.of(anon), t,
          Map.of("email", "customer" + n + "@example.com", "plan", r.nextDouble() < 0.2 ? "member" : "guest",
              "country", r.nextDouble() < 0.6 ? "US" : r.nextBoolean() ? "DE" : "GB"),
          List.of()));
    }

    private void track(String name, Channel ch, JourneyStage stage, Map<String, Object> props,
        Money value) {
      t = t.plusSeconds(15 + r.nextInt(600));
      emit(new TrackEvent(nextId(), identified ? Optional.of(user) : Optional.empty(),
          identified ? Optional.empty() : Optional.of(anon), name, t, ch, Optional.of(stage),
          props, Optional.ofNullable(value)));
    }

    private void feedback(FeedbackKind kind, String survey, Scale scale, int score, Channel ch,
        JourneyStage stage, String rated, String comment) {
      t = t.plusSeconds(3600 + r.nextInt(36_000));
      emit(new FeedbackEvent(nextId(), identified ? Optional.of(user) : Optional.empty(),
          identified ? Optional.empty() : Optional.of(anon), t, kind, survey, scale,
          score < 0 ? OptionalInt.empty() : OptionalInt.of(score), Optional.ofNullable(comment),
          Optional.of(rated), ch, Optional.of(stage)));
    }

    private String nextId() {
      return "m-" + n + "-" + (++seq);
    }

    private String lastId() {
      return "m-" + n + "-" + seq;
    }

    private void emit(Event e) {
      sink.accept(e);
      if (r.nextDouble() < 0.01) {
        sink.accept(e);
      }
    }
  }
}
