package io.cxs.metrics.clv;

import java.util.Arrays;

/**
 * Unconstrained minimisation by BFGS with a backtracking (Armijo) line search. The models
 * optimise over log-parameters, so every point is valid; a point where the objective is not
 * finite is treated as a failed step and the step is shortened.
 */
final class Bfgs {

  /** An objective that writes its gradient into {@code gradient} and returns its value. */
  @FunctionalInterface
  interface Objective {
    double evaluate(double[] x, double[] gradient);
  }

  /** An objective without a gradient. */
  @FunctionalInterface
  interface Function {
    double value(double[] x);
  }

  /** The outcome of a minimisation. */
  record Result(double[] x, double value, double gradientNorm, int iterations, int evaluations, boolean converged) {}

  private static final double ARMIJO = 1e-4;
  private static final double MAX_STEP = 3.0;

  private Bfgs() {}

  /**
   * Wraps an objective that has no gradient with central differences of step
   * {@code h = 1e-6 · max(1, |xᵢ|)}.
   */
  static Objective numericGradient(Function f) {
    return (x, g) -> {
      double fx = f.value(x);
      double[] y = x.clone();
      for (int i = 0; i < x.length; i++) {
        double h = 1e-6 * Math.max(1, Math.abs(x[i]));
        y[i] = x[i] + h;
        double up = f.value(y);
        y[i] = x[i] - h;
        double down = f.value(y);
        y[i] = x[i];
        g[i] = (up - down) / (2 * h);
      }
      return fx;
    };
  }

  /**
   * Minimises {@code f} from {@code start}.
   *
   * @param gradientTolerance converged when the largest gradient component is at most this
   * @param maxIterations most BFGS iterations
   */
  static Result minimize(Objective f, double[] start, double gradientTolerance, int maxIterations) {
    int n = start.length;
    double[] x = start.clone();
    double[] g = new double[n];
    int evaluations = 1;
    double fx = f.evaluate(x, g);
    if (!Double.isFinite(fx) || !allFinite(g)) {
      return new Result(x, fx, Double.NaN, 0, evaluations, false);
    }
    double[][] h = identity(n);
    double[] xNew = new double[n];
    double[] gNew = new double[n];
    double[] p = new double[n];
    double[] s = new double[n];
    double[] y = new double[n];
    boolean firstStep = true;
    int iteration = 0;
    while (iteration < maxIterations) {
      if (maxAbs(g) <= gradientTolerance) {
        return new Result(x, fx, maxAbs(g), iteration, evaluations, true);
      }
      iteration++;
      // p = −H g
      for (int i = 0; i < n; i++) {
        double sum = 0;
        for (int j = 0; j < n; j++) {
          sum -= h[i][j] * g[j];
        }
        p[i] = sum;
      }
      double slope = dot(p, g);
      if (!(slope < 0)) {
        // not a descent direction: restart from steepest descent
        h = identity(n);
        for (int i = 0; i < n; i++) {
          p[i] = -g[i];
        }
        slope = dot(p, g);
      }
      double norm = Math.sqrt(dot(p, p));
      double step = norm > MAX_STEP ? MAX_STEP / norm : 1.0;
      double fNew = Double.NaN;
      boolean accepted = false;
      for (int k = 0; k < 60; k++) {
        for (int i = 0; i < n; i++) {
          xNew[i] = x[i] + step * p[i];
        }
        fNew = f.evaluate(xNew, gNew);
        evaluations++;
        if (Double.isFinite(fNew) && allFinite(gNew) && fNew <= fx + ARMIJO * step * slope) {
          accepted = true;
          break;
        }
        step *= Double.isFinite(fNew) ? quadraticShrink(fx, slope, step, fNew) : 0.1;
      }
      if (!accepted) {
        // no decrease along the search direction: x is as good as this precision allows
        double gn = maxAbs(g);
        return new Result(x, fx, gn, iteration, evaluations, gn <= 100 * gradientTolerance);
      }
      double sy = 0;
      for (int i = 0; i < n; i++) {
        s[i] = xNew[i] - x[i];
        y[i] = gNew[i] - g[i];
        sy += s[i] * y[i];
      }
      if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
        if (firstStep) {
          double scale = sy / dot(y, y);
          for (double[] row : h) {
            Arrays.fill(row, 0);
          }
          for (int i = 0; i < n; i++) {
            h[i][i] = scale;
          }
          firstStep = false;
        }
        update(h, s, y, sy);
      }
      System.arraycopy(xNew, 0, x, 0, n);
      System.arraycopy(gNew, 0, g, 0, n);
      fx = fNew;
    }
    double gn = maxAbs(g);
    return new Result(x, fx, gn, iteration, evaluations, gn <= gradientTolerance);
  }

  /** Factor in [0.1, 0.5] for the next trial step, from a quadratic through the known values. */
  private static double quadraticShrink(double f0, double slope, double step, double fStep) {
    double denominator = 2 * (fStep - f0 - slope * step);
    if (!(denominator > 0)) {
      return 0.5;
    }
    double best = -slope * step * step / denominator;
    return Math.min(0.5, Math.max(0.1, best / step));
  }

  /** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1 / (yᵀs). */
  private static void update(double[][] h, double[] s, double[] y, double sy) {
    int n = s.length;
    double rho = 1 / sy;
    double[] hy = new double[n];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int j = 0; j < n; j++) {
        sum += h[i][j] * y[j];
      }
      hy[i] = sum;
    }
    double yhy = dot(y, hy);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        h[i][j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
      }
    }
  }

  private static double[][] identity(int n) {
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      m[i][i] = 1;
    }
    return m;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static double maxAbs(double[] a) {
    double max = 0;
    for (double v : a) {
      max = Math.max(max, Math.abs(v));
    }
    return max;
  }

  private static boolean allFinite(double[] a) {
    for (double v : a) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }
}
