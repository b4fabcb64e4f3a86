package io.cxs.journey.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.JourneyStage;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class EventPredicateTest {
  private static final EventPredicate SHOES =
      EventPredicate.of("Order Completed").withProperty("category", "shoes");

  @Test
  void matchesProperties_equalString_matches() {
    assertThat(SHOES.matchesProperties(Map.of("category", "shoes", "qty", 2L))).isTrue();
  }

  @Test
  void matchesProperties_otherStringOrCase_doesNotMatch() {
    assertThat(SHOES.matchesProperties(Map.of("category", "bags"))).isFalse();
    assertThat(SHOES.matchesProperties(Map.of("category", "Shoes"))).isFalse();
  }

  @Test
  void matchesProperties_missingProperty_neverMatches() {
    assertThat(SHOES.matchesProperties(Map.of())).isFalse();
    assertThat(SHOES.matchesProperties(Map.of("kind", "shoes"))).isFalse();
  }

  @Test
  void matchesProperties_numbersCompareNumerically() {
    EventPredicate one = EventPredicate.of("E").withProperty("n", 1);
    assertThat(one.matchesProperties(Map.of("n", 1L))).isTrue();
    assertThat(one.matchesProperties(Map.of("n", 1.0))).isTrue();
    assertThat(one.matchesProperties(Map.of("n", new BigDecimal("1.00")))).isTrue();
    assertThat(one.matchesProperties(Map.of("n", BigInteger.ONE))).isTrue();
    assertThat(one.matchesProperties(Map.of("n", 1.5))).isFalse();
    assertThat(one.matchesProperties(Map.of("n", 2L))).isFalse();

    EventPredicate oneDotZero = EventPredicate.of("E").withProperty("n", 1.0);
    assertThat(oneDotZero.matchesProperties(Map.of("n", 1L))).isTrue();
    assertThat(oneDotZero).isEqualTo(one);

    EventPredicate tenth = EventPredicate.of("E").withProperty("price", new BigDecimal("0.10"));
    assertThat(tenth.matchesProperties(Map.of("price", 0.1))).isTrue();
    assertThat(tenth.matchesProperties(Map.of("price", 0.1000001))).isFalse();
  }

  @Test
  void matchesProperties_differentKinds_neverEqual() {
    EventPredicate one = EventPredicate.of("E").withProperty("n", 1);
    assertThat(one.matchesProperties(Map.of("n", "1"))).isFalse();
    assertThat(one.matchesProperties(Map.of("n", true))).isFalse();
    assertThat(one.matchesProperties(Map.of("n", List.of(1L)))).isFalse();
    EventPredicate yes = EventPredicate.of("E").withProperty("gift", true);
    assertThat(yes.matchesProperties(Map.of("gift", true))).isTrue();
    assertThat(yes.matchesProperties(Map.of("gift", "true"))).isFalse();
    assertThat(yes.matchesProperties(Map.of("gift", false))).isFalse();
    assertThat(EventPredicate.of("E").withProperty("s", "1").matchesProperties(Map.of("s", 1L)))
        .isFalse();
  }

  @Test
  void matchesProperties_severalConditions_allMustHold() {
    EventPredicate p = SHOES.withProperty("qty", 2);
    assertThat(p.matchesProperties(Map.of("category", "shoes", "qty", 2L))).isTrue();
    assertThat(p.matchesProperties(Map.of("category", "shoes", "qty", 3L))).isFalse();
    assertThat(p.matchesProperties(Map.of("category", "shoes"))).isFalse();
  }

  @Test
  void matchesProperties_noCondition_matchesAnything() {
    assertThat(EventPredicate.of("E").hasPropertyConditions()).isFalse();
    assertThat(EventPredicate.of("E").matchesProperties(Map.of())).isTrue();
    assertThat(SHOES.hasPropertyConditions()).isTrue();
  }

  @Test
  void withProperty_keepsChannelAndStage_andTheyKeepProperties() {
    EventPredicate p = EventPredicate.of("E").onChannel(Channel.WEB).withProperty("k", "v")
        .atStage(JourneyStage.PURCHASE);
    assertThat(p.channel()).contains(Channel.WEB);
    assertThat(p.stage()).contains(JourneyStage.PURCHASE);
    assertThat(p.properties()).containsExactly(Map.entry("k", "v"));
    assertThat(p.toString()).isEqualTo("E[k=v] on " + Channel.WEB + " at "
        + JourneyStage.PURCHASE.code());
  }

  @Test
  void funnelStepWithProperty_keepsNameAndOptionality() {
    FunnelStep step = FunnelStep.of("Order Completed").asOptional().withProperty("qty", 2);
    assertThat(step.name()).isEqualTo("Order Completed");
    assertThat(step.optional()).isTrue();
    assertThat(step.predicate()).isEqualTo(EventPredicate.of("Order Completed")
        .withProperty("qty", 2L));
  }

  @Test
  void constructor_withoutProperties_hasNoConditions() {
    EventPredicate p = new EventPredicate("E", Optional.empty(), Optional.empty());
    assertThat(p).isEqualTo(EventPredicate.of("E"));
    assertThat(p.properties()).isEmpty();
  }

  @Test
  void withProperty_blankKey_isRejectedNamingIt() {
    assertThatThrownBy(() -> EventPredicate.of("E").withProperty(" ", "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("property key must not be blank but was ' '");
  }

  @Test
  void withProperty_sameKeyTwice_isRejected() {
    assertThatThrownBy(() -> SHOES.withProperty("category", "bags"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("property 'category' already has a condition (shoes) but was given another"
            + " (bags)");
  }

  @Test
  void withProperty_nonScalarOrNonFinite_isRejected() {
    assertThatThrownBy(() -> EventPredicate.of("E").withProperty("tags", List.of("a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("property 'tags' must be a string, boolean or number but was a ");
    assertThatThrownBy(() -> EventPredicate.of("E").withProperty("x", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("property 'x' must be a finite number but was NaN");
  }

  @Test
  void constructor_nullKeyOrValue_isRejected() {
    Map<String, Object> nullValue = new HashMap<>();
    nullValue.put("k", null);
    assertThatThrownBy(() -> new EventPredicate("E", Optional.empty(), Optional.empty(), nullValue))
        .isInstanceOf(NullPointerException.class).hasMessage("properties.k");
    assertThatThrownBy(() -> EventPredicate.of("E").withProperty("k", null))
        .isInstanceOf(NullPointerException.class).hasMessage("value");
  }

  @Test
  void properties_areUnmodifiableAndSorted() {
    EventPredicate p = EventPredicate.of("E").withProperty("b", 1).withProperty("a", "x");
    assertThat(p.properties().keySet()).containsExactly("a", "b");
    assertThatThrownBy(() -> p.properties().put("c", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(p.toString()).isEqualTo("E[a=x,b=1]");
  }
}
