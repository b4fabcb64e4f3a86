package io.cxs.metrics.kpi;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * The counts behind customer satisfaction (CSAT) and net satisfaction under a {@link CsatRule}:
 * each answer is satisfied, neutral or dissatisfied.
 *
 * <p>An immutable monoid: {@link #empty(CsatRule)} is the identity for its rule, {@link #add(int)}
 * counts one answer in O(1), {@link #merge} is associative and commutative (aggregates under
 * different rules cannot be merged), and {@link #result()} computes the scores. Skipped answers
 * are counted apart and never enter the denominator.
 *
 * @param rule which answers are satisfied and dissatisfied
 * @param satisfied satisfied answers
 * @param neutral answers between the two thresholds
 * @param dissatisfied dissatisfied answers
 * @param skipped survey responses without a score
 * @since 0.1
 */
public record CsatAggregate(CsatRule rule, long satisfied, long neutral, long dissatisfied,
    long skipped) {

  /** @throws IllegalArgumentException if a count is negative */
  public CsatAggregate {
    Objects.requireNonNull(rule, "rule");
    checkArgument(satisfied >= 0, "satisfied must be at least 0 but was %s", satisfied);
    checkArgument(neutral >= 0, "neutral must be at least 0 but was %s", neutral);
    checkArgument(dissatisfied >= 0, "dissatisfied must be at least 0 but was %s", dissatisfied);
    checkArgument(skipped >= 0, "skipped must be at least 0 but was %s", skipped);
  }

  /**
   * @param rule the rule
   * @return the aggregate of no answers under {@code rule}
   */
  public static CsatAggregate empty(CsatRule rule) {
    return new CsatAggregate(rule, 0, 0, 0, 0);
  }

  /** @return the empty aggregate under {@link CsatRule#ofDefaults()} */
  public static CsatAggregate empty() {
    return empty(CsatRule.ofDefaults());
  }

  /**
   * @param score an answer on the rule's scale
   * @return a copy that also counts this answer
   * @throws IllegalArgumentException if {@code score} is off the scale
   */
  public CsatAggregate add(int score) {
    checkArgument(rule.scale().contains(score), "score must be in [%s, %s] but was %s",
        rule.scale().min(), rule.scale().max(), score);
    if (score >= rule.satisfiedFrom()) {
      return new CsatAggregate(rule, satisfied + 1, neutral, dissatisfied, skipped);
    }
    if (score <= rule.dissatisfiedTo()) {
      return new CsatAggregate(rule, satisfied, neutral, dissatisfied + 1, skipped);
    }
    return new CsatAggregate(rule, satisfied, neutral + 1, dissatisfied, skipped);
  }

  /** @return a copy that also counts one skipped or dismissed answer */
  public CsatAggregate addSkipped() {
    return new CsatAggregate(rule, satisfied, neutral, dissatisfied, skipped + 1);
  }

  /**
   * @param other an aggregate under the same rule
   * @return the aggregate of both samples
   * @throws IllegalArgumentException if the rules differ
   */
  public CsatAggregate merge(CsatAggregate other) {
    Objects.requireNonNull(other, "other");
    checkArgument(rule.equals(other.rule), "rule must be %s to merge but was %s", rule, other.rule);
    return new CsatAggregate(rule, satisfied + other.satisfied, neutral + other.neutral,
        dissatisfied + other.dissatisfied, skipped + other.skipped);
  }

  /** @return scored answers, {@code satisfied + neutral + dissatisfied} */
  public long responses() {
    return satisfied + neutral + dissatisfied;
  }

  /** @return the result, sufficient from {@link KpiQuery#DEFAULT_MINIMUM_SAMPLE} answers */
  public CsatResult result() {
    return result(KpiQuery.DEFAULT_MINIMUM_SAMPLE);
  }

  /**
   * @param minimumSample the number of answers from which the sample counts as sufficient
   * @return the scores, their 95% confidence intervals and the counts
   * @throws IllegalArgumentException if {@code minimumSample < 1}
   */
  public CsatResult result(int minimumSample) {
    return CsatResult.of(this, minimumSample);
  }
}
