package io.cxs.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxs.core.Cxs;
import io.cxs.core.IngestOutcome;
import io.cxs.core.customer.IdentityKind;
import io.cxs.core.ingest.Event;
import io.cxs.core.ingest.FeedbackEvent;
import io.cxs.core.ingest.IdentifyEvent;
import io.cxs.core.ingest.TrackEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated streams hold what the cross-store suites count on. */
final class EventStreamsTest {
  private static final EventStreams.Spec SPEC = new EventStreams.Spec("test", 5, 120, 16, 2);
  private final List<Event> events = EventStreams.generate(SPEC);

  private static boolean late(Event e) {
    return e.userId().filter(u -> u.startsWith("zz-")).isPresent();
  }

  @Test
  void generate_sameSpecSameStream() {
    assertThat(EventStreams.generate(SPEC)).isEqualTo(events);
    assertThat(EventStreams.generate(new EventStreams.Spec("other", 6, 120, 16, 2)))
        .isNotEqualTo(events);
  }

  @Test
  void generate_lateCodesOnlyInTheLateCohortAfterEveryEarlyEvent() {
    Instant lastEarly = events.stream().filter(e -> !late(e)).map(Event::timestamp)
        .max(Instant::compareTo).orElseThrow();
    Instant firstLate = events.stream().filter(EventStreamsTest::late).map(Event::timestamp)
        .min(Instant::compareTo).orElseThrow();
    assertThat(firstLate).isAfter(lastEarly);
    for (Event e : events) {
      boolean lateCode = e instanceof TrackEvent t
          && (EventStreams.LATE_EVENTS.contains(t.event())
              || t.channel().equals(EventStreams.LATE_CHANNEL))
          || e instanceof FeedbackEvent f
          && (f.survey().equals(EventStreams.LATE_SURVEY) || f.survey().equals("ces"));
      if (lateCode) {
        assertThat(late(e)).as("late code in %s", e).isTrue();
      }
    }
    assertThat(events.stream().filter(e -> e instanceof TrackEvent t
        && t.event().equals(EventStreams.LATE_EVENTS.get(1)))).isNotEmpty();
    assertThat(events.stream().filter(e -> e instanceof FeedbackEvent f
        && f.survey().equals(EventStreams.LATE_SURVEY))).isNotEmpty();
  }

  @Test
  void generate_hasRedeliveriesSomeWithOtherContent() {
    Map<String, Event> first = new HashMap<>();
    int same = 0;
    int altered = 0;
    for (Event e : events) {
      Event before = first.putIfAbsent(e.messageId(), e);
      if (before != null) {
        if (before.equals(e)) {
          same++;
        } else {
          altered++;
        }
      }
    }
    assertThat(same).isPositive();
    assertThat(altered).isPositive();
  }

  @Test
  void generate_linksIdentitiesInEveryWay() {
    assertThat(events).anyMatch(e -> e instanceof TrackEvent
        && e.userId().isPresent() && e.anonymousId().isPresent());
    assertThat(events).anyMatch(e -> e instanceof IdentifyEvent
        && e.userId().isPresent() && e.anonymousId().isPresent());
    assertThat(events).anyMatch(e -> e instanceof FeedbackEvent
        && e.userId().isEmpty() && e.anonymousId().isPresent());
    assertThat(events).anyMatch(e -> e instanceof IdentifyEvent i
        && i.traits().containsKey("phone"));

    Cxs cxs = Stores.inMemory().engine();
    events.forEach(cxs::ingest);
    var views = CxsAnswers.views(cxs).values();
    // e-mail merges of two users, and of a late user into an early customer
    assertThat(views).anyMatch(v -> v.customer().identities().stream()
        .filter(i -> i.kind() == IdentityKind.USER_ID).count() > 1);
    assertThat(views).anyMatch(v -> v.customer().identities().stream()
        .anyMatch(i -> i.value().startsWith("zz-"))
        && v.customer().identities().stream().anyMatch(i -> i.value().startsWith("u-")));
    assertThat(views).anyMatch(v -> !v.customer().merges().isEmpty());
    assertThat(views).anyMatch(v -> !v.customer().consents().isEmpty());
  }

  @Test
  void generate_someUsersFirstAppearThroughFeedback() {
    Cxs cxs = Stores.inMemory().engine();
    boolean found = false;
    for (Event e : events) {
      boolean unknown = e.identities().stream().allMatch(i -> cxs.customerOf(i).isEmpty());
      if (cxs.ingest(e) == IngestOutcome.ACCEPTED && unknown && e instanceof FeedbackEvent
          && e.userId().isPresent()) {
        found = true;
      }
    }
    assertThat(found).isTrue();
  }
}
