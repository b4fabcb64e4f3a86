package io.cxs.metrics.kpi;

import static com.google.common.base.Preconditions.checkArgument;

import io.cxs.core.feedback.Scale;
import java.util.Objects;

/**
 * The counts behind a Net Promoter Score (Reichheld 2003, "The One Number You Need to Grow"):
 * answers to "How likely are you to recommend us?" on the 0–10 scale are <em>promoters</em>
 * (9–10), <em>passives</em> (7–8) or <em>detractors</em> (0–6).
 *
 * <p>An immutable monoid: {@link #empty()} is the identity, {@link #add(int)} counts one answer
 * in O(1), {@link #merge} is associative and commutative, and {@link #result()} computes the
 * score. Skipped answers are counted apart and never enter the denominator.
 *
 * @param promoters answers 9 or 10, at least 0
 * @param passives answers 7 or 8, at least 0
 * @param detractors answers 0 to 6, at least 0
 * @param skipped survey responses without a score, at least 0
 * @since 0.1
 */
public record NpsAggregate(long promoters, long passives, long detractors, long skipped) {
  private static final NpsAggregate EMPTY = new NpsAggregate(0, 0, 0, 0);

  /** @throws IllegalArgumentException if a count is negative */
  public NpsAggregate {
    checkArgument(promoters >= 0, "promoters must be at least 0 but was %s", promoters);
    checkArgument(passives >= 0, "passives must be at least 0 but was %s", passives);
    checkArgument(detractors >= 0, "detractors must be at least 0 but was %s", detractors);
    checkArgument(skipped >= 0, "skipped must be at least 0 but was %s", skipped);
  }

  /** @return the aggregate of no answers, the identity of {@link #merge} */
  public static NpsAggregate empty() {
    return EMPTY;
  }

  /**
   * @param score an answer on the 0–10 scale
   * @return a copy that also counts this answer
   * @throws IllegalArgumentException if {@code score} is not in [0, 10]
   */
  public NpsAggregate add(int score) {
    checkArgument(Scale.NPS.contains(score), "score must be in [0, 10] but was %s", score);
    if (score >= 9) {
      return new NpsAggregate(promoters + 1, passives, detractors, skipped);
    }
    if (score >= 7) {
      return new NpsAggregate(promoters, passives + 1, detractors, skipped);
    }
    return new NpsAggregate(promoters, passives, detractors + 1, skipped);
  }

  /** @return a copy that also counts one skipped or dismissed answer */
  public NpsAggregate addSkipped() {
    return new NpsAggregate(promoters, passives, detractors, skipped + 1);
  }

  /**
   * @param other another aggregate
   * @return the aggregate of both samples
   */
  public NpsAggregate merge(NpsAggregate other) {
    Objects.requireNonNull(other, "other");
    return new NpsAggregate(promoters + other.promoters, passives + other.passives,
        detractors + other.detractors, skipped + other.skipped);
  }

  /** @return the number of scored answers, {@code promoters + passives + detractors} */
  public long responses() {
    return promoters + passives + detractors;
  }

  /** @return the result, with the sample flagged sufficient from {@link KpiQuery#DEFAULT_MINIMUM_SAMPLE} answers */
  public NpsResult result() {
    return result(KpiQuery.DEFAULT_MINIMUM_SAMPLE);
  }

  /**
   * @param minimumSample the number of answers from which the sample counts as sufficient
   * @return the score, its 95% confidence interval and the counts
   * @throws IllegalArgumentException if {@code minimumSample < 1}
   */
  public NpsResult result(int minimumSample) {
    return NpsResult.of(this, minimumSample);
  }
}
