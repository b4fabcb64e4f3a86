package io.cxs.metrics.kpi;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * The sufficient statistics of a Customer Effort Score under a {@link CesRule}: the count, the
 * sum and the sum of squares of the answers (for the mean and its t-interval), and the number of
 * low-effort answers. Sums are exact integers, so merging is exactly associative.
 *
 * <p>An immutable monoid: {@link #empty(CesRule)} is the identity for its rule, {@link #add(int)}
 * counts one answer in O(1), {@link #merge} is associative and commutative (aggregates under
 * different rules cannot be merged), and {@link #result()} computes the scores. Skipped answers
 * are counted apart and never enter the denominator.
 *
 * @param rule the scale and the low-effort threshold
 * @param responses scored answers
 * @param sum the sum of the answers
 * @param sumOfSquares the sum of the squared answers
 * @param lowEffort answers at or above the rule's threshold
 * @param skipped survey responses without a score
 * @since 0.1
 */
public record CesAggregate(CesRule rule, long responses, long sum, long sumOfSquares,
    long lowEffort, long skipped) {

  /** @throws IllegalArgumentException if a count is negative or inconsistent */
  public CesAggregate {
    Objects.requireNonNull(rule, "rule");
    checkArgument(responses >= 0, "responses must be at least 0 but was %s", responses);
    checkArgument(lowEffort >= 0 && lowEffort <= responses,
        "lowEffort must be in [0, %s] but was %s", responses, lowEffort);
    checkArgument(skipped >= 0, "skipped must be at least 0 but was %s", skipped);
    checkArgument(sumOfSquares >= 0, "sumOfSquares must be at least 0 but was %s", sumOfSquares);
  }

  /**
   * @param rule the rule
   * @return the aggregate of no answers under {@code rule}
   */
  public static CesAggregate empty(CesRule rule) {
    return new CesAggregate(rule, 0, 0, 0, 0, 0);
  }

  /** @return the empty aggregate under {@link CesRule#ofDefaults()} */
  public static CesAggregate empty() {
    return empty(CesRule.ofDefaults());
  }

  /**
   * @param score an answer on the rule's scale
   * @return a copy that also counts this answer
   * @throws IllegalArgumentException if {@code score} is off the scale
   */
  public CesAggregate add(int score) {
    checkArgument(rule.scale().contains(score), "score must be in [%s, %s] but was %s",
        rule.scale().min(), rule.scale().max(), score);
    return new CesAggregate(rule, responses + 1, sum + score, sumOfSquares + (long) score * score,
        lowEffort + (score >= rule.lowEffortFrom() ? 1 : 0), skipped);
  }

  /** @return a copy that also counts one skipped or dismissed answer */
  public CesAggregate addSkipped() {
    return new CesAggregate(rule, responses, sum, sumOfSquares, lowEffort, skipped + 1);
  }

  /**
   * @param other an aggregate under the same rule
   * @return the aggregate of both samples
   * @throws IllegalArgumentException if the rules differ
   */
  public CesAggregate merge(CesAggregate other) {
    Objects.requireNonNull(other, "other");
    checkArgument(rule.equals(other.rule), "rule must be %s to merge but was %s", rule, other.rule);
    return new CesAggregate(rule, responses + other.responses, sum + other.sum,
        sumOfSquares + other.sumOfSquares, lowEffort + other.lowEffort, skipped + other.skipped);
  }

  /** @return the result, sufficient from {@link KpiQuery#DEFAULT_MINIMUM_SAMPLE} answers */
  public CesResult result() {
    return result(KpiQuery.DEFAULT_MINIMUM_SAMPLE);
  }

  /**
   * @param minimumSample the number of answers from which the sample counts as sufficient
   * @return the mean, the low-effort share, their 95% confidence intervals and the counts
   * @throws IllegalArgumentException if {@code minimumSample < 1}
   */
  public CesResult result(int minimumSample) {
    return CesResult.of(this, minimumSample);
  }
}
