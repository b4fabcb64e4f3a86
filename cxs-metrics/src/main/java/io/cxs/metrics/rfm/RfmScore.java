package io.cxs.metrics.rfm;

import java.util.Objects;

/**
 * A customer's quintile scores (1–5, 5 best) for recency, frequency and monetary value, and the
 * resulting {@link RfmSegment}.
 *
 * @param customerId the customer
 * @param recency R: 5 for the most recent buyers
 * @param frequency F: 5 for the most frequent buyers
 * @param monetary M: 5 for the highest revenue
 * @since 0.1
 */
public record RfmScore(String customerId, int recency, int frequency, int monetary) {

  /**
   * @throws NullPointerException if {@code customerId} is null
   * @throws IllegalArgumentException if a score is outside 1–5
   */
  public RfmScore {
    Objects.requireNonNull(customerId, "customerId");
    RfmSegment.checkScore("r", recency);
    RfmSegment.checkScore("f", frequency);
    RfmSegment.checkScore("m", monetary);
  }

  /** @return {@link RfmSegment#of RfmSegment.of(recency, frequency, monetary)} */
  public RfmSegment segment() {
    return RfmSegment.of(recency, frequency, monetary);
  }

  /** @return the scores as the usual three-digit code, such as {@code "545"} */
  public String code() {
    return "" + recency + frequency + monetary;
  }
}
