package io.cxs.metrics.kpi;

import io.cxs.core.Cxs;
import io.cxs.core.ListenerRegistration;
import io.cxs.core.customer.Identity;
import io.cxs.core.feedback.Feedback;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * KPIs kept up to date as feedback arrives: a listener registered with
 * {@link Cxs#onFeedback} adds each stored piece of feedback to its (period, group) cell in O(1)
 * (plus a map lookup). {@link #report()} returns a snapshot; to include feedback stored before
 * the listener started, {@link KpiReport#merge merge} it with a report of the earlier data.
 * A customer-trait dimension is resolved when the feedback arrives (a later merge of identities
 * does not move it); a fresh {@link KpiQuery#run(Cxs)} resolves at read time.
 *
 * <p>Thread-safe. Close it to remove the listener.
 *
 * @since 0.1
 */
public final class LiveKpis implements AutoCloseable {
  private final KpiQuery query;
  private final Function<Identity, String> traitOf;
  private final NavigableMap<Long, SortedMap<String, Kpis>> cells = new TreeMap<>();
  private final ListenerRegistration registration;
  private long ignored;

  LiveKpis(KpiQuery query, Cxs cxs, Function<Identity, String> traitOf) {
    this.query = Objects.requireNonNull(query, "query");
    this.traitOf = traitOf;
    this.registration = Objects.requireNonNull(cxs, "cxs").onFeedback(this::add);
  }

  /**
   * Counts one piece of feedback, as the listener does.
   *
   * @param feedback the feedback
   */
  void add(Feedback feedback) {
    Objects.requireNonNull(feedback, "feedback");
    if (query.kpiOf(feedback.survey()) < 0) {
      return;
    }
    long p = query.period().map(x -> x.index(feedback.timestamp(), query.zone())).orElse(0L);
    String g = group(feedback);
    synchronized (cells) {
      if (feedback.score().isPresent() && !query.scaleMatches(feedback)) {
        ignored++;
        return;
      }
      SortedMap<String, Kpis> m = cells.computeIfAbsent(p, x -> new TreeMap<>());
      Kpis before = m.getOrDefault(g, query.emptyKpis());
      Kpis after = query.add(before, feedback);
      if (after != before) {
        m.put(g, after);
      }
    }
  }

  private String group(Feedback f) {
    if (query.dimension().isEmpty()) {
      return "";
    }
    switch (query.dimension().get().kind()) {
      case CHANNEL:
        return f.channel().name();
      case STAGE:
        return f.stage().map(s -> s.code()).orElse(Dimension.NONE);
      case SURVEY:
        return f.survey();
      case TOUCHPOINT:
        return f.touchpointId().orElse(Dimension.NONE);
      default:
        return traitOf.apply(f.subject());
    }
  }

  /** @return a snapshot of the KPIs counted so far */
  public KpiReport report() {
    synchronized (cells) {
      NavigableMap<Long, SortedMap<String, Kpis>> copy = new TreeMap<>();
      cells.forEach((p, m) -> {
        SortedMap<String, Kpis> nonEmpty = new TreeMap<>();
        m.forEach((g, k) -> {
          if (!k.hasNoAnswers()) {
            nonEmpty.put(g, k);
          }
        });
        if (!nonEmpty.isEmpty()) {
          copy.put(p, nonEmpty);
        }
      });
      return new KpiReport(query, copy, ignored);
    }
  }

  /** Stops counting: removes the listener. */
  @Override
  public void close() {
    registration.close();
  }
}
