package io.cxs.metrics.clv;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * A fitted model together with its diagnostics. Immutable.
 *
 * @param <M> the model type, such as {@link BgNbdModel}
 * @param model the maximum-likelihood parameters
 * @param diagnostics how the fit went; {@code converged()} is always true (a fit that does not
 *     converge throws {@link ModelFitException})
 * @param sampleSize the number of customers the likelihood covers
 * @since 0.1
 */
public record ModelFit<M>(M model, FitDiagnostics diagnostics, int sampleSize) {

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code sampleSize} is not positive
   */
  public ModelFit {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(diagnostics, "diagnostics");
    checkArgument(sampleSize > 0, "sampleSize must be positive but was %s", sampleSize);
  }

  /** @return {@code diagnostics().logLikelihood()} */
  public double logLikelihood() {
    return diagnostics.logLikelihood();
  }
}
