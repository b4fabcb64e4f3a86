package io.cxs.metrics.retention;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * One cell of a cohort retention table: how many customers of a cohort were active a number of
 * periods after the cohort's period.
 *
 * @param offset periods since the cohort's period, at least 0
 * @param active customers of the cohort active in that period, at least 0
 * @since 0.1
 */
public record CohortCell(int offset, int active) {

  /** @throws IllegalArgumentException if {@code offset} or {@code active} is negative */
  public CohortCell {
    checkArgument(offset >= 0, "offset must be at least 0 but was %s", offset);
    checkArgument(active >= 0, "active must be at least 0 but was %s", active);
  }
}
