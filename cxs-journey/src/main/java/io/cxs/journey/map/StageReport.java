package io.cxs.journey.map;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How customers moved through one stage of a {@link JourneyMap}.
 *
 * @param name the stage's name
 * @param reached customers with at least one touchpoint in the stage
 * @param medianSecondsToReach median time from the customer's first touchpoint to the first
 *     touchpoint of this stage; empty if nobody reached it
 * @param p90SecondsToReach the 90th percentile of the same times
 * @param withinTarget customers who reached this stage from the previous one within the stage's
 *     target (0 without a target)
 * @param left customers for whom this is the furthest stage reached (for the last stage: those
 *     who completed the journey)
 * @param lastEvents for the customers who left here, their last event and how many ended on it,
 *     most frequent first (at most 5)
 * @param channels customers who used each channel in this stage, most used first
 * @param momentsOfTruth customers who went through each moment of truth, in map order
 * @param feedback the feedback given at this stage
 * @since 0.1
 */
public record StageReport(String name, long reached, OptionalDouble medianSecondsToReach,
    OptionalDouble p90SecondsToReach, long withinTarget, long left, Map<String, Long> lastEvents,
    Map<String, Long> channels, Map<String, Long> momentsOfTruth, StageFeedback feedback) {

  /** @throws NullPointerException if an argument is null */
  public StageReport {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(medianSecondsToReach, "medianSecondsToReach");
    Objects.requireNonNull(p90SecondsToReach, "p90SecondsToReach");
    Objects.requireNonNull(lastEvents, "lastEvents");
    Objects.requireNonNull(channels, "channels");
    Objects.requireNonNull(momentsOfTruth, "momentsOfTruth");
    Objects.requireNonNull(feedback, "feedback");
  }

  /** @return the stage's name and counts, for logs */
  @Override
  public String toString() {
    return "StageReport[" + name + ", reached=" + reached + ", left=" + left + "]";
  }
}
