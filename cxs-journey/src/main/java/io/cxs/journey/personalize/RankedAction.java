package io.cxs.journey.personalize;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * A candidate action with its rank for one customer.
 *
 * @param rank 1 for the best
 * @param candidate the candidate
 * @param score its value when it can be taken, else 0
 * @param eligible true if every condition holds and neither consent nor the frequency cap block
 *     it
 * @param reason why it has this rank, in words
 * @since 0.1
 */
public record RankedAction(int rank, ActionCandidate candidate, double score, boolean eligible,
    String reason) {

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code rank < 1} or {@code score} is not finite
   */
  public RankedAction {
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(reason, "reason");
    checkArgument(rank >= 1, "rank must be at least 1 but was %s", rank);
    checkArgument(Double.isFinite(score), "score must be finite but was %s", score);
  }
}
