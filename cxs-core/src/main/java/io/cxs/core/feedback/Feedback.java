package io.cxs.core.feedback;

import static com.google.common.base.Preconditions.checkArgument;

import io.cxs.core.customer.Identity;
import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.JourneyStage;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One piece of feedback: a survey answer, a review or a complaint. Like a touchpoint, it keeps
 * the identity it arrived with.
 *
 * <p>A survey response without a score is a skipped or dismissed question: it is kept and
 * counted as such, never in a KPI's denominator.
 *
 * @param eventId the event's unique id (Segment {@code messageId})
 * @param subject the identity it arrived with
 * @param timestamp when it was given
 * @param kind survey answer, review or complaint
 * @param survey the survey or question, such as {@code "nps"}; for reviews and complaints a
 *     topic such as {@code "product"}; non-blank, lower case
 * @param scale the answer scale
 * @param score the answer, within {@code scale}; empty if skipped, or for a complaint without one
 * @param comment free text, if any
 * @param touchpointId the event id of the touchpoint this feedback rates, if any
 * @param channel the channel it was given on
 * @param stage the journey stage it refers to, if known
 * @since 0.1
 */
public record Feedback(String eventId, Identity subject, Instant timestamp, FeedbackKind kind,
    String survey, Scale scale, OptionalInt score, Optional<String> comment,
    Optional<String> touchpointId, Channel channel, Optional<JourneyStage> stage) {

  /** The longest accepted comment, in characters. */
  public static final int MAX_COMMENT_LENGTH = 10_000;

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code eventId} or {@code survey} is blank, the score is
   *     outside the scale, or the comment is longer than {@link #MAX_COMMENT_LENGTH}
   */
  public Feedback {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(survey, "survey");
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(touchpointId, "touchpointId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(stage, "stage");
    checkArgument(!eventId.isBlank(), "eventId must not be blank but was '%s'", eventId);
    survey = survey.trim().toLowerCase(java.util.Locale.ROOT);
    checkArgument(!survey.isEmpty() && survey.length() <= 100,
        "survey must be 1 to 100 characters but was '%s'", survey);
    if (score.isPresent()) {
      checkArgument(scale.contains(score.getAsInt()), "score must be in [%s, %s] for survey '%s' but was %s",
          scale.min(), scale.max(), survey, score.getAsInt());
    }
    comment.ifPresent(c -> checkArgument(c.length() <= MAX_COMMENT_LENGTH,
        "comment must be at most %s characters but had %s", MAX_COMMENT_LENGTH, c.length()));
    touchpointId.ifPresent(t -> checkArgument(!t.isBlank(), "touchpointId must not be blank"));
  }

  /**
   * A survey answer with a score and nothing else.
   *
   * @param eventId the event id
   * @param subject the identity it arrived with
   * @param timestamp when it was given
   * @param survey the survey, such as {@code "nps"}
   * @param scale the scale
   * @param score the answer
   * @return the feedback
   * @throws IllegalArgumentException if the score is outside the scale
   */
  public static Feedback survey(String eventId, Identity subject, Instant timestamp, String survey,
      Scale scale, int score) {
    return new Feedback(eventId, subject, timestamp, FeedbackKind.SURVEY, survey, scale,
        OptionalInt.of(score), Optional.empty(), Optional.empty(), Channel.UNKNOWN,
        Optional.empty());
  }

  /** @return true if this is a survey answer without a score (skipped or dismissed) */
  public boolean skipped() {
    return kind == FeedbackKind.SURVEY && score.isEmpty();
  }

  /** @return a copy with the comment set */
  public Feedback withComment(String comment) {
    return new Feedback(eventId, subject, timestamp, kind, survey, scale, score,
        Optional.of(comment), touchpointId, channel, stage);
  }

  /** @return a copy with the channel set */
  public Feedback withChannel(Channel channel) {
    return new Feedback(eventId, subject, timestamp, kind, survey, scale, score, comment,
        touchpointId, channel, stage);
  }

  /** @return a copy with the journey stage set */
  public Feedback withStage(JourneyStage stage) {
    return new Feedback(eventId, subject, timestamp, kind, survey, scale, score, comment,
        touchpointId, channel, Optional.of(stage));
  }

  /** @return a copy that rates the touchpoint with this event id */
  public Feedback withTouchpointId(String touchpointId) {
    return new Feedback(eventId, subject, timestamp, kind, survey, scale, score, comment,
        Optional.of(touchpointId), channel, stage);
  }
}
