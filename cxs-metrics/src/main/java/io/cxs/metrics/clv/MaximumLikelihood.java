package io.cxs.metrics.clv;

import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs BFGS on −LL/n + L2 penalty over log-parameters and turns the result into a fit or an exception. */
final class MaximumLikelihood {
  private static final Logger LOG = LoggerFactory.getLogger(MaximumLikelihood.class);

  /** A log-likelihood over log-parameters; writes d LL / d ln θ into {@code gradient} when it is not null. */
  @FunctionalInterface
  interface LogLikelihood {
    double evaluate(double[] logParams, double[] gradient);
  }

  private MaximumLikelihood() {}

  /**
   * @param analyticGradient whether {@code ll} fills its gradient; if not, central differences are used
   * @return the fitted parameters on their natural scale, followed by the diagnostics
   */
  static Estimate fit(
      String model, LogLikelihood unsafe, boolean analyticGradient, double totalWeight, double[] start, FitOptions options) {
    // a special function that gives up far from the optimum makes that point unusable, not the fit
    LogLikelihood ll =
        (theta, g) -> {
          try {
            return unsafe.evaluate(theta, g);
          } catch (ArithmeticException e) {
            return Double.NaN;
          }
        };
    double penalizer = options.penalizer();
    int n = start.length;
    Bfgs.Objective objective;
    if (analyticGradient) {
      objective =
          (theta, g) -> {
            double value = ll.evaluate(theta, g);
            double penalty = 0;
            for (int i = 0; i < n; i++) {
              double p = Math.exp(theta[i]);
              penalty += p * p;
              g[i] = -g[i] / totalWeight + 2 * penalizer * p * p;
            }
            return -value / totalWeight + penalizer * penalty;
          };
    } else {
      objective =
          Bfgs.numericGradient(
              theta -> {
                double penalty = 0;
                for (int i = 0; i < n; i++) {
                  double p = Math.exp(theta[i]);
                  penalty += p * p;
                }
                return -ll.evaluate(theta, null) / totalWeight + penalizer * penalty;
              });
    }
    Bfgs.Result r = Bfgs.minimize(objective, start, options.gradientTolerance(), options.maxIterations());
    double logLikelihood = ll.evaluate(r.x(), null);
    FitDiagnostics d =
        new FitDiagnostics(r.converged(), r.iterations(), r.evaluations(), r.gradientNorm(), logLikelihood);
    if (!r.converged() || !Double.isFinite(logLikelihood)) {
      throw new ModelFitException(model, d);
    }
    double[] params = new double[n];
    for (int i = 0; i < n; i++) {
      params[i] = Math.exp(r.x()[i]);
    }
    LOG.debug("{} fit: params {}, {}", model, Arrays.toString(params), d);
    return new Estimate(params, d);
  }

  record Estimate(double[] params, FitDiagnostics diagnostics) {}
}
