package io.cxs.journey.action;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How well the loop is closed: closure of follow-up cases, and how detractors who were followed
 * up answer the next survey compared with those who were not.
 *
 * @param opened cases opened
 * @param closed cases closed
 * @param overdue open cases past their due time
 * @param closureRate {@code closed / opened}; empty when nothing was opened
 * @param medianTimeToClose the median of {@code closedAt − openedAt} over closed cases (the mean
 *     of the two middle values for an even count); empty when none is closed
 * @param followedUp recovery of customers whose case was closed
 * @param notFollowedUp recovery of customers whose case is still open
 * @since 0.1
 */
public record ClosedLoopReport(int opened, int closed, int overdue, OptionalDouble closureRate,
    Optional<Duration> medianTimeToClose, Recovery followedUp, Recovery notFollowedUp) {

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a count is negative or {@code closed > opened}
   */
  public ClosedLoopReport {
    checkArgument(opened >= 0 && closed >= 0 && closed <= opened && overdue >= 0,
        "counts must satisfy 0 <= closed <= opened but were opened %s, closed %s", opened, closed);
    Objects.requireNonNull(closureRate, "closureRate");
    Objects.requireNonNull(medianTimeToClose, "medianTimeToClose");
    Objects.requireNonNull(followedUp, "followedUp");
    Objects.requireNonNull(notFollowedUp, "notFollowedUp");
  }

  /**
   * Recovery of detractors: for each case opened by a scored survey answer, the same customer's
   * next scored answer to the same survey after it (the re-survey).
   *
   * @param cases cases in the group that were opened by a scored answer
   * @param rescored of those, how many answered again
   * @param recovered of those, how many answered above the detractor threshold
   * @param recoveryRate {@code recovered / rescored}; empty when nobody answered again
   * @param meanScoreChange the mean of {@code next score − original score}; empty when nobody
   *     answered again
   * @param npsAfter the NPS of the next answers, {@code 100 × (promoters − detractors) / rescored}
   *     with promoters scoring 9–10 and detractors 0–6 (Reichheld 2003); empty when nobody
   *     answered again
   * @since 0.1
   */
  public record Recovery(int cases, int rescored, int recovered, OptionalDouble recoveryRate,
      OptionalDouble meanScoreChange, OptionalDouble npsAfter) {

    /**
     * @throws IllegalArgumentException unless {@code 0 <= recovered <= rescored <= cases}
     */
    public Recovery {
      checkArgument(0 <= recovered && recovered <= rescored && rescored <= cases,
          "counts must satisfy 0 <= recovered <= rescored <= cases but were %s, %s, %s",
          recovered, rescored, cases);
      Objects.requireNonNull(recoveryRate, "recoveryRate");
      Objects.requireNonNull(meanScoreChange, "meanScoreChange");
      Objects.requireNonNull(npsAfter, "npsAfter");
    }
  }
}
