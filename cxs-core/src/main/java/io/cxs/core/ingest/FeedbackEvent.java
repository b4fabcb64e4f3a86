package io.cxs.core.ingest;

import io.cxs.core.InvalidEventException;
import io.cxs.core.feedback.Feedback;
import io.cxs.core.feedback.FeedbackKind;
import io.cxs.core.feedback.Scale;
import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.JourneyStage;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Something a customer said: a survey answer, a review or a complaint; stored as
 * {@link Feedback} under {@link #subject()}.
 *
 * @param messageId the unique id
 * @param userId the host's customer id, if known
 * @param anonymousId the visitor id, if any
 * @param timestamp when it was given
 * @param kind survey answer, review or complaint
 * @param survey the survey or topic, such as {@code "nps"}
 * @param scale the answer scale
 * @param score the answer, if given
 * @param comment free text, if any
 * @param touchpointId the event id of the rated touchpoint, if any
 * @param channel where it was given
 * @param stage the journey stage it is about, if known
 * @since 0.1
 */
public record FeedbackEvent(String messageId, Optional<String> userId,
    Optional<String> anonymousId, Instant timestamp, FeedbackKind kind, String survey, Scale scale,
    OptionalInt score, Optional<String> comment, Optional<String> touchpointId, Channel channel,
    Optional<JourneyStage> stage) implements Event {

  /**
   * @throws NullPointerException if an argument is null
   * @throws InvalidEventException if the message id or survey is blank, both ids are missing, or
   *     the score is outside the scale
   */
  public FeedbackEvent {
    Events.checkCommon(messageId, userId, anonymousId, timestamp);
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(survey, "survey");
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(touchpointId, "touchpointId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(stage, "stage");
    if (survey.isBlank()) {
      throw new InvalidEventException("survey", "survey must not be blank in event " + messageId);
    }
    if (score.isPresent() && !scale.contains(score.getAsInt())) {
      throw new InvalidEventException("score", "score must be in [" + scale.min() + ", "
          + scale.max() + "] for survey '" + survey + "' but was " + score.getAsInt()
          + " in event " + messageId);
    }
  }

  /**
   * A survey answer by a known user on a well-known survey ({@code nps}, {@code csat}, {@code ces}).
   *
   * @throws InvalidEventException if the survey is not well known or the score is off its scale
   */
  public static FeedbackEvent survey(String messageId, String userId, Instant timestamp,
      String survey, int score) {
    Scale scale = Scale.forSurvey(survey).orElseThrow(() -> new InvalidEventException("survey",
        "survey '" + survey + "' has no default scale; give one"));
    return new FeedbackEvent(messageId, Optional.of(userId), Optional.empty(), timestamp,
        FeedbackKind.SURVEY, survey, scale, OptionalInt.of(score), Optional.empty(),
        Optional.empty(), Channel.UNKNOWN, Optional.empty());
  }

  /** @return a copy with the comment set */
  public FeedbackEvent withComment(String comment) {
    return new FeedbackEvent(messageId, userId, anonymousId, timestamp, kind, survey, scale, score,
        Optional.of(comment), touchpointId, channel, stage);
  }

  /** @return a copy with the channel set */
  public FeedbackEvent withChannel(Channel channel) {
    return new FeedbackEvent(messageId, userId, anonymousId, timestamp, kind, survey, scale, score,
        comment, touchpointId, channel, stage);
  }

  @Override
  public Type type() {
    return Type.FEEDBACK;
  }

  /** @return the feedback this event is stored as */
  public Feedback toFeedback() {
    return new Feedback(messageId, subject(), timestamp, kind, survey, scale, score, comment,
        touchpointId, channel, stage);
  }
}
