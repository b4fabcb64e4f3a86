package io.cxs.metrics.clv;

import io.cxs.core.CxsException;
import java.util.Objects;

/**
 * A maximum-likelihood fit did not converge: the optimiser ran out of iterations, or could not
 * decrease the objective while its gradient was still large, or the likelihood was not finite at
 * the starting point. Carries the model name and the diagnostics of the last point reached;
 * the parameters there are not returned because they are not an estimate.
 *
 * @since 0.1
 */
public class ModelFitException extends CxsException {
  private static final long serialVersionUID = 1L;
  private final String model;
  private final transient FitDiagnostics diagnostics;

  /**
   * @param model the model, such as {@code "bgnbd"}
   * @param diagnostics where the optimiser stopped
   */
  public ModelFitException(String model, FitDiagnostics diagnostics) {
    super(
        model
            + " fit did not converge after "
            + diagnostics.iterations()
            + " iterations (gradient norm "
            + diagnostics.gradientNorm()
            + ", log-likelihood "
            + diagnostics.logLikelihood()
            + ")");
    this.model = Objects.requireNonNull(model, "model");
    this.diagnostics = diagnostics;
  }

  /** @return the model, such as {@code "bgnbd"} */
  public String model() {
    return model;
  }

  /** @return where the optimiser stopped */
  public FitDiagnostics diagnostics() {
    return diagnostics;
  }
}
