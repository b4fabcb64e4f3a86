package io.cxs.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxs.core.customer.Identity;
import io.cxs.core.feedback.Feedback;
import io.cxs.core.feedback.FeedbackKind;
import io.cxs.core.feedback.Scale;
import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.JourneyStage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link FeedbackStore} must have. A store implementation's test extends
 * this class and supplies a new, empty store.
 */
public abstract class FeedbackStoreContract {
  protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  protected static final Identity ANN = Identity.userId("ann");
  protected static final Identity BOB = Identity.userId("bob");

  protected FeedbackStore store;

  /** @return a new, empty store */
  protected abstract FeedbackStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  protected static Feedback nps(String id, Identity who, int score, long minutes) {
    return Feedback.survey(id, who, T0.plusSeconds(60 * minutes), "nps", Scale.NPS, score);
  }

  @Test
  @DisplayName("a scan past several batches decodes every row, with subjects, surveys and channels"
      + " that first appear in late batches; a complete dictionary covers them all at once")
  void scan_pastSeveralBatches_decodesLateCodes() {
    List<Feedback> all = new ArrayList<>();
    int n = rowsPastSeveralBatches();
    for (int i = 0; i < n; i++) {
      boolean late = i >= n - 20;
      all.add(new Feedback("f" + i, Identity.userId(String.format("s%06d", i / 3)),
          T0.plusSeconds(i), FeedbackKind.SURVEY, late ? "late" + i % 3 : "csat", Scale.STARS,
          OptionalInt.of(1 + i % 5), Optional.empty(), Optional.empty(),
          late ? new Channel("late-" + i % 2) : Channel.WEB, Optional.empty()));
    }
    store.addAll(all);
    List<String> seen = new ArrayList<>();
    ScanDictionary[] first = new ScanDictionary[1];
    int[] firstCounts = new int[3];
    store.scan(batch -> {
      ScanDictionary d = batch.dictionary();
      if (first[0] == null) {
        first[0] = d;
        firstCounts[0] = d.subjectCount();
        firstCounts[1] = d.nameCount();
        firstCounts[2] = d.channelCount();
      }
      for (int r = 0; r < batch.size(); r++) {
        assertThat(batch.subject(r)).isLessThan(d.subjectCount());
        assertThat(batch.survey(r)).isLessThan(d.nameCount());
        assertThat(batch.channel(r)).isLessThan(d.channelCount());
        if (first[0].complete()) {
          assertThat(batch.subject(r)).isLessThan(firstCounts[0]);
          assertThat(batch.survey(r)).isLessThan(firstCounts[1]);
          assertThat(batch.channel(r)).isLessThan(firstCounts[2]);
        }
        seen.add(d.subject(batch.subject(r)) + "|" + d.name(batch.survey(r)) + "|"
            + batch.epochMillis(r) + "|" + d.channel(batch.channel(r)) + "|" + batch.score(r));
      }
    });
    List<String> expected = new ArrayList<>();
    for (Feedback f : all) {
      expected.add(f.subject() + "|" + f.survey() + "|" + f.timestamp().toEpochMilli() + "|"
          + f.channel() + "|" + f.score().getAsInt());
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(first[0].complete()).isEqualTo(dictionaryComplete());
  }

  /** @return rows enough for this store's scan to cut several batches (JDBC: 4,096 a batch) */
  protected int rowsPastSeveralBatches() {
    return 3 * 4096 + 100;
  }

  /**
   * @return true if this store promises a {@linkplain ScanDictionary#complete() complete}
   *     dictionary from a scan's first batch on (the in-memory and JDBC stores do)
   */
  protected boolean dictionaryComplete() {
    return true;
  }

  @Test
  @DisplayName("stored feedback is found by its event id with every field intact")
  void add_thenFind_returnsEqualFeedback() {
    Feedback f = new Feedback("f1", ANN, T0, FeedbackKind.COMPLAINT, "delivery", Scale.STARS,
        OptionalInt.empty(), Optional.of("Late again"), Optional.of("e7"), Channel.EMAIL,
        Optional.of(JourneyStage.SERVICE));
    assertThat(store.add(f)).isTrue();
    assertThat(store.find("f1")).contains(f);
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  @DisplayName("adding the same event id twice stores it once")
  void add_duplicate_isRejected() {
    assertThat(store.add(nps("f1", ANN, 9, 0))).isTrue();
    assertThat(store.add(nps("f1", ANN, 3, 1))).isFalse();
    assertThat(store.find("f1").orElseThrow().score()).hasValue(9);
    assertThat(store.addAll(List.of(nps("f1", ANN, 9, 0), nps("f2", BOB, 5, 0)))).isEqualTo(1);
  }

  @Test
  @DisplayName("a subject's feedback comes back in time order")
  void timeline_isTimeOrdered() {
    store.add(nps("f2", ANN, 7, 20));
    store.add(nps("f1", ANN, 9, 10));
    store.add(nps("g1", BOB, 0, 15));
    assertThat(store.timeline(ANN)).extracting(Feedback::eventId).containsExactly("f1", "f2");
  }

  @Test
  @DisplayName("delete removes every piece of feedback of one subject")
  void delete_removesSubject() {
    store.add(nps("f1", ANN, 9, 0));
    store.add(nps("g1", BOB, 1, 0));
    assertThat(store.delete(ANN)).isEqualTo(1);
    assertThat(store.find("f1")).isEmpty();
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  @DisplayName("a scan reports score, scale, kind and survey of each row; skipped answers have no score")
  void scan_exposesColumns() {
    store.add(nps("f1", ANN, 9, 0));
    store.add(new Feedback("f2", ANN, T0.plusSeconds(60), FeedbackKind.SURVEY, "csat", Scale.CSAT,
        OptionalInt.empty(), Optional.empty(), Optional.of("e1"), Channel.WEB, Optional.empty()));
    List<String> rows = new ArrayList<>();
    store.scan(b -> {
      for (int r = 0; r < b.size(); r++) {
        rows.add(b.dictionary().name(b.survey(r)) + "," + b.score(r) + "," + b.scaleMin(r) + "-"
            + b.scaleMax(r) + "," + b.kind(r) + "," + b.touchpointId(r));
      }
    });
    assertThat(rows).containsExactly("nps,9,0-10,0,", "csat," + FeedbackBatch.NO_SCORE + ",1-5,0,e1");
  }

  @Test
  @DisplayName("a row's scale key is its scale bounds packed in one int, equal exactly when the scales are")
  void scan_scaleKey_packsTheBounds() {
    Scale[] scales = {Scale.NPS, Scale.CSAT, Scale.CES, Scale.of(-100, 0), Scale.of(900, 1000)};
    for (int i = 0; i < scales.length; i++) {
      store.add(new Feedback("s" + i, ANN, T0.plusSeconds(i), FeedbackKind.SURVEY, "q" + i,
          scales[i], OptionalInt.of(scales[i].min()), Optional.empty(), Optional.empty(),
          Channel.WEB, Optional.empty()));
    }
    java.util.Set<Integer> keys = new java.util.HashSet<>();
    store.scan(b -> {
      for (int r = 0; r < b.size(); r++) {
        assertThat(b.scaleKey(r)).isEqualTo(FeedbackBatch.scaleKey(b.scaleMin(r), b.scaleMax(r)));
        keys.add(b.scaleKey(r));
      }
    });
    assertThat(keys).hasSize(scales.length);
  }

  @Test
  @DisplayName("a scan reports each row's comment exactly as stored, and the empty string for none")
  void scan_exposesComments() {
    Feedback late = new Feedback("f1", ANN, T0, FeedbackKind.COMPLAINT, "delivery", Scale.STARS,
        OptionalInt.empty(), Optional.of("Late again, NOT happy!"), Optional.empty(),
        Channel.EMAIL, Optional.of(JourneyStage.SERVICE));
    Feedback fast = new Feedback("f2", ANN, T0.plusSeconds(60), FeedbackKind.SURVEY, "nps",
        Scale.NPS, OptionalInt.of(10), Optional.of("Fast délivery \u2014 \"great\""),
        Optional.of("e1"), Channel.WEB, Optional.empty());
    store.add(late);
    store.add(fast);
    store.add(nps("g1", BOB, 4, 0));
    List<String> scanned = new ArrayList<>();
    store.scan(b -> {
      for (int r = 0; r < b.size(); r++) {
        scanned.add(b.comment(r));
      }
    });
    List<String> stored = new ArrayList<>();
    for (Identity who : List.of(ANN, BOB)) {
      for (Feedback f : store.timeline(who)) {
        stored.add(f.comment().orElse(""));
      }
    }
    assertThat(scanned).containsExactlyInAnyOrderElementsOf(stored)
        .containsExactlyInAnyOrder("Late again, NOT happy!", "Fast délivery \u2014 \"great\"", "");
  }
}
