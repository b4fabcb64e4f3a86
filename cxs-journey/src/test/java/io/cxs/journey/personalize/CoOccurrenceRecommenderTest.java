package io.cxs.journey.personalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxs.core.Cxs;
import io.cxs.core.customer.CustomerId;
import io.cxs.core.ingest.TrackEvent;
import io.cxs.core.touchpoint.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class CoOccurrenceRecommenderTest {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  private static void buy(Cxs cxs, String id, String user, Map<String, ?> props, int minute) {
    cxs.ingest(TrackEvent.of(id, user, "Order Completed", T0.plusSeconds(60L * minute),
        Channel.WEB).withProperties(props));
  }

  @Test
  void recommend_itemsBoughtTogether_rankFirstWithTheirReason() {
    Cxs cxs = Cxs.builder().build();
    CoOccurrenceRecommender recs = CoOccurrenceRecommender.builder(cxs).build().start();
    buy(cxs, "o1", "a", Map.of("products", List.of(Map.of("sku", "tent"), Map.of("sku", "stove"))), 1);
    buy(cxs, "o2", "b", Map.of("sku", "tent"), 2);
    buy(cxs, "o3", "b", Map.of("sku", "stove"), 3);
    buy(cxs, "o4", "c", Map.of("sku", "mug"), 4);
    buy(cxs, "o5", "d", Map.of("sku", "mug"), 5);
    buy(cxs, "o6", "e", Map.of("sku", "mug"), 6);
    buy(cxs, "o7", "f", Map.of("sku", "tent"), 7);
    cxs.ingest(TrackEvent.of("v1", "f", "Product Viewed", T0, Channel.WEB)
        .withProperties(Map.of("sku", "lamp")));

    List<Recommendation> forF = recs.recommend(CustomerId.of("f"), 2);
    assertThat(forF).extracting(Recommendation::sku).containsExactly("stove", "mug");
    assertThat(forF.get(0).reason()).isEqualTo("bought together with tent by 2 customers");
    assertThat(forF.get(0).score()).isEqualTo(2 / Math.sqrt(3 * 2));
    assertThat(forF.get(1).reason()).isEqualTo("popular: bought by 3 customers");
    assertThat(recs.similar("tent", 5)).extracting(Recommendation::sku).containsExactly("stove");
    assertThat(recs.items()).isEqualTo(3);
  }

  @Test
  void erase_forgetsTheCustomersPurchasesAsIfNeverMade() {
    Cxs cxs = Cxs.builder().build();
    CoOccurrenceRecommender recs = CoOccurrenceRecommender.builder(cxs).build().start();
    buy(cxs, "o1", "a", Map.of("products", List.of(Map.of("sku", "tent"), Map.of("sku", "stove"))), 1);
    buy(cxs, "o2", "b", Map.of("sku", "tent"), 2);
    buy(cxs, "o3", "b", Map.of("sku", "mug"), 3);
    assertThat(recs.similar("tent", 5)).extracting(Recommendation::sku)
        .containsExactlyInAnyOrder("stove", "mug");
    cxs.erase(CustomerId.of("a"));
    assertThat(recs.similar("tent", 5)).extracting(Recommendation::sku).containsExactly("mug");
    assertThat(recs.popular(5)).extracting(Recommendation::reason)
        .containsExactly("popular: bought by 1 customers", "popular: bought by 1 customers");
  }

  @Test
  void recommend_newCustomer_fallsBackToPopularity() {
    Cxs cxs = Cxs.builder().build();
    CoOccurrenceRecommender recs = CoOccurrenceRecommender.builder(cxs).build().start();
    buy(cxs, "o1", "a", Map.of("sku", "x"), 1);
    buy(cxs, "o2", "b", Map.of("sku", "x"), 2);
    buy(cxs, "o3", "b", Map.of("sku", "y"), 3);
    assertThat(recs.recommend(CustomerId.of("new"), 5)).extracting(Recommendation::sku)
        .containsExactly("x", "y");
    assertThatThrownBy(() -> recs.recommend(CustomerId.of("a"), 0))
        .hasMessage("limit must be at least 1 but was 0");
  }

  /**
   * Generated shop: 10 categories of 20 items with skewed popularity; each customer has a
   * favourite category and buys mostly from it. The last purchase of each customer is held out.
   */
  @Test
  void recommend_heldOutPurchases_hitMoreOftenThanPopularity() {
    Random random = new Random(42);
    int customers = 1500;
    Cxs cxs = Cxs.builder().build();
    CoOccurrenceRecommender recs = CoOccurrenceRecommender.builder(cxs).build().start();
    Map<String, String> heldOut = new HashMap<>();
    int event = 0;
    for (int c = 0; c < customers; c++) {
      int favourite = (int) Math.min(9, Math.floor(-Math.log(1 - random.nextDouble()) * 3));
      int n = 3 + random.nextInt(4);
      List<String> basket = new ArrayList<>();
      while (basket.size() < n) {
        int category = random.nextDouble() < 0.85 ? favourite : random.nextInt(10);
        int item = (int) Math.min(19, Math.floor(-Math.log(1 - random.nextDouble()) * 5));
        String sku = "cat" + category + "-item" + item;
        if (!basket.contains(sku)) {
          basket.add(sku);
        }
      }
      for (int i = 0; i < basket.size() - 1; i++) {
        buy(cxs, "e" + event++, "c" + c, Map.of("sku", basket.get(i)), i);
      }
      heldOut.put("c" + c, basket.get(basket.size() - 1));
    }
    int k = 10;
    int coHits = 0;
    int popHits = 0;
    for (Map.Entry<String, String> e : heldOut.entrySet()) {
      CustomerId id = CustomerId.of(e.getKey());
      if (recs.recommend(id, k).stream().anyMatch(r -> r.sku().equals(e.getValue()))) {
        coHits++;
      }
      java.util.Set<String> owned = new java.util.HashSet<>();
      cxs.customer(id).orElseThrow().touchpoints()
          .forEach(t -> owned.add((String) t.properties().get("sku")));
      if (recs.popular(k + owned.size()).stream().filter(r -> !owned.contains(r.sku())).limit(k)
          .anyMatch(r -> r.sku().equals(e.getValue()))) {
        popHits++;
      }
    }
    double coRate = (double) coHits / customers;
    double popRate = (double) popHits / customers;
    assertThat(coRate).as("hit rate@10: co-occurrence %s vs popularity %s", coRate, popRate)
        .isGreaterThan(popRate * 2);
  }
}
