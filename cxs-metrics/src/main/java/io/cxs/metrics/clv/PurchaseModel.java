package io.cxs.metrics.clv;

import java.util.List;
import java.util.Map;

/**
 * A model of how many purchases customers make and when they silently drop out, with its
 * parameters: {@link BgNbdModel}, {@link MbgNbdModel} or {@link ParetoNbdModel}. Times are in the
 * unit of the summaries the model was fitted on. Implementations are immutable and thread-safe.
 *
 * @since 0.1
 */
public sealed interface PurchaseModel permits BgNbdModel, MbgNbdModel, ParetoNbdModel {

  /** @return the model's short name: {@code "bgnbd"}, {@code "mbgnbd"} or {@code "pareto-nbd"} */
  String modelName();

  /** @return the parameters by their conventional names, in the conventional order */
  Map<String, Double> parameters();

  /** @return ln L(params | x, t<sub>x</sub>, T) of one customer */
  double logLikelihood(RfmSummary customer);

  /** @return Σ of {@link #logLikelihood(RfmSummary)} over the customers; 0 for none */
  default double logLikelihood(List<RfmSummary> customers) {
    double sum = 0;
    for (RfmSummary c : customers) {
      sum += logLikelihood(c);
    }
    return sum;
  }

  /** @return P(alive | x, t<sub>x</sub>, T), the probability the customer is still active at T; in [0, 1] */
  double probabilityAlive(RfmSummary customer);

  /**
   * @param t the horizon after the end of calibration; finite and at least 0
   * @return E[Y(t) | x, t<sub>x</sub>, T], the expected number of purchases in (T, T + t]; at least 0
   * @throws IllegalArgumentException if {@code t} is negative or not finite
   */
  double expectedPurchases(RfmSummary customer, double t);

  /**
   * @param t the time since acquisition; finite and at least 0
   * @return E[X(t)], the expected number of repeat purchases in (0, t] of a newly acquired customer
   * @throws IllegalArgumentException if {@code t} is negative or not finite
   */
  double expectedPurchases(double t);
}
