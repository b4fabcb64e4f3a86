package io.cxs.metrics.stats;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A closed interval {@code [lower, upper]} of finite numbers, such as a confidence interval.
 *
 * @param lower the lower bound
 * @param upper the upper bound, at least {@code lower}
 * @since 0.1
 */
public record Interval(double lower, double upper) {

  /**
   * @throws IllegalArgumentException if a bound is not finite or {@code lower > upper}
   */
  public Interval {
    checkArgument(Double.isFinite(lower), "lower must be finite but was %s", lower);
    checkArgument(Double.isFinite(upper), "upper must be finite but was %s", upper);
    checkArgument(lower <= upper, "lower must be at most upper but was [%s, %s]", lower, upper);
  }

  /**
   * @param lower the lower bound
   * @param upper the upper bound
   * @return the interval
   * @throws IllegalArgumentException as the constructor
   */
  public static Interval of(double lower, double upper) {
    return new Interval(lower, upper);
  }

  /** @return {@code upper - lower} */
  public double width() {
    return upper - lower;
  }

  /** @return true if {@code lower <= x <= upper} */
  public boolean contains(double x) {
    return x >= lower && x <= upper;
  }

  /** @return a copy scaled by {@code factor} (a positive number), e.g. 100 for percentage points */
  public Interval scale(double factor) {
    checkArgument(factor > 0 && Double.isFinite(factor), "factor must be positive but was %s",
        factor);
    return new Interval(lower * factor, upper * factor);
  }

  /**
   * @param min the lowest allowed value
   * @param max the highest allowed value, at least {@code min}
   * @return this interval clipped to {@code [min, max]}
   * @throws IllegalArgumentException if {@code min > max}
   */
  public Interval clamp(double min, double max) {
    checkArgument(min <= max, "min must be at most max but was [%s, %s]", min, max);
    double lo = Math.min(Math.max(lower, min), max);
    double hi = Math.max(Math.min(upper, max), min);
    return new Interval(lo, hi);
  }
}
