package io.cxs.metrics.clv;

/**
 * Repeat purchases a model predicted for a holdout period next to those that happened.
 *
 * @param customers the number of calibration customers compared
 * @param actual Σ x*, the repeat purchase days the customers made in the holdout period
 * @param predicted Σ E[Y(t*) | x, t<sub>x</sub>, T], with t* the length of the holdout period
 * @since 0.1
 */
public record HoldoutComparison(int customers, long actual, double predicted) {

  /** @return (predicted − actual) / actual; empty-case: 0 when both are 0, infinite when only actual is */
  public double relativeError() {
    if (actual == 0) {
      return predicted == 0 ? 0 : Double.POSITIVE_INFINITY;
    }
    return (predicted - actual) / actual;
  }
}
