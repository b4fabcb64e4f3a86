package io.cxs.journey.personalize;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import io.cxs.core.Cxs;
import io.cxs.core.customer.CustomerId;
import io.cxs.core.customer.CustomerView;
import io.cxs.journey.action.ActionLog;
import io.cxs.journey.action.Condition;
import io.cxs.journey.action.ContactPolicy;
import io.cxs.journey.action.Orchestrator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Next-best-action: ranks declared {@link ActionCandidate candidates} for one customer, for an
 * agent or a page that has the customer in front of it.
 *
 * <p>For each candidate, in order: every eligibility condition must hold; an outbound action
 * needs consent for its purpose and channel; and an outbound action must be under the frequency
 * cap of the {@link ContactPolicy} given the customer's {@link ActionLog} timeline. A candidate
 * that passes scores its value for the customer; one that fails scores 0, is marked not
 * eligible, and says which check failed. Ranking: eligible candidates by score, highest first,
 * then the others; ties by name. Quiet hours do not apply: the customer is present.
 *
 * <pre>{@code
 * NextBestAction nba = NextBestAction.builder(cxs)
 *     .candidate(ActionCandidate.of("retention-call", ActionSpec.internal("call", Map.of()), 50,
 *         Condition.lastScore("nps", 0, 6)))
 *     .candidate(ActionCandidate.of("upsell-email",
 *         ActionSpec.message("email", Channel.EMAIL, "marketing", Map.of()), 20))
 *     .sharing(orchestrator)
 *     .build();
 * List<RankedAction> ranked = nba.rank(CustomerId.of("c-42"));
 * }</pre>
 *
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class NextBestAction {
  private final Cxs cxs;
  private final List<ActionCandidate> candidates;
  private final ContactPolicy policy;
  private final ActionLog log;
  private final Clock clock;

  private NextBestAction(Builder b) {
    this.cxs = b.cxs;
    this.candidates = List.copyOf(b.candidates.values());
    this.policy = b.policy != null ? b.policy : ContactPolicy.ofDefaults();
    this.log = b.log != null ? b.log : ActionLog.inMemory();
    this.clock = b.clock != null ? b.clock : cxs.clock();
  }

  /**
   * @param cxs the engine that holds the customers
   * @return a builder
   */
  public static Builder builder(Cxs cxs) {
    return new Builder(cxs);
  }

  /**
   * @param customer a customer id
   * @return every candidate, ranked; empty if there is no such customer
   * @throws IllegalArgumentException if a candidate's value is not finite
   */
  public List<RankedAction> rank(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    Optional<CustomerView> view = cxs.customer(customer);
    if (view.isEmpty()) {
      return List.of();
    }
    CustomerView v = view.get();
    List<Scored> scored = new ArrayList<>();
    for (ActionCandidate c : candidates) {
      Optional<String> block = Optional.empty();
      for (Condition cond : c.eligibility()) {
        if (!cond.test(v)) {
          block = Optional.of("not eligible: " + cond.describe() + " does not hold");
          break;
        }
      }
      if (block.isEmpty()) {
        block = policy.consentBlock(v.customer(), c.action()).map(s -> "blocked: " + s);
      }
      if (block.isEmpty() && c.action().outbound()) {
        block = policy.capBlock(log.timeline(v.customer().id()), clock.instant())
            .map(s -> "blocked: " + s);
      }
      if (block.isPresent()) {
        scored.add(new Scored(c, 0.0, false, block.get()));
        continue;
      }
      double value = c.value().applyAsDouble(v);
      checkArgument(Double.isFinite(value), "candidate '%s' has a non-finite value %s", c.name(),
          value);
      StringBuilder why = new StringBuilder("eligible: value ")
          .append(String.format(Locale.ROOT, "%.2f", value));
      if (!c.eligibility().isEmpty()) {
        why.append(" (");
        for (int i = 0; i < c.eligibility().size(); i++) {
          why.append(i == 0 ? "" : "; ").append(c.eligibility().get(i).describe());
        }
        why.append(')');
      }
      scored.add(new Scored(c, value, true, why.toString()));
    }
    scored.sort(Comparator.comparing((Scored o) -> !o.eligible())
        .thenComparing(Comparator.comparingDouble(Scored::score).reversed())
        .thenComparing(o -> o.candidate().name()));
    List<RankedAction> out = new ArrayList<>(scored.size());
    for (int i = 0; i < scored.size(); i++) {
      Scored o = scored.get(i);
      out.add(new RankedAction(i + 1, o.candidate(), o.score(), o.eligible(), o.reason()));
    }
    return out;
  }

  private record Scored(ActionCandidate candidate, double score, boolean eligible,
      String reason) {}

  /**
   * @param customer a customer id
   * @return the best action the customer is eligible for, or empty
   */
  public Optional<RankedAction> best(CustomerId customer) {
    return rank(customer).stream().filter(RankedAction::eligible).findFirst();
  }

  /**
   * Configures a {@link NextBestAction}; candidates are added one by one, every other option may
   * be set once.
   *
   * @since 0.1
   */
  public static final class Builder {
    private final Cxs cxs;
    private final Map<String, ActionCandidate> candidates = new LinkedHashMap<>();
    private ContactPolicy policy;
    private ActionLog log;
    private Clock clock;

    private Builder(Cxs cxs) {
      this.cxs = Objects.requireNonNull(cxs, "cxs");
    }

    /**
     * @param candidate a candidate
     * @return this builder
     * @throws IllegalArgumentException if a candidate with the same name was added
     */
    public Builder candidate(ActionCandidate candidate) {
      Objects.requireNonNull(candidate, "candidate");
      checkArgument(!candidates.containsKey(candidate.name()),
          "candidate name '%s' was given twice", candidate.name());
      candidates.put(candidate.name(), candidate);
      return this;
    }

    /**
     * Uses an orchestrator's contact policy and action log, so that the messages it sent count
     * toward the cap.
     *
     * @param orchestrator the orchestrator
     * @return this builder
     * @throws IllegalStateException if a policy or log was already set
     */
    public Builder sharing(Orchestrator orchestrator) {
      Objects.requireNonNull(orchestrator, "orchestrator");
      return policy(orchestrator.policy()).actionLog(orchestrator.actionLog());
    }

    /**
     * @param policy consent and cap (default {@link ContactPolicy#ofDefaults()})
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder policy(ContactPolicy policy) {
      checkState(this.policy == null, "policy was already set to %s", this.policy);
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * @param log the action log whose timeline counts toward the cap (default: an empty one)
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder actionLog(ActionLog log) {
      checkState(this.log == null, "action log was already set to %s", this.log);
      this.log = Objects.requireNonNull(log, "log");
      return this;
    }

    /**
     * @param clock the clock for the cap window (default: the engine's)
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder clock(Clock clock) {
      checkState(this.clock == null, "clock was already set to %s", this.clock);
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * @return the ranker
     * @throws IllegalStateException if no candidate was added
     */
    public NextBestAction build() {
      checkState(!candidates.isEmpty(), "next-best-action needs at least one candidate");
      return new NextBestAction(this);
    }
  }
}
