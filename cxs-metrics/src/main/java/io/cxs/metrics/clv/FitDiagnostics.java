package io.cxs.metrics.clv;

/**
 * How a maximum-likelihood fit went.
 *
 * @param converged true if the gradient criterion of {@link FitOptions} was met
 * @param iterations the BFGS iterations taken
 * @param evaluations the objective evaluations made (a numeric gradient counts as one)
 * @param gradientNorm the largest component of the gradient of the per-customer objective with
 *     respect to the log-parameters, at the returned parameters
 * @param logLikelihood the log-likelihood LL of the data at the returned parameters (without
 *     the penalty)
 * @since 0.1
 */
public record FitDiagnostics(
    boolean converged, int iterations, int evaluations, double gradientNorm, double logLikelihood) {}
