package io.cxs.journey.funnel;

import static com.google.common.base.Preconditions.checkArgument;

import io.cxs.core.customer.CustomerId;
import io.cxs.journey.timeline.Customers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The result of {@link Funnel#run}: per-step counts, conversions, drop-off and times, an optional
 * breakdown, and the ids of the customers who dropped at each step. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class FunnelReport {
  private final long customers;
  private final List<FunnelStepResult> steps;
  private final OptionalDouble medianSecondsToConvert;
  private final Optional<String> breakdownName;
  private final Map<String, List<Long>> segments;
  private final Customers index;
  private final int[] reached;
  private final int[] previousRequired;

  FunnelReport(long customers, List<FunnelStepResult> steps, OptionalDouble medianSecondsToConvert,
      Optional<String> breakdownName, Map<String, List<Long>> segments, Customers index,
      int[] reached, int[] previousRequired) {
    this.customers = customers;
    this.steps = List.copyOf(steps);
    this.medianSecondsToConvert = medianSecondsToConvert;
    this.breakdownName = breakdownName;
    this.segments = Collections.unmodifiableMap(new LinkedHashMap<>(segments));
    this.index = index;
    this.reached = reached;
    this.previousRequired = previousRequired;
  }

  /** @return the customers with at least one touchpoint in the scan, whether or not they started */
  public long customers() {
    return customers;
  }

  /** @return the customers who reached step 1 */
  public long entered() {
    return steps.get(0).count();
  }

  /** @return one result per step, in funnel order */
  public List<FunnelStepResult> steps() {
    return steps;
  }

  /**
   * @return the median time in seconds from step 1 to the last step, over customers who reached
   *     the last step (their best attempt); empty if none did
   */
  public OptionalDouble medianSecondsToConvert() {
    return medianSecondsToConvert;
  }

  /** @return the breakdown dimension's name, or empty without a breakdown */
  public Optional<String> breakdown() {
    return breakdownName;
  }

  /**
   * @return for each segment of the breakdown, the customers who reached each step (in funnel
   *     order); segments ordered by step-1 count, descending, then by name. Empty without a
   *     breakdown
   */
  public Map<String, List<Long>> segments() {
    return segments;
  }

  /**
   * The customers who reached the previous required step but not this one, so they can be acted
   * on.
   *
   * @param step a step index, from 1 (the second step) to {@code steps().size() - 1}
   * @return their ids, in no particular order
   * @throws IllegalArgumentException if {@code step} is out of that range
   */
  public List<CustomerId> droppedAt(int step) {
    checkArgument(step >= 1 && step < steps.size(),
        "step must be in [1, %s] but was %s", steps.size() - 1, step);
    int prevBit = 1 << previousRequired[step];
    int bit = 1 << step;
    List<CustomerId> out = new ArrayList<>();
    for (int c = 0; c < reached.length; c++) {
      if ((reached[c] & prevBit) != 0 && (reached[c] & bit) == 0) {
        out.add(index.id(c));
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "FunnelReport[customers=" + customers + ", steps=" + steps + "]";
  }
}
