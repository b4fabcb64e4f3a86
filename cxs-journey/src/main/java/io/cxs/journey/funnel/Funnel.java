package io.cxs.journey.funnel;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import io.cxs.core.Cxs;
import io.cxs.journey.timeline.Customers;
import io.cxs.journey.timeline.TimelineScan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * An ordered conversion funnel: steps, a conversion window and options. Immutable and
 * thread-safe; {@link #run} it over a {@link TimelineScan} (or a {@link Cxs} engine).
 *
 * <pre>{@code
 * Funnel funnel = Funnel.builder()
 *     .step("Product Viewed").step("Product Added").step("Order Completed")
 *     .window(Duration.ofDays(7))
 *     .build();
 * FunnelReport report = funnel.run(cxs);
 * }</pre>
 *
 * <h2>Semantics</h2>
 * Customers are counted after identity resolution: the touchpoints of all of a customer's
 * identities form one timeline in time order (ties keep the store's order).
 * <ul>
 *   <li><b>Attempts.</b> Every occurrence of step 1 starts an attempt. Each later step is matched
 *   by the earliest event of the timeline that satisfies it, comes after the event that matched
 *   the step before it, and happens at most {@code window} after the attempt's step-1 event (the
 *   edge is inclusive). One event satisfies at most one step of an attempt (the highest one it
 *   can).
 *   <li><b>Best attempt.</b> A customer reaches step {@code k} if some attempt reaches it. Times
 *   are taken from the customer's best attempt: the one that reaches the most required steps,
 *   then the most steps, then the earliest.
 *   <li><b>Optional steps</b> ({@link FunnelStep#asOptional()}) may be skipped: the step after an
 *   optional step may follow the step before it. An optional step's count is the customers who
 *   did it within some attempt; counts are non-increasing across required steps.
 *   <li><b>Strict order</b> ({@link Builder#strictOrder()}): within an attempt, an event of any
 *   other funnel step between two matched steps ends the attempt; repeating the current step
 *   does not.
 *   <li><b>Exclusions</b> ({@link Builder#exclude}): an exclusion event ends every attempt
 *   running at that moment; steps after it count only for attempts that start after it. An
 *   exclusion event never satisfies a step.
 *   <li><b>Property conditions</b> ({@link EventPredicate#withProperty}): a step or exclusion
 *   with them is satisfied only by events whose properties hold the given values (equality as
 *   {@link EventPredicate} defines it; a missing property never matches). Properties are read
 *   only for events that already match the predicate's name, channel and stage.
 * </ul>
 * Time from the previous step is measured from the event that matched the nearest earlier step
 * of the same attempt (across skipped optional steps).
 *
 * @since 0.1
 */
public final class Funnel {
  /** The most steps a funnel may have. */
  public static final int MAX_STEPS = 30;

  private final List<FunnelStep> steps;
  private final Duration window;
  private final boolean strict;
  private final List<EventPredicate> exclusions;
  private final Optional<Breakdown> breakdown;
  private final int parallelism;
  private final Executor executor;

  private Funnel(Builder b) {
    this.parallelism = b.parallelism == 0 ? 1 : b.parallelism;
    this.executor = b.executor == null ? ForkJoinPool.commonPool() : b.executor;
    this.steps = List.copyOf(b.steps);
    this.window = b.window;
    this.strict = b.strict;
    this.exclusions = List.copyOf(b.exclusions);
    this.breakdown = Optional.ofNullable(b.breakdown);
  }

  /** @return a builder; at least one step and a window are required */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the steps, in order */
  public List<FunnelStep> steps() {
    return steps;
  }

  /** @return the conversion window, measured from each step-1 event */
  public Duration window() {
    return window;
  }

  /** @return true if another funnel step between two matched steps ends an attempt */
  public boolean strictOrder() {
    return strict;
  }

  /** @return the exclusion events */
  public List<EventPredicate> exclusions() {
    return exclusions;
  }

  /** @return the breakdown dimension, if any */
  public Optional<Breakdown> breakdown() {
    return breakdown;
  }

  /** @return the number of threads a run may use; 1 (the default) runs on the calling thread */
  public int parallelism() {
    return parallelism;
  }

  /**
   * Computes the funnel over every customer of the engine.
   *
   * @param cxs the engine
   * @return the report
   */
  public FunnelReport run(Cxs cxs) {
    return run(TimelineScan.of(cxs));
  }

  /**
   * Computes the funnel in one scan.
   *
   * @param scan the customers' timelines
   * @return the report
   */
  public FunnelReport run(TimelineScan scan) {
    Objects.requireNonNull(scan, "scan");
    if (parallelism == 1) {
      FunnelCounter counter = new FunnelCounter(this, 1);
      Customers customers = scan.run(counter);
      return counter.report(customers);
    }
    List<FunnelCounter> counters = new ArrayList<>(parallelism);
    int[][] reached = new int[1][];
    Customers customers = scan.runParallel(parallelism, executor, () -> {
      FunnelCounter c = new FunnelCounter(this, parallelism, reached);
      counters.add(c);
      return c;
    });
    FunnelCounter total = counters.get(0);
    for (int i = 1; i < counters.size(); i++) {
      total.merge(counters.get(i));
    }
    return total.report(customers, executor, true);
  }

  @Override
  public String toString() {
    return "Funnel[steps=" + steps + ", window=" + window + ", strict=" + strict
        + ", exclusions=" + exclusions + ", breakdown=" + breakdown + ", parallelism="
        + parallelism + "]";
  }

  /**
   * Configures a {@link Funnel}. Steps are added in order; every other option may be set once.
   *
   * @since 0.1
   */
  public static final class Builder {
    private final List<FunnelStep> steps = new ArrayList<>();
    private final List<EventPredicate> exclusions = new ArrayList<>();
    private Duration window;
    private boolean strict;
    private boolean strictSet;
    private Breakdown breakdown;
    private int parallelism;
    private Executor executor;

    private Builder() {}

    /**
     * @param event an event name
     * @return this builder, with a required step matching that event
     * @throws IllegalArgumentException if {@code event} is blank
     * @throws IllegalStateException if there are already {@link #MAX_STEPS} steps
     */
    public Builder step(String event) {
      return step(FunnelStep.of(event));
    }

    /**
     * @param step the next step
     * @return this builder
     * @throws IllegalStateException if there are already {@link #MAX_STEPS} steps
     */
    public Builder step(FunnelStep step) {
      Objects.requireNonNull(step, "step");
      checkState(steps.size() < MAX_STEPS, "a funnel has at most %s steps", MAX_STEPS);
      steps.add(step);
      return this;
    }

    /**
     * @param window the conversion window, measured from each step-1 event; positive
     * @return this builder
     * @throws IllegalArgumentException if {@code window} is zero or negative
     * @throws IllegalStateException if already set
     */
    public Builder window(Duration window) {
      Objects.requireNonNull(window, "window");
      checkState(this.window == null, "window was already set to %s", this.window);
      checkArgument(!window.isNegative() && !window.isZero(),
          "window must be positive but was %s", window);
      this.window = window;
      return this;
    }

    /**
     * Makes the order strict: another funnel step between two matched steps ends the attempt.
     *
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder strictOrder() {
      checkState(!strictSet, "strict order was already set");
      strictSet = true;
      strict = true;
      return this;
    }

    /**
     * @param exclusion events that end every running attempt
     * @return this builder
     */
    public Builder exclude(EventPredicate exclusion) {
      exclusions.add(Objects.requireNonNull(exclusion, "exclusion"));
      return this;
    }

    /**
     * @param breakdown the dimension to split the counts by
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder breakdown(Breakdown breakdown) {
      Objects.requireNonNull(breakdown, "breakdown");
      checkState(this.breakdown == null, "breakdown was already set to %s", this.breakdown);
      this.breakdown = breakdown;
      return this;
    }

    /**
     * Lets a run use up to {@code parallelism} threads: the calling thread and
     * {@code parallelism - 1} tasks on the {@link #executor executor}. The store's rows are cut
     * into that many ranges at customer boundaries, each counted apart, and the counts merged;
     * the report is the same as with one thread. Worth it for large stores on a machine with
     * idle cores; the default, 1, starts nothing.
     *
     * @param parallelism the number of threads, 1 to 256
     * @return this builder
     * @throws IllegalArgumentException if {@code parallelism} is outside [1, 256]
     * @throws IllegalStateException if already set
     */
    public Builder parallelism(int parallelism) {
      checkState(this.parallelism == 0, "parallelism was already set to %s", this.parallelism);
      checkArgument(parallelism >= 1 && parallelism <= 256,
          "parallelism must be in [1, 256] but was %s", parallelism);
      this.parallelism = parallelism;
      return this;
    }

    /**
     * @param executor runs the extra ranges of a {@link #parallelism parallel} run; default
     *     {@link ForkJoinPool#commonPool()}
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder executor(Executor executor) {
      Objects.requireNonNull(executor, "executor");
      checkState(this.executor == null, "executor was already set to %s", this.executor);
      this.executor = executor;
      return this;
    }

    /**
     * @return the funnel
     * @throws IllegalStateException if there is no step or no window, or the first step is
     *     optional
     */
    public Funnel build() {
      checkState(!steps.isEmpty(), "a funnel needs at least one step but had none");
      checkState(window != null, "window was not set");
      checkState(!steps.get(0).optional(), "the first step must not be optional but '%s' was",
          steps.get(0).name());
      return new Funnel(this);
    }
  }
}
