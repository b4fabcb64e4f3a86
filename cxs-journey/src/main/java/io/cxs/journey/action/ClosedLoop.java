package io.cxs.journey.action;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import io.cxs.core.Cxs;
import io.cxs.core.ListenerRegistration;
import io.cxs.core.customer.CustomerId;
import io.cxs.core.customer.CustomerView;
import io.cxs.core.feedback.Feedback;
import io.cxs.core.feedback.FeedbackKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closed-loop follow-up: every detractor answer (a score at or below the threshold on the
 * configured survey) and every complaint opens a {@link FollowUpCase} with an owner and a due
 * time; closing the case can fire a re-survey rule of an {@link Orchestrator}, so that the
 * re-survey goes through consent, caps and the handler like any other action.
 *
 * <pre>{@code
 * Rule resurvey = Rule.named("resurvey").manual().delay(Duration.ofDays(7))
 *     .then(ActionSpec.message("survey", Channel.EMAIL, "service", Map.of("survey", "nps")))
 *     .build();
 * ClosedLoop loop = ClosedLoop.builder(cxs)
 *     .detractorThreshold(6).owner(f -> "cx-team").dueWithin(Duration.ofHours(48))
 *     .resurvey(orchestrator, "resurvey")
 *     .build().start();
 * loop.onOpen(c -> helpdesk.assign(c));
 * ...
 * loop.close("case-m3", "called back, refunded shipping");
 * ClosedLoopReport report = loop.report();
 * }</pre>
 *
 * Cases are kept in memory, one per feedback event id (redelivered feedback opens nothing new).
 * Thread-safe.
 *
 * @since 0.1
 */
public final class ClosedLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClosedLoop.class);

  /** Default detractor threshold: NPS 0–6 are detractors. */
  public static final int DEFAULT_DETRACTOR_THRESHOLD = 6;
  /** Default survey: {@code nps}. */
  public static final String DEFAULT_SURVEY = "nps";
  /** Default time to follow up: 48 hours. */
  public static final Duration DEFAULT_DUE_WITHIN = Duration.ofHours(48);

  private final Cxs cxs;
  private final String survey;
  private final int threshold;
  private final boolean complaints;
  private final Function<Feedback, String> owner;
  private final Duration dueWithin;
  private final Optional<Orchestrator> orchestrator;
  private final Optional<String> resurveyRule;
  private final Clock clock;
  private final Map<String, FollowUpCase> cases = new LinkedHashMap<>();
  private final List<Consumer<? super FollowUpCase>> openListeners = new CopyOnWriteArrayList<>();
  private ListenerRegistration registration;
  private ListenerRegistration erasures;

  private ClosedLoop(Builder b) {
    this.cxs = b.cxs;
    this.survey = b.survey != null ? b.survey : DEFAULT_SURVEY;
    this.threshold = b.threshold != null ? b.threshold : DEFAULT_DETRACTOR_THRESHOLD;
    this.complaints = b.complaints != null ? b.complaints : true;
    this.owner = b.owner != null ? b.owner : f -> "cx-team";
    this.dueWithin = b.dueWithin != null ? b.dueWithin : DEFAULT_DUE_WITHIN;
    this.orchestrator = Optional.ofNullable(b.orchestrator);
    this.resurveyRule = Optional.ofNullable(b.resurveyRule);
    this.clock = b.clock != null ? b.clock : cxs.clock();
  }

  /**
   * @param cxs the engine whose feedback opens cases
   * @return a builder
   */
  public static Builder builder(Cxs cxs) {
    return new Builder(cxs);
  }

  /**
   * Starts listening to the engine's feedback.
   *
   * @return this
   * @throws IllegalStateException if already started
   */
  public synchronized ClosedLoop start() {
    checkState(registration == null, "closed loop was already started");
    registration = cxs.onFeedback(this::accept);
    erasures = cxs.onErase(this::forget);
    return this;
  }

  /** Stops listening. Cases are kept. */
  @Override
  public synchronized void close() {
    if (registration != null) {
      registration.close();
      erasures.close();
    }
  }

  /** Drops the cases of an erased customer (right to be forgotten). */
  private void forget(io.cxs.core.customer.Customer customer) {
    synchronized (cases) {
      cases.values().removeIf(c -> c.customer().equals(customer.id())
          || customer.identities().contains(c.subject()));
    }
  }

  /**
   * @param listener called with every newly opened case, on the ingesting thread; it should only
   *     hand the case on (to a help desk queue, say)
   * @return a registration that removes it when closed
   */
  public ListenerRegistration onOpen(Consumer<? super FollowUpCase> listener) {
    Objects.requireNonNull(listener, "listener");
    openListeners.add(listener);
    return () -> openListeners.remove(listener);
  }

  /**
   * Opens a case if the feedback is a detractor answer or a complaint. Called by the engine's
   * listener; public for feedback replayed from elsewhere.
   *
   * @param feedback a piece of feedback
   * @return the new case, or empty if the feedback needs none or already has one
   */
  public Optional<FollowUpCase> accept(Feedback feedback) {
    Objects.requireNonNull(feedback, "feedback");
    String reason;
    if (complaints && feedback.kind() == FeedbackKind.COMPLAINT) {
      reason = "complaint about " + feedback.survey();
    } else if (feedback.kind() == FeedbackKind.SURVEY && feedback.survey().equals(survey)
        && feedback.score().isPresent() && feedback.score().getAsInt() <= threshold) {
      reason = "detractor: " + survey + " " + feedback.score().getAsInt() + " (threshold "
          + threshold + ")";
    } else {
      return Optional.empty();
    }
    Optional<CustomerId> customer = cxs.customerOf(feedback.subject());
    if (customer.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    FollowUpCase c = new FollowUpCase("case-" + feedback.eventId(), customer.get(),
        feedback.subject(), feedback.eventId(), feedback.survey(), feedback.score(), reason,
        owner.apply(feedback), now, now.plus(dueWithin), Optional.empty(), Optional.empty());
    synchronized (cases) {
      if (cases.putIfAbsent(c.id(), c) != null) {
        return Optional.empty();
      }
    }
    LOG.debug("opened {} for {} ({})", c.id(), c.customer(), reason);
    for (Consumer<? super FollowUpCase> l : openListeners) {
      try {
        l.accept(c);
      } catch (RuntimeException e) {
        LOG.warn("a case listener failed on {}", c.id(), e);
      }
    }
    return Optional.of(c);
  }

  /**
   * Closes a case now and, if configured, fires the re-survey rule for the customer with the
   * case id as occurrence id.
   *
   * @param caseId the case
   * @param resolution what was done
   * @return the closed case
   * @throws IllegalArgumentException if there is no such case
   * @throws IllegalStateException if it is already closed
   */
  public FollowUpCase close(String caseId, String resolution) {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(resolution, "resolution");
    FollowUpCase closed;
    synchronized (cases) {
      FollowUpCase c = cases.get(caseId);
      checkArgument(c != null, "no case with id '%s'", caseId);
      checkState(c.open(), "case '%s' was already closed at %s", caseId, c.closedAt());
      closed = c.closed(clock.instant(), resolution);
      cases.put(caseId, closed);
    }
    if (orchestrator.isPresent()) {
      orchestrator.get().fire(resurveyRule.orElseThrow(), closed.subject(), closed.id(),
          closed.closedAt().orElseThrow());
    }
    return closed;
  }

  /**
   * @param caseId a case id
   * @return the case, or empty
   */
  public Optional<FollowUpCase> find(String caseId) {
    synchronized (cases) {
      return Optional.ofNullable(cases.get(caseId));
    }
  }

  /** @return every case, in the order opened */
  public List<FollowUpCase> cases() {
    synchronized (cases) {
      return List.copyOf(cases.values());
    }
  }

  /**
   * Computes the closed-loop metrics now, reading each case's customer view for the re-survey
   * answer.
   *
   * @return the report
   */
  public ClosedLoopReport report() {
    List<FollowUpCase> all = cases();
    Instant now = clock.instant();
    int closed = 0;
    int overdue = 0;
    List<Duration> times = new ArrayList<>();
    List<FollowUpCase> followed = new ArrayList<>();
    List<FollowUpCase> notFollowed = new ArrayList<>();
    for (FollowUpCase c : all) {
      if (c.open()) {
        notFollowed.add(c);
        if (c.overdue(now)) {
          overdue++;
        }
      } else {
        closed++;
        times.add(c.timeToClose().orElseThrow());
        followed.add(c);
      }
    }
    Collections.sort(times);
    Optional<Duration> median = Optional.empty();
    if (!times.isEmpty()) {
      int n = times.size();
      median = Optional.of(n % 2 == 1 ? times.get(n / 2)
          : times.get(n / 2 - 1).plus(times.get(n / 2)).dividedBy(2));
    }
    return new ClosedLoopReport(all.size(), closed, overdue,
        all.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of((double) closed / all.size()),
        median, recovery(followed), recovery(notFollowed));
  }

  private ClosedLoopReport.Recovery recovery(List<FollowUpCase> group) {
    int cases = 0;
    int rescored = 0;
    int recovered = 0;
    int promoters = 0;
    int detractors = 0;
    long change = 0;
    for (FollowUpCase c : group) {
      if (c.score().isEmpty() || !c.survey().equals(survey)) {
        continue;
      }
      cases++;
      Optional<CustomerView> view = cxs.customer(c.subject());
      if (view.isEmpty()) {
        continue;
      }
      Instant given = null;
      for (Feedback f : view.get().feedback()) {
        if (f.eventId().equals(c.feedbackId())) {
          given = f.timestamp();
        } else if (given != null && f.survey().equals(survey) && f.score().isPresent()
            && f.timestamp().isAfter(given)) {
          int next = f.score().getAsInt();
          rescored++;
          change += next - c.score().getAsInt();
          recovered += next > threshold ? 1 : 0;
          promoters += next >= 9 ? 1 : 0;
          detractors += next <= 6 ? 1 : 0;
          break;
        }
      }
    }
    return new ClosedLoopReport.Recovery(cases, rescored, recovered,
        rescored == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) recovered / rescored),
        rescored == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) change / rescored),
        rescored == 0 ? OptionalDouble.empty()
            : OptionalDouble.of(100.0 * (promoters - detractors) / rescored));
  }

  /**
   * Configures a {@link ClosedLoop}; each option may be set once.
   *
   * @since 0.1
   */
  public static final class Builder {
    private final Cxs cxs;
    private String survey;
    private Integer threshold;
    private Boolean complaints;
    private Function<Feedback, String> owner;
    private Duration dueWithin;
    private Orchestrator orchestrator;
    private String resurveyRule;
    private Clock clock;

    private Builder(Cxs cxs) {
      this.cxs = Objects.requireNonNull(cxs, "cxs");
    }

    /**
     * @param survey the survey whose low answers open cases (default {@code nps})
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder survey(String survey) {
      checkState(this.survey == null, "survey was already set to %s", this.survey);
      Objects.requireNonNull(survey, "survey");
      checkArgument(!survey.isBlank(), "survey must not be blank but was '%s'", survey);
      this.survey = survey.trim().toLowerCase(java.util.Locale.ROOT);
      return this;
    }

    /**
     * @param threshold answers at or below it are detractors (default 6, for NPS)
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder detractorThreshold(int threshold) {
      checkState(this.threshold == null, "detractor threshold was already set to %s",
          this.threshold);
      this.threshold = threshold;
      return this;
    }

    /**
     * @param open whether complaints open cases (default true)
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder complaints(boolean open) {
      checkState(complaints == null, "complaints was already set to %s", complaints);
      complaints = open;
      return this;
    }

    /**
     * @param owner picks who follows up, from the feedback (default: {@code "cx-team"})
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder owner(Function<Feedback, String> owner) {
      checkState(this.owner == null, "owner was already set");
      this.owner = Objects.requireNonNull(owner, "owner");
      return this;
    }

    /**
     * @param dueWithin how long after opening the follow-up is due; positive (default 48 h)
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder dueWithin(Duration dueWithin) {
      checkState(this.dueWithin == null, "dueWithin was already set to %s", this.dueWithin);
      Objects.requireNonNull(dueWithin, "dueWithin");
      checkArgument(!dueWithin.isNegative() && !dueWithin.isZero(),
          "dueWithin must be positive but was %s", dueWithin);
      this.dueWithin = dueWithin;
      return this;
    }

    /**
     * @param orchestrator the orchestrator that runs the re-survey
     * @param ruleId its rule fired when a case closes (usually a manual rule with a delay)
     * @return this builder
     * @throws IllegalStateException if already set
     * @throws IllegalArgumentException if the orchestrator has no such rule
     */
    public Builder resurvey(Orchestrator orchestrator, String ruleId) {
      checkState(this.orchestrator == null, "resurvey was already set to rule %s", resurveyRule);
      Objects.requireNonNull(orchestrator, "orchestrator");
      Objects.requireNonNull(ruleId, "ruleId");
      checkArgument(orchestrator.rules().containsKey(ruleId), "no rule with id '%s'", ruleId);
      this.orchestrator = orchestrator;
      this.resurveyRule = ruleId;
      return this;
    }

    /**
     * @param clock the clock for opening and closing times (default: the engine's)
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder clock(Clock clock) {
      checkState(this.clock == null, "clock was already set to %s", this.clock);
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** @return the closed loop, not yet started */
    public ClosedLoop build() {
      return new ClosedLoop(this);
    }
  }
}
