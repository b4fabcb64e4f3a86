package io.cxs.metrics.clv;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

/**
 * How a model is fitted by maximum likelihood. The optimiser (BFGS over the logarithms of the
 * parameters, so they stay positive) minimises
 *
 * <pre>{@code
 * objective(θ) = −LL(θ) / n + penalizer · Σᵢ θᵢ²
 * }</pre>
 *
 * where LL is the log-likelihood of the n customers and θᵢ are the parameters on their natural
 * scale (the L2 penalty of the {@code lifetimes} package). It stops when every component of the
 * gradient of the objective with respect to ln θ is at most {@code gradientTolerance}.
 * Immutable.
 *
 * <pre>{@code
 * FitOptions options = FitOptions.custom().penalizer(0.001).maxIterations(200).build();
 * }</pre>
 *
 * @param penalizer the L2 penalty coefficient; finite and at least 0
 * @param maxIterations the most BFGS iterations; positive
 * @param gradientTolerance the convergence threshold on the gradient; finite and positive
 * @since 0.1
 */
public record FitOptions(double penalizer, int maxIterations, double gradientTolerance) {
  /** No penalty. */
  public static final double DEFAULT_PENALIZER = 0;
  /** 500 iterations; the CDNOW fits take 20 to 40. */
  public static final int DEFAULT_MAX_ITERATIONS = 500;
  /** 1e-7 on the per-customer objective. */
  public static final double DEFAULT_GRADIENT_TOLERANCE = 1e-7;

  /**
   * @throws IllegalArgumentException if a component is outside its documented range
   */
  public FitOptions {
    checkArgument(
        Double.isFinite(penalizer) && penalizer >= 0, "penalizer must be finite and at least 0 but was %s", penalizer);
    checkArgument(maxIterations > 0, "maxIterations must be positive but was %s", maxIterations);
    checkArgument(
        Double.isFinite(gradientTolerance) && gradientTolerance > 0,
        "gradientTolerance must be finite and positive but was %s",
        gradientTolerance);
  }

  /** @return the defaults: no penalty, 500 iterations, gradient tolerance 1e-7 */
  public static FitOptions ofDefaults() {
    return new FitOptions(DEFAULT_PENALIZER, DEFAULT_MAX_ITERATIONS, DEFAULT_GRADIENT_TOLERANCE);
  }

  /** @return a builder starting from the defaults */
  public static Builder custom() {
    return new Builder(ofDefaults());
  }

  /** @return a builder starting from {@code base} */
  public static Builder from(FitOptions base) {
    return new Builder(base);
  }

  /**
   * Builds {@link FitOptions}; each option may be set once. Not thread-safe.
   *
   * @since 0.1
   */
  public static final class Builder {
    private double penalizer;
    private int maxIterations;
    private double gradientTolerance;
    private boolean penalizerSet;
    private boolean maxIterationsSet;
    private boolean gradientToleranceSet;

    private Builder(FitOptions base) {
      this.penalizer = base.penalizer;
      this.maxIterations = base.maxIterations;
      this.gradientTolerance = base.gradientTolerance;
    }

    /**
     * @return this builder
     * @throws IllegalStateException if the penalizer was already set
     * @throws IllegalArgumentException if {@code value} is negative or not finite
     */
    public Builder penalizer(double value) {
      checkState(!penalizerSet, "penalizer was already set to %s", penalizer);
      checkArgument(Double.isFinite(value) && value >= 0, "penalizer must be finite and at least 0 but was %s", value);
      penalizer = value;
      penalizerSet = true;
      return this;
    }

    /**
     * @return this builder
     * @throws IllegalStateException if the maximum was already set
     * @throws IllegalArgumentException if {@code value} is not positive
     */
    public Builder maxIterations(int value) {
      checkState(!maxIterationsSet, "maxIterations was already set to %s", maxIterations);
      checkArgument(value > 0, "maxIterations must be positive but was %s", value);
      maxIterations = value;
      maxIterationsSet = true;
      return this;
    }

    /**
     * @return this builder
     * @throws IllegalStateException if the tolerance was already set
     * @throws IllegalArgumentException if {@code value} is not finite and positive
     */
    public Builder gradientTolerance(double value) {
      checkState(!gradientToleranceSet, "gradientTolerance was already set to %s", gradientTolerance);
      checkArgument(
          Double.isFinite(value) && value > 0, "gradientTolerance must be finite and positive but was %s", value);
      gradientTolerance = value;
      gradientToleranceSet = true;
      return this;
    }

    /** @return the options */
    public FitOptions build() {
      return new FitOptions(penalizer, maxIterations, gradientTolerance);
    }
  }
}
