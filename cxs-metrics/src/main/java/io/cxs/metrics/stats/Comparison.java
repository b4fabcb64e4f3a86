package io.cxs.metrics.stats;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The outcome of a test of whether a KPI changed between two samples (two periods or two
 * groups), {@code b} compared with {@code a}.
 *
 * @param difference {@code b − a}, in the KPI's own unit (points for NPS and CSAT)
 * @param standardError the standard error of the difference, in the same unit; at least 0
 * @param statistic the test statistic ({@code z}, or Welch's {@code t}); 0 when the standard
 *     error is 0 and the difference is 0
 * @param pValue the two-sided p-value in [0, 1]
 * @since 0.1
 */
public record Comparison(double difference, double standardError, double statistic,
    double pValue) {

  /** The significance level used by {@link #significant()}. */
  public static final double DEFAULT_ALPHA = 0.05;

  /**
   * @throws IllegalArgumentException if a value is not finite, the standard error is negative or
   *     the p-value is outside [0, 1]
   */
  public Comparison {
    checkArgument(Double.isFinite(difference), "difference must be finite but was %s", difference);
    checkArgument(standardError >= 0 && Double.isFinite(standardError),
        "standardError must be finite and at least 0 but was %s", standardError);
    checkArgument(Double.isFinite(statistic), "statistic must be finite but was %s", statistic);
    checkArgument(pValue >= 0 && pValue <= 1, "pValue must be in [0, 1] but was %s", pValue);
  }

  /** @return true if {@code pValue < 0.05} */
  public boolean significant() {
    return significantAt(DEFAULT_ALPHA);
  }

  /**
   * @param alpha the significance level in (0, 1)
   * @return true if {@code pValue < alpha}
   * @throws IllegalArgumentException if {@code alpha} is not in (0, 1)
   */
  public boolean significantAt(double alpha) {
    checkArgument(alpha > 0 && alpha < 1, "alpha must be in (0, 1) but was %s", alpha);
    return pValue < alpha;
  }
}
