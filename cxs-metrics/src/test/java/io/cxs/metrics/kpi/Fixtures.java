package io.cxs.metrics.kpi;

import io.cxs.core.customer.Identity;
import io.cxs.core.feedback.Feedback;
import io.cxs.core.feedback.FeedbackKind;
import io.cxs.core.feedback.Scale;
import io.cxs.core.ingest.FeedbackEvent;
import io.cxs.core.touchpoint.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Feedback and events for tests. */
final class Fixtures {
  private Fixtures() {}

  static Feedback feedback(String id, String user, String at, String survey, Scale scale,
      Integer score, String channel) {
    return new Feedback(id, Identity.userId(user), Instant.parse(at), FeedbackKind.SURVEY, survey,
        scale, score == null ? OptionalInt.empty() : OptionalInt.of(score), Optional.empty(),
        Optional.empty(), Channel.of(channel), Optional.empty());
  }

  /** @return the feedback with event ids {@code e0, e1, …} in list order, so none is a duplicate */
  static List<Feedback> withDistinctIds(List<Feedback> list) {
    List<Feedback> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Feedback f = list.get(i);
      out.add(new Feedback("e" + i, f.subject(), f.timestamp(), f.kind(), f.survey(), f.scale(),
          f.score(), f.comment(), f.touchpointId(), f.channel(), f.stage()));
    }
    return out;
  }

  static Feedback nps(String id, String user, String at, int score, String channel) {
    return feedback(id, user, at, "nps", Scale.NPS, score, channel);
  }

  static FeedbackEvent event(String id, Optional<String> user, Optional<String> anonymous,
      String at, String survey, Scale scale, Integer score, String channel) {
    return new FeedbackEvent(id, user, anonymous, Instant.parse(at), FeedbackKind.SURVEY, survey,
        scale, score == null ? OptionalInt.empty() : OptionalInt.of(score), Optional.empty(),
        Optional.empty(), Channel.of(channel), Optional.empty());
  }

  static FeedbackEvent npsEvent(String id, String user, String at, int score, String channel) {
    return event(id, Optional.of(user), Optional.empty(), at, "nps", Scale.NPS, score, channel);
  }
}
