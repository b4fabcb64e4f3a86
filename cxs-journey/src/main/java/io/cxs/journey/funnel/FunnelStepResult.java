package io.cxs.journey.funnel;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The numbers of one funnel step.
 *
 * @param name the step's label
 * @param optional whether the step may be skipped
 * @param count customers who reached the step
 * @param conversionFromStart {@code count / count(step 1)}, in [0, 1]; 0 when nobody started
 * @param conversionFromPrevious {@code count / count(previous step)}, 1 for the first step; 0
 *     when the previous step has no customers. The previous step is the nearest earlier
 *     required step, so that skipped optional steps do not distort it
 * @param dropOff {@code count(previous step) - count}, customers lost since the previous step; 0
 *     for the first step
 * @param medianSecondsFromPrevious the median time from the previous matched step in the best
 *     attempt, 0 for the first step; empty when nobody reached the step
 * @param p90SecondsFromPrevious the 90th percentile of the same times
 * @since 0.1
 */
public record FunnelStepResult(String name, boolean optional, long count,
    double conversionFromStart, double conversionFromPrevious, long dropOff,
    OptionalDouble medianSecondsFromPrevious, OptionalDouble p90SecondsFromPrevious) {

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code count} or {@code dropOff} is negative or a
   *     conversion is outside [0, 1]
   */
  public FunnelStepResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(medianSecondsFromPrevious, "medianSecondsFromPrevious");
    Objects.requireNonNull(p90SecondsFromPrevious, "p90SecondsFromPrevious");
    checkArgument(count >= 0, "count must be non-negative but was %s", count);
    checkArgument(conversionFromStart >= 0 && conversionFromStart <= 1,
        "conversionFromStart must be in [0, 1] but was %s", conversionFromStart);
    checkArgument(conversionFromPrevious >= 0 && conversionFromPrevious <= 1,
        "conversionFromPrevious must be in [0, 1] but was %s", conversionFromPrevious);
    checkArgument(dropOff >= 0, "dropOff must be non-negative but was %s", dropOff);
  }
}
