package io.cxs.journey.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxs.core.customer.Identity;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link TimerStore} must do; a durable store extends this with its own factory. */
abstract class TimerStoreContract {
  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  /** @return a new, empty store */
  abstract TimerStore newStore();

  private static Timer timer(String occurrence, int minutes) {
    return Timer.of(Timer.Kind.EVALUATE, "r", Identity.userId("u"), occurrence, T0,
        T0.plusSeconds(60L * minutes), -1, 0);
  }

  @Test
  @DisplayName("a timer is stored once per id")
  void put_sameIdTwice_keepsOne() {
    TimerStore s = newStore();
    assertThat(s.put(timer("a", 5))).isTrue();
    assertThat(s.put(timer("a", 9))).isFalse();
    assertThat(s.all()).extracting(Timer::dueAt).containsExactly(T0.plusSeconds(300));
  }

  @Test
  @DisplayName("take hands a timer to exactly one caller")
  void take_twice_returnsItOnce() {
    TimerStore s = newStore();
    Timer t = timer("a", 5);
    s.put(t);
    assertThat(s.take(t.id())).contains(t);
    assertThat(s.take(t.id())).isEmpty();
    assertThat(s.take("unknown")).isEmpty();
  }

  @Test
  @DisplayName("all lists pending timers earliest first, with every field intact")
  void all_isOrderedByDueTime() {
    TimerStore s = newStore();
    Timer late = Timer.of(Timer.Kind.RETRY, "rule-x", Identity.anonymousId("a-9"), "occ", T0,
        T0.plusSeconds(300), 2, 3);
    s.put(late);
    s.put(timer("b", 1));
    s.put(timer("c", 10));
    assertThat(s.all()).extracting(Timer::id)
        .containsExactly(timer("b", 1).id(), late.id(), timer("c", 10).id());
    assertThat(s.all().get(1)).isEqualTo(late);
  }
}
