package io.cxs.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxs.core.customer.Identity;
import io.cxs.core.feedback.Feedback;
import io.cxs.core.feedback.FeedbackKind;
import io.cxs.core.feedback.Scale;
import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.JourneyStage;
import io.cxs.core.touchpoint.Money;
import io.cxs.core.touchpoint.Touchpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The in-memory stores keep what only some rows have (comments and rated touchpoints; properties
 * and values) in a sparse column that moves with the rows when the tail is merged into the base
 * and when a subject is deleted. Whatever the order of adds, scans (which merge) and deletes,
 * every stored record reads back as added, through find, timeline and scan.
 */
class InMemoryStoresPropertiesTest {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  private static final JourneyStage[] STAGES = JourneyStage.values();

  /** An operation: {@code 0..999} adds record {@code op}, 1000 scans, 1001+u deletes subject u. */
  @Provide
  Arbitrary<List<Integer>> ops() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(12, Arbitraries.integers().between(0, 299)),
        net.jqwik.api.Tuple.of(2, Arbitraries.just(1000)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1001, 1006)))
        .list().ofMaxSize(120);
  }

  private static Feedback feedback(int i) {
    return new Feedback("f" + i, Identity.userId("u" + i % 6), T0.plusSeconds(7L * (i * 37 % 101)),
        i % 7 == 0 ? FeedbackKind.COMPLAINT : FeedbackKind.SURVEY, i % 2 == 0 ? "nps" : "csat",
        i % 2 == 0 ? Scale.NPS : Scale.CSAT,
        i % 7 == 0 ? OptionalInt.empty() : OptionalInt.of(i % 2 == 0 ? i % 11 : 1 + i % 5),
        i % 3 == 0 ? Optional.of("comment " + i) : Optional.empty(),
        i % 5 == 0 ? Optional.of("tp" + i) : Optional.empty(), Channel.of("ch" + i % 4),
        i % 4 == 0 ? Optional.empty() : Optional.of(STAGES[i % STAGES.length]));
  }

  private static Touchpoint touchpoint(int i) {
    return new Touchpoint("t" + i, Identity.userId("u" + i % 6), Channel.of("ch" + i % 4),
        "event" + i % 5, T0.plusSeconds(7L * (i * 37 % 101)),
        i % 4 == 0 ? Optional.empty() : Optional.of(STAGES[i % STAGES.length]),
        i % 3 == 0 ? Map.of("k", "v" + i) : Map.of(),
        i % 5 == 0 ? Optional.of(Money.of(i + ".50", "EUR")) : Optional.empty());
  }

  @Property(tries = 200)
  void feedbackStore_readsBackWhatWasAdded(@ForAll("ops") List<Integer> ops) {
    FeedbackStore store = FeedbackStore.inMemory();
    Map<String, Feedback> model = new LinkedHashMap<>();
    for (int op : ops) {
      if (op < 1000) {
        Feedback f = feedback(op);
        assertThat(store.add(f)).isEqualTo(model.putIfAbsent(f.eventId(), f) == null);
      } else if (op == 1000) {
        store.scan(b -> { });
      } else {
        Identity u = Identity.userId("u" + (op - 1001));
        int deleted = store.delete(u);
        assertThat(deleted).isEqualTo(removeSubject(model, u, Feedback::subject));
      }
    }
    assertThat(store.count()).isEqualTo(model.size());
    for (Feedback f : model.values()) {
      assertThat(store.find(f.eventId())).contains(f);
    }
    for (int u = 0; u < 6; u++) {
      Identity id = Identity.userId("u" + u);
      assertThat(store.timeline(id)).isEqualTo(model.values().stream()
          .filter(f -> f.subject().equals(id))
          .sorted(Comparator.comparing(Feedback::timestamp).thenComparing(Feedback::eventId))
          .toList());
    }
    List<String> scanned = new ArrayList<>();
    store.scan(b -> {
      for (int r = 0; r < b.size(); r++) {
        scanned.add(b.dictionary().subject(b.subject(r)).key() + " " + b.epochMillis(r) + " "
            + b.dictionary().name(b.survey(r)) + " " + b.score(r) + " " + b.stage(r) + " "
            + b.comment(r) + "|" + b.touchpointId(r));
      }
    });
    List<String> expected = new ArrayList<>();
    for (Feedback f : model.values()) {
      expected.add(f.subject().key() + " " + f.timestamp().toEpochMilli() + " " + f.survey() + " "
          + (f.score().isPresent() ? f.score().getAsInt() : FeedbackBatch.NO_SCORE) + " "
          + f.stage().map(JourneyStage::ordinal).orElse(TouchpointBatch.NO_STAGE) + " "
          + f.comment().orElse("") + "|" + f.touchpointId().orElse(""));
    }
    assertThat(scanned).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Property(tries = 200)
  void touchpointStore_readsBackWhatWasAdded(@ForAll("ops") List<Integer> ops) {
    TouchpointStore store = TouchpointStore.inMemory();
    Map<String, Touchpoint> model = new LinkedHashMap<>();
    for (int op : ops) {
      if (op < 1000) {
        Touchpoint t = touchpoint(op);
        assertThat(store.add(t)).isEqualTo(model.putIfAbsent(t.eventId(), t) == null);
      } else if (op == 1000) {
        store.scan(b -> { });
      } else {
        Identity u = Identity.userId("u" + (op - 1001));
        assertThat(store.delete(u)).isEqualTo(removeSubject(model, u, Touchpoint::subject));
      }
    }
    assertThat(store.count()).isEqualTo(model.size());
    for (Touchpoint t : model.values()) {
      assertThat(store.find(t.eventId())).contains(t);
    }
    List<String> scanned = new ArrayList<>();
    store.scan(b -> {
      for (int r = 0; r < b.size(); r++) {
        scanned.add(b.dictionary().subject(b.subject(r)).key() + " " + b.epochMillis(r) + " "
            + b.dictionary().name(b.name(r)) + " " + b.stage(r) + " " + b.amount(r) + " "
            + b.properties(r));
      }
    });
    List<String> expected = new ArrayList<>();
    for (Touchpoint t : model.values()) {
      expected.add(t.subject().key() + " " + t.timestamp().toEpochMilli() + " " + t.name() + " "
          + t.stage().map(JourneyStage::ordinal).orElse(TouchpointBatch.NO_STAGE) + " "
          + t.value().map(m -> m.amount().doubleValue()).orElse(Double.NaN) + " "
          + t.properties());
    }
    assertThat(scanned).containsExactlyInAnyOrderElementsOf(expected);
  }

  private static <T> int removeSubject(Map<String, T> model, Identity subject,
      java.util.function.Function<T, Identity> subjectOf) {
    int before = model.size();
    model.values().removeIf(x -> subjectOf.apply(x).equals(subject));
    return before - model.size();
  }
}
