package io.cxs.journey.personalize;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import io.cxs.core.Cxs;
import io.cxs.core.ListenerRegistration;
import io.cxs.core.customer.CustomerId;
import io.cxs.core.customer.Identity;
import io.cxs.core.touchpoint.Touchpoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * "Customers who bought X also bought Y": item-to-item co-occurrence learned incrementally from
 * purchase touchpoints, with a popularity fallback.
 *
 * <p>A purchase is a touchpoint named {@code purchaseEvent} (default {@code "Order Completed"})
 * whose properties name items as {@code sku} or as {@code products[].sku}. For every identity
 * the recommender keeps the set of items bought; two items co-occur when one identity bought
 * both. The similarity of items {@code x} and {@code y} is the cosine of their buyer sets,
 * <pre>{@code sim(x, y) = co(x, y) / sqrt(buyers(x) × buyers(y))}</pre>
 * (Linden, Smith and York, "Amazon.com recommendations: item-to-item collaborative filtering",
 * 2003), and a customer's score for an item it has not bought is the sum of its similarities to
 * the items it has. Items with no co-occurrence, and every item for a customer without
 * purchases, are filled in by popularity (number of buyers).
 *
 * <p>Counts are per identity (the identity a purchase arrived with); recommendations for a
 * customer use the purchases of all its identities. Memory grows with the number of distinct
 * item pairs bought together. Thread-safe.
 *
 * <pre>{@code
 * CoOccurrenceRecommender recs = CoOccurrenceRecommender.builder(cxs).build().start();
 * List<Recommendation> top = recs.recommend(CustomerId.of("c-42"), 5);
 * }</pre>
 *
 * @since 0.1
 */
public final class CoOccurrenceRecommender implements AutoCloseable {
  /** The default purchase event name. */
  public static final String DEFAULT_PURCHASE_EVENT = "Order Completed";

  private final Cxs cxs;
  private final String purchaseEvent;
  private final Map<Identity, Set<String>> bought = new HashMap<>();
  private final Map<String, Map<String, Integer>> co = new HashMap<>();
  private final Map<String, Integer> buyers = new HashMap<>();
  private ListenerRegistration registration;
  private ListenerRegistration erasures;

  private CoOccurrenceRecommender(Builder b) {
    this.cxs = b.cxs;
    this.purchaseEvent = b.purchaseEvent != null ? b.purchaseEvent : DEFAULT_PURCHASE_EVENT;
  }

  /**
   * @param cxs the engine whose purchases teach the recommender
   * @return a builder
   */
  public static Builder builder(Cxs cxs) {
    return new Builder(cxs);
  }

  /**
   * Starts learning from every touchpoint the engine stores from now on. Purchases stored before
   * can be fed with {@link #accept(Touchpoint)}.
   *
   * @return this
   * @throws IllegalStateException if already started
   */
  public synchronized CoOccurrenceRecommender start() {
    checkState(registration == null, "recommender was already started");
    registration = cxs.onTouchpoint(this::accept);
    erasures = cxs.onErase(c -> c.identities().forEach(this::forget));
    return this;
  }

  /** Stops learning; what was learned is kept. */
  @Override
  public synchronized void close() {
    if (registration != null) {
      registration.close();
      erasures.close();
    }
  }

  /**
   * Forgets the purchases of one identity (erasure): its items leave the co-occurrence counts and
   * the popularity counts as if it had never bought them.
   *
   * @param subject the identity the purchases arrived with
   */
  public synchronized void forget(Identity subject) {
    Set<String> owned = bought.remove(Objects.requireNonNull(subject, "subject"));
    if (owned == null) {
      return;
    }
    for (String y : owned) {
      buyers.computeIfPresent(y, (k, n) -> n == 1 ? null : n - 1);
      Map<String, Integer> row = co.get(y);
      if (row == null) {
        continue;
      }
      for (String x : owned) {
        if (!x.equals(y)) {
          row.computeIfPresent(x, (k, n) -> n == 1 ? null : n - 1);
        }
      }
      if (row.isEmpty()) {
        co.remove(y);
      }
    }
  }

  /**
   * Learns from one touchpoint if it is a purchase; other touchpoints are ignored.
   *
   * @param touchpoint a touchpoint
   */
  public void accept(Touchpoint touchpoint) {
    Objects.requireNonNull(touchpoint, "touchpoint");
    if (!touchpoint.name().equals(purchaseEvent)) {
      return;
    }
    Set<String> skus = skus(touchpoint.properties());
    if (skus.isEmpty()) {
      return;
    }
    synchronized (this) {
      Set<String> owned = bought.computeIfAbsent(touchpoint.subject(), s -> new HashSet<>());
      for (String y : skus) {
        if (owned.contains(y)) {
          continue;
        }
        for (String x : owned) {
          co.computeIfAbsent(x, k -> new HashMap<>()).merge(y, 1, Integer::sum);
          co.computeIfAbsent(y, k -> new HashMap<>()).merge(x, 1, Integer::sum);
        }
        buyers.merge(y, 1, Integer::sum);
        owned.add(y);
      }
    }
  }

  private static Set<String> skus(Map<String, Object> properties) {
    Set<String> out = new LinkedHashSet<>();
    Object sku = properties.get("sku");
    if (sku instanceof String && !((String) sku).isBlank()) {
      out.add((String) sku);
    }
    Object products = properties.get("products");
    if (products instanceof List) {
      for (Object p : (List<?>) products) {
        if (p instanceof Map) {
          Object s = ((Map<?, ?>) p).get("sku");
          if (s instanceof String && !((String) s).isBlank()) {
            out.add((String) s);
          }
        }
      }
    }
    return out;
  }

  /**
   * Recommends items a customer has not bought.
   *
   * @param customer a customer id; an unknown customer gets the most popular items
   * @param limit the most items to return; positive
   * @return up to {@code limit} items, best first (ties by sku)
   * @throws IllegalArgumentException if {@code limit < 1}
   */
  public List<Recommendation> recommend(CustomerId customer, int limit) {
    Objects.requireNonNull(customer, "customer");
    checkArgument(limit >= 1, "limit must be at least 1 but was %s", limit);
    List<Identity> identities = cxs.customer(customer)
        .map(v -> v.customer().identities()).orElse(List.of());
    synchronized (this) {
      Set<String> owned = new HashSet<>();
      for (Identity i : identities) {
        owned.addAll(bought.getOrDefault(i, Set.of()));
      }
      Map<String, Double> score = new HashMap<>();
      Map<String, String> because = new HashMap<>();
      Map<String, Double> best = new HashMap<>();
      Map<String, String> bestItem = new HashMap<>();
      for (String x : owned) {
        for (Map.Entry<String, Integer> e : co.getOrDefault(x, Map.of()).entrySet()) {
          String y = e.getKey();
          if (owned.contains(y)) {
            continue;
          }
          double s = e.getValue() / Math.sqrt((double) buyers.get(x) * buyers.get(y));
          score.merge(y, s, Double::sum);
          if (s > best.getOrDefault(y, -1.0)
              || (s == best.get(y) && x.compareTo(bestItem.get(y)) < 0)) {
            best.put(y, s);
            bestItem.put(y, x);
            because.put(y, "bought together with " + x + " by " + e.getValue() + " customers");
          }
        }
      }
      List<Recommendation> out = new ArrayList<>();
      score.forEach((y, s) -> out.add(new Recommendation(y, s, because.get(y))));
      out.sort(Comparator.comparingDouble(Recommendation::score).reversed()
          .thenComparing(Recommendation::sku));
      if (out.size() > limit) {
        return List.copyOf(out.subList(0, limit));
      }
      for (Recommendation p : popularLocked(limit + owned.size() + out.size())) {
        if (out.size() >= limit) {
          break;
        }
        if (!owned.contains(p.sku()) && !score.containsKey(p.sku())) {
          out.add(new Recommendation(p.sku(), 0.0, p.reason()));
        }
      }
      return List.copyOf(out);
    }
  }

  /**
   * @param sku an item
   * @param limit the most items to return; positive
   * @return the items most similar to it (cosine of buyer sets), best first; empty if unknown
   * @throws IllegalArgumentException if {@code limit < 1}
   */
  public synchronized List<Recommendation> similar(String sku, int limit) {
    Objects.requireNonNull(sku, "sku");
    checkArgument(limit >= 1, "limit must be at least 1 but was %s", limit);
    List<Recommendation> out = new ArrayList<>();
    for (Map.Entry<String, Integer> e : co.getOrDefault(sku, Map.of()).entrySet()) {
      double s = e.getValue() / Math.sqrt((double) buyers.get(sku) * buyers.get(e.getKey()));
      out.add(new Recommendation(e.getKey(), s,
          "bought together with " + sku + " by " + e.getValue() + " customers"));
    }
    out.sort(Comparator.comparingDouble(Recommendation::score).reversed()
        .thenComparing(Recommendation::sku));
    return List.copyOf(out.subList(0, Math.min(limit, out.size())));
  }

  /**
   * @param limit the most items to return; positive
   * @return the items with the most buyers, best first (ties by sku); score is the buyer count
   * @throws IllegalArgumentException if {@code limit < 1}
   */
  public synchronized List<Recommendation> popular(int limit) {
    checkArgument(limit >= 1, "limit must be at least 1 but was %s", limit);
    return popularLocked(limit);
  }

  private List<Recommendation> popularLocked(int limit) {
    List<Map.Entry<String, Integer>> all = new ArrayList<>(buyers.entrySet());
    all.sort(Map.Entry.<String, Integer>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey()));
    List<Recommendation> out = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, all.size()); i++) {
      Map.Entry<String, Integer> e = all.get(i);
      out.add(new Recommendation(e.getKey(), e.getValue(),
          "popular: bought by " + e.getValue() + " customers"));
    }
    return out;
  }

  /** @return the number of distinct items seen */
  public synchronized int items() {
    return buyers.size();
  }

  /**
   * Configures a {@link CoOccurrenceRecommender}; each option may be set once.
   *
   * @since 0.1
   */
  public static final class Builder {
    private final Cxs cxs;
    private String purchaseEvent;

    private Builder(Cxs cxs) {
      this.cxs = Objects.requireNonNull(cxs, "cxs");
    }

    /**
     * @param name the touchpoint name of a purchase (default {@code "Order Completed"})
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder purchaseEvent(String name) {
      checkState(purchaseEvent == null, "purchase event was already set to %s", purchaseEvent);
      Objects.requireNonNull(name, "name");
      checkArgument(!name.isBlank(), "purchase event must not be blank but was '%s'", name);
      purchaseEvent = name;
      return this;
    }

    /** @return the recommender, not yet started */
    public CoOccurrenceRecommender build() {
      return new CoOccurrenceRecommender(this);
    }
  }
}
