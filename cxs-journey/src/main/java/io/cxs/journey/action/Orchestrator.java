package io.cxs.journey.action;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import io.cxs.core.Cxs;
import io.cxs.core.ListenerRegistration;
import io.cxs.core.customer.Customer;
import io.cxs.core.customer.CustomerView;
import io.cxs.core.customer.Identity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Rule rules} on the events a {@link Cxs} engine ingests and delivers their actions
 * through the host's {@link ActionHandler}.
 *
 * <pre>{@code
 * ThreadScheduler scheduler = Scheduler.threaded(cxs.clock()).start();
 * Orchestrator orchestrator = Orchestrator.builder(cxs)
 *     .rule(cartAbandonment)
 *     .handler(request -> mailer.send(request))
 *     .scheduler(scheduler)
 *     .policy(ContactPolicy.custom().frequencyCap(2, Duration.ofDays(7)).build())
 *     .build()
 *     .start();
 * }</pre>
 *
 * <h2>How an event becomes an action</h2>
 * On every touchpoint and piece of feedback (through {@link Cxs#onTouchpoint} and
 * {@link Cxs#onFeedback}), the orchestrator puts a {@link Timer} for each rule the event starts
 * (or, for {@link Trigger.Mode#FOLLOWED_BY}, completes) into the {@link TimerStore} and hands it
 * to the {@link Scheduler}; the ingesting thread does nothing else. When the timer is due, on the
 * scheduler's thread: a {@link Trigger.Mode#NOT_FOLLOWED_BY} rule is cancelled if the customer's
 * history now holds the awaited event inside the window (so an awaited event that arrived early,
 * out of order, also cancels); the conditions are checked against the customer as it is then;
 * then each action is decided:
 *
 * <ol>
 *   <li>an outbound action whose deadline passed more than {@code maxLateness} ago (a replayed
 *       backlog) is suppressed as late;
 *   <li>an outbound action without consent for its purpose and channel is suppressed;
 *   <li>an outbound action in quiet hours is deferred to their end and decided again then;
 *   <li>an outbound action over the frequency cap is suppressed;
 *   <li>otherwise it is claimed in the {@link ActionLog} as {@link ActionStatus#PENDING} and
 *       delivered; a handler failure is retried after {@code backoff × 2^(attempt−1)} up to
 *       {@code maxAttempts}, then recorded as {@link ActionStatus#FAILED}.
 * </ol>
 *
 * Every suppression is recorded with its reason. The record id is
 * {@code ruleId/occurrenceId/actionIndex}, and a decision is taken only if no record with that id
 * exists, so each action runs at most once per trigger occurrence, however often and in whatever
 * order events arrive.
 *
 * <h2>Restarts</h2>
 * {@link #start()} reschedules every timer in the store; with a durable {@link TimerStore} and
 * {@link ActionLog}, pending deadlines and retries survive a restart.
 *
 * <h2>Cost</h2>
 * An event that matches no rule costs a pattern test per rule. A {@link Trigger.Mode#FOLLOWED_BY}
 * rule reads the customer's view when one of its patterns matches, and a deadline of a
 * {@link Trigger.Mode#NOT_FOLLOWED_BY} rule reads it when due; both are linear in that customer's
 * history. Timers cancelled by the awaited event stay in the store until their deadline, where
 * they are dropped.
 *
 * <h2>Threads</h2>
 * Thread-safe. Decisions for all customers are serialized (the frequency cap is checked and
 * claimed atomically); handler calls run on the scheduler's thread outside that lock.
 *
 * @since 0.1
 */
public final class Orchestrator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Orchestrator.class);

  /** Default delivery attempts before an action is recorded as failed. */
  public static final int DEFAULT_MAX_ATTEMPTS = 5;
  /** Default wait before the first retry; doubled for each further one. */
  public static final Duration DEFAULT_BACKOFF = Duration.ofMinutes(1);
  /** Default limit on how late an outbound action may still be sent. */
  public static final Duration DEFAULT_MAX_LATENESS = Duration.ofHours(24);

  private final Cxs cxs;
  private final Map<String, Rule> rules;
  private final ActionHandler handler;
  private final Scheduler scheduler;
  private final boolean ownsScheduler;
  private final TimerStore timers;
  private final ActionLog log;
  private final ContactPolicy policy;
  private final Clock clock;
  private final int maxAttempts;
  private final Duration backoff;
  private final Duration maxLateness;
  private final List<ListenerRegistration> registrations = new ArrayList<>();
  private final List<Consumer<? super ActionRecord>> listeners = new CopyOnWriteArrayList<>();
  private final Object decisionLock = new Object();
  private boolean started;
  private volatile boolean unknownRuleLogged;

  private Orchestrator(Builder b) {
    this.cxs = b.cxs;
    this.rules = Map.copyOf(b.rules);
    this.handler = b.handler;
    this.ownsScheduler = b.scheduler == null;
    this.scheduler = b.scheduler != null ? b.scheduler : Scheduler.threaded(cxs.clock());
    this.timers = b.timers != null ? b.timers : TimerStore.inMemory();
    this.log = b.log != null ? b.log : ActionLog.inMemory();
    this.policy = b.policy != null ? b.policy : ContactPolicy.ofDefaults();
    this.clock = scheduler.clock();
    this.maxAttempts = b.maxAttempts != null ? b.maxAttempts : DEFAULT_MAX_ATTEMPTS;
    this.backoff = b.backoff != null ? b.backoff : DEFAULT_BACKOFF;
    this.maxLateness = b.maxLateness != null ? b.maxLateness : DEFAULT_MAX_LATENESS;
  }

  /**
   * @param cxs the engine whose events drive the rules
   * @return a builder
   */
  public static Builder builder(Cxs cxs) {
    return new Builder(cxs);
  }

  /**
   * Starts listening to the engine and reschedules every timer in the store. With the default
   * scheduler, also starts its thread.
   *
   * @return this orchestrator
   * @throws IllegalStateException if already started
   */
  public synchronized Orchestrator start() {
    checkState(!started, "orchestrator was already started");
    started = true;
    if (ownsScheduler) {
      ((ThreadScheduler) scheduler).start();
    }
    registrations.add(cxs.onTouchpoint(t -> onSignal(Signal.of(t))));
    registrations.add(cxs.onFeedback(f -> onSignal(Signal.of(f))));
    registrations.add(cxs.onErase(this::forget));
    List<Timer> pending = timers.all();
    for (Timer t : pending) {
      scheduler.schedule(t.dueAt(), () -> run(t.id()));
    }
    LOG.debug("orchestrator started with {} rules and {} pending timers", rules.size(),
        pending.size());
    return this;
  }

  /** Drops an erased customer's action records, under its id and the ids merged into it. */
  private void forget(io.cxs.core.customer.Customer customer) {
    int n = log.forget(customer.id());
    for (io.cxs.core.customer.MergeRecord m : customer.merges()) {
      n += log.forget(m.merged());
    }
    LOG.debug("forgot {} action records of erased customer {}", n, customer.id());
  }

  /**
   * Stops listening; with the default scheduler, also stops its thread. Pending timers stay in the
   * store for the next {@link #start()}.
   */
  @Override
  public synchronized void close() {
    registrations.forEach(ListenerRegistration::close);
    registrations.clear();
    if (ownsScheduler) {
      scheduler.close();
    }
  }

  /**
   * Calls {@code listener} with every action record that reaches a final state (sent,
   * suppressed or failed), on the thread that decided it.
   *
   * @param listener the listener; if it throws, the failure is logged and ignored
   * @return a registration that removes it when closed
   */
  public ListenerRegistration onAction(Consumer<? super ActionRecord> listener) {
    Objects.requireNonNull(listener, "listener");
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /**
   * Fires a rule for a customer without a trigger event, such as a re-survey when a follow-up
   * case is closed. Usually for rules built with {@link Rule.Builder#manual()}. The occurrence id
   * makes it idempotent: firing the same rule twice with the same id acts once.
   *
   * @param ruleId the rule
   * @param subject any identity of the customer
   * @param occurrenceId what this occurrence is, unique per rule (such as {@code "case-17"})
   * @param at when it happened; the rule's delay counts from here
   * @throws IllegalArgumentException if there is no such rule or the id is blank
   */
  public void fire(String ruleId, Identity subject, String occurrenceId, Instant at) {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(occurrenceId, "occurrenceId");
    Objects.requireNonNull(at, "at");
    Rule rule = rules.get(ruleId);
    checkArgument(rule != null, "no rule with id '%s'", ruleId);
    checkArgument(!occurrenceId.isBlank(), "occurrenceId must not be blank but was '%s'",
        occurrenceId);
    put(Timer.of(Timer.Kind.EVALUATE, ruleId, subject, occurrenceId, at,
        at.plus(rule.trigger().delay()), -1, 0));
  }

  /** @return the rules, by id */
  public Map<String, Rule> rules() {
    return rules;
  }

  /** @return the action log */
  public ActionLog actionLog() {
    return log;
  }

  /** @return the contact policy */
  public ContactPolicy policy() {
    return policy;
  }

  /** @return the timer store */
  public TimerStore timerStore() {
    return timers;
  }

  // ---- reacting to events ---------------------------------------------------------------------

  /**
   * Starts or completes trigger occurrences for one touchpoint or piece of feedback. Called by
   * the engine's listeners, and by tests that feed duplicates directly.
   */
  void onSignal(Signal s) {
    List<Signal> history = null;
    for (Rule rule : rules.values()) {
      Trigger tr = rule.trigger();
      switch (tr.mode()) {
        case ON:
          if (tr.first().matches(s)) {
            evaluateAt(rule, s, s.time().plus(tr.delay()));
          }
          break;
        case NOT_FOLLOWED_BY:
          if (tr.first().matches(s)) {
            evaluateAt(rule, s, s.time().plus(tr.within()).plus(tr.delay()));
          }
          break;
        case FOLLOWED_BY: {
          boolean first = tr.first().matches(s);
          boolean next = tr.next().orElseThrow().matches(s);
          if (!first && !next) {
            break;
          }
          if (history == null) {
            history = history(s.subject());
          }
          if (first) {
            Optional<Signal> n = earliestNext(tr, s, history);
            if (n.isPresent()) {
              evaluateAt(rule, s, n.get().time().plus(tr.delay()));
            }
          }
          if (next) {
            for (Signal f : history) {
              if (!f.eventId().equals(s.eventId()) && tr.first().matches(f)
                  && inWindow(s.time(), f.time(), tr.within())) {
                evaluateAt(rule, f, s.time().plus(tr.delay()));
              }
            }
          }
          break;
        }
        default:
          break;
      }
    }
  }

  private List<Signal> history(Identity subject) {
    return cxs.customer(subject).map(Signal::history).orElse(List.of());
  }

  private static boolean inWindow(Instant t, Instant start, Duration within) {
    return !t.isBefore(start) && t.isBefore(start.plus(within));
  }

  private static Optional<Signal> earliestNext(Trigger tr, Signal first, List<Signal> history) {
    Signal best = null;
    for (Signal n : history) {
      if (!n.eventId().equals(first.eventId()) && tr.next().orElseThrow().matches(n)
          && inWindow(n.time(), first.time(), tr.within())
          && (best == null || n.time().isBefore(best.time()))) {
        best = n;
      }
    }
    return Optional.ofNullable(best);
  }

  private void evaluateAt(Rule rule, Signal occurrence, Instant due) {
    put(Timer.of(Timer.Kind.EVALUATE, rule.id(), occurrence.subject(), occurrence.eventId(),
        occurrence.time(), due, -1, 0));
  }

  private void put(Timer t) {
    if (timers.put(t)) {
      scheduler.schedule(t.dueAt(), () -> run(t.id()));
    }
  }

  // ---- timers (scheduler thread) ---------------------------------------------------------------

  private void run(String timerId) {
    Optional<Timer> taken = timers.take(timerId);
    if (taken.isEmpty()) {
      return;
    }
    Timer t = taken.get();
    Rule rule = rules.get(t.ruleId());
    if (rule == null) {
      if (!unknownRuleLogged) {
        unknownRuleLogged = true;
        LOG.warn("dropping timer {}: no rule '{}' (removed since it was scheduled?)", t.id(),
            t.ruleId());
      }
      return;
    }
    Optional<CustomerView> view = cxs.customer(t.subject());
    if (view.isEmpty()) {
      LOG.debug("dropping timer {}: the customer is gone", t.id());
      return;
    }
    switch (t.kind()) {
      case EVALUATE:
        evaluate(rule, t, view.get());
        break;
      case SEND:
        decide(rule, t, view.get(), t.actionIndex(), true);
        break;
      default:
        retry(rule, t, view.get());
    }
  }

  private void evaluate(Rule rule, Timer t, CustomerView view) {
    Trigger tr = rule.trigger();
    if (tr.mode() == Trigger.Mode.NOT_FOLLOWED_BY) {
      for (Signal s : Signal.history(view)) {
        if (!s.eventId().equals(t.occurrenceId()) && tr.next().orElseThrow().matches(s)
            && inWindow(s.time(), t.occurredAt(), tr.within())) {
          LOG.debug("rule {} occurrence {} cancelled by event {}", rule.id(), t.occurrenceId(),
              s.eventId());
          return;
        }
      }
    }
    for (Condition c : rule.conditions()) {
      if (!c.test(view)) {
        LOG.debug("rule {} occurrence {}: condition '{}' does not hold", rule.id(),
            t.occurrenceId(), c.describe());
        return;
      }
    }
    for (int i = 0; i < rule.actions().size(); i++) {
      decide(rule, t, view, i, false);
    }
  }

  private void decide(Rule rule, Timer t, CustomerView view, int index, boolean deferred) {
    String id = rule.id() + "/" + t.occurrenceId() + "/" + index;
    ActionSpec a = rule.actions().get(index);
    Customer c = view.customer();
    ActionRecord record;
    synchronized (decisionLock) {
      if (log.find(id).isPresent()) {
        return;
      }
      Instant now = clock.instant();
      String reason = "rule '" + rule.id() + "': " + rule.trigger().describe() + " (occurrence "
          + t.occurrenceId() + " at " + t.occurredAt() + ")";
      record = new ActionRecord(id, rule.id(), c.id(), a.type(), a.channel(), a.purpose(),
          t.occurrenceId(), now, ActionStatus.PENDING, reason,
          deferred ? Optional.of("deferred by quiet hours") : Optional.empty(), 0);
      Optional<String> block = Optional.empty();
      if (a.outbound()) {
        if (!deferred && Duration.between(t.dueAt(), now).compareTo(maxLateness) > 0) {
          block = Optional.of("late: due at " + t.dueAt() + " but decided at " + now
              + ", more than " + maxLateness + " later");
        }
        if (block.isEmpty()) {
          block = policy.consentBlock(c, a);
        }
        if (block.isEmpty()) {
          Optional<Instant> quietEnd = policy.quietUntil(c, now);
          if (quietEnd.isPresent()) {
            LOG.debug("action {} deferred by quiet hours to {}", id, quietEnd.get());
            put(Timer.of(Timer.Kind.SEND, rule.id(), t.subject(), t.occurrenceId(),
                t.occurredAt(), quietEnd.get(), index, 0));
            return;
          }
          block = policy.capBlock(log.timeline(c.id()), now);
        }
      }
      if (block.isPresent()) {
        ActionRecord suppressed = record.with(ActionStatus.SUPPRESSED, block, 0);
        if (log.claim(suppressed)) {
          LOG.debug("action {} suppressed: {}", id, block.get());
          notifyListeners(suppressed);
        }
        return;
      }
      if (!log.claim(record)) {
        return;
      }
    }
    deliver(rule, record, c, 1, t.subject());
  }

  private void retry(Rule rule, Timer t, CustomerView view) {
    String id = rule.id() + "/" + t.occurrenceId() + "/" + t.actionIndex();
    Optional<ActionRecord> r = log.find(id);
    if (r.isEmpty() || r.get().status() != ActionStatus.PENDING) {
      return;
    }
    ActionSpec a = rule.actions().get(t.actionIndex());
    Optional<String> block = policy.consentBlock(view.customer(), a);
    if (block.isPresent()) {
      ActionRecord suppressed = r.get().with(ActionStatus.SUPPRESSED,
          Optional.of(block.get() + " (withdrawn before retry " + t.attempt() + ")"),
          r.get().attempts());
      log.update(suppressed);
      notifyListeners(suppressed);
      return;
    }
    deliver(rule, r.get(), view.customer(), t.attempt(), t.subject());
  }

  private void deliver(Rule rule, ActionRecord record, Customer customer, int attempt,
      Identity subject) {
    int index = Integer.parseInt(record.id().substring(record.id().lastIndexOf('/') + 1));
    ActionRequest request = new ActionRequest(record.id(), rule.id(), customer,
        rule.actions().get(index), record.occurrenceId(), record.at(), attempt, record.reason());
    try {
      handler.handle(request);
    } catch (Exception e) {
      String error = "attempt " + attempt + " failed: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage());
      if (attempt < maxAttempts) {
        log.update(record.with(ActionStatus.PENDING, Optional.of(error), attempt));
        Instant due = clock.instant().plus(backoff.multipliedBy(1L << Math.min(attempt - 1, 30)));
        LOG.debug("action {} {}; retrying at {}", record.id(), error, due);
        Timer t = Timer.of(Timer.Kind.RETRY, rule.id(), subject,
            record.occurrenceId(), record.at(), due, index, attempt + 1);
        put(t);
      } else {
        ActionRecord failed = record.with(ActionStatus.FAILED, Optional.of(error), attempt);
        log.update(failed);
        LOG.warn("action {} failed after {} attempts", record.id(), attempt);
        notifyListeners(failed);
      }
      return;
    }
    ActionRecord sent = record.with(ActionStatus.SENT, record.detail(), attempt);
    log.update(sent);
    notifyListeners(sent);
  }

  private void notifyListeners(ActionRecord r) {
    for (Consumer<? super ActionRecord> l : listeners) {
      try {
        l.accept(r);
      } catch (RuntimeException e) {
        LOG.warn("an action listener failed on {}", r.id(), e);
      }
    }
  }

  /**
   * Configures an {@link Orchestrator}. {@link #handler} is required; every other option has a
   * default and may be set once. Rules are added one by one.
   *
   * @since 0.1
   */
  public static final class Builder {
    private final Cxs cxs;
    private final Map<String, Rule> rules = new LinkedHashMap<>();
    private ActionHandler handler;
    private Scheduler scheduler;
    private TimerStore timers;
    private ActionLog log;
    private ContactPolicy policy;
    private Integer maxAttempts;
    private Duration backoff;
    private Duration maxLateness;

    private Builder(Cxs cxs) {
      this.cxs = Objects.requireNonNull(cxs, "cxs");
    }

    /**
     * @param rule a rule
     * @return this builder
     * @throws IllegalArgumentException if a rule with the same id was added
     */
    public Builder rule(Rule rule) {
      Objects.requireNonNull(rule, "rule");
      checkArgument(!rules.containsKey(rule.id()), "rule id '%s' was given twice", rule.id());
      rules.put(rule.id(), rule);
      return this;
    }

    /**
     * @param rules rules
     * @return this builder
     * @throws IllegalArgumentException if two rules share an id
     */
    public Builder rules(Collection<Rule> rules) {
      rules.forEach(this::rule);
      return this;
    }

    /**
     * @param handler delivers actions (required)
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder handler(ActionHandler handler) {
      checkState(this.handler == null, "handler was already set to %s", this.handler);
      this.handler = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /**
     * @param scheduler runs timers; its clock is the orchestrator's clock. The host starts and
     *     closes it. Default: a {@link ThreadScheduler} on the engine's clock, started by
     *     {@link Orchestrator#start()} and closed by {@link Orchestrator#close()}
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder scheduler(Scheduler scheduler) {
      checkState(this.scheduler == null, "scheduler was already set to %s", this.scheduler);
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * @param store keeps pending timers (default: {@link TimerStore#inMemory()})
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder timerStore(TimerStore store) {
      checkState(timers == null, "timer store was already set to %s", timers);
      timers = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * @param log records action decisions (default: {@link ActionLog#inMemory()})
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder actionLog(ActionLog log) {
      checkState(this.log == null, "action log was already set to %s", this.log);
      this.log = Objects.requireNonNull(log, "log");
      return this;
    }

    /**
     * @param policy consent, cap and quiet hours (default: {@link ContactPolicy#ofDefaults()})
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder policy(ContactPolicy policy) {
      checkState(this.policy == null, "policy was already set to %s", this.policy);
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * @param maxAttempts delivery attempts before giving up, at least 1 (default
     *     5)
     * @param backoff wait before the first retry, doubled for each further one; positive
     *     (default 1 minute)
     * @return this builder
     * @throws IllegalStateException if already set
     * @throws IllegalArgumentException if a value is out of range
     */
    public Builder retry(int maxAttempts, Duration backoff) {
      checkState(this.maxAttempts == null, "retry was already set to %s attempts",
          this.maxAttempts);
      checkArgument(maxAttempts >= 1, "maxAttempts must be at least 1 but was %s", maxAttempts);
      Objects.requireNonNull(backoff, "backoff");
      checkArgument(!backoff.isNegative() && !backoff.isZero(),
          "backoff must be positive but was %s", backoff);
      this.maxAttempts = maxAttempts;
      this.backoff = backoff;
      return this;
    }

    /**
     * @param maxLateness how long after its due time an outbound action may still be sent;
     *     older ones are suppressed as late (default 24 hours); not negative
     * @return this builder
     * @throws IllegalStateException if already set
     * @throws IllegalArgumentException if negative
     */
    public Builder maxLateness(Duration maxLateness) {
      checkState(this.maxLateness == null, "maxLateness was already set to %s", this.maxLateness);
      Objects.requireNonNull(maxLateness, "maxLateness");
      checkArgument(!maxLateness.isNegative(), "maxLateness must not be negative but was %s",
          maxLateness);
      this.maxLateness = maxLateness;
      return this;
    }

    /**
     * @return the orchestrator, not yet started
     * @throws IllegalStateException if no handler was set
     */
    public Orchestrator build() {
      checkState(handler != null, "an orchestrator needs a handler");
      return new Orchestrator(this);
    }
  }
}
