package io.cxs.metrics.kpi;

import io.cxs.metrics.CalendarPeriod;
import static com.google.common.base.Preconditions.checkArgument;

import io.cxs.metrics.stats.Comparison;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The result of a {@link KpiQuery}: the mergeable aggregates of every (period, group) cell, and
 * the KPI results overall, per period, per group and per group per period, with trends.
 * Periods are in time order and groups in label order; only cells with answers appear.
 * Immutable and thread-safe; results are computed on demand.
 *
 * <p>Reports of the same query over disjoint data {@link #merge} into the report over their
 * union.
 *
 * @since 0.1
 */
public final class KpiReport {
  private final KpiQuery query;
  /** Period index (0 without periods) → group label ("" without a dimension) → aggregates. */
  private final NavigableMap<Long, SortedMap<String, Kpis>> cells;
  private final long ignored;

  KpiReport(KpiQuery query, NavigableMap<Long, SortedMap<String, Kpis>> cells, long ignored) {
    this.query = query;
    NavigableMap<Long, SortedMap<String, Kpis>> copy = new TreeMap<>();
    cells.forEach((p, m) -> copy.put(p, Collections.unmodifiableSortedMap(new TreeMap<>(m))));
    this.cells = Collections.unmodifiableNavigableMap(copy);
    this.ignored = ignored;
  }

  /** @return the query this report answers */
  public KpiQuery query() {
    return query;
  }

  /** @return the time zone of the periods */
  public ZoneId zone() {
    return query.zone();
  }

  /**
   * @return answers on a KPI's survey but on another scale than the KPI's, left out of every
   *     result
   */
  public long ignoredResponses() {
    return ignored;
  }

  /** @return the aggregates of all cells merged */
  public Kpis totals() {
    Kpis total = query.emptyKpis();
    for (SortedMap<String, Kpis> m : cells.values()) {
      for (Kpis k : m.values()) {
        total = total.merge(k);
      }
    }
    return total;
  }

  /** @return the KPIs over everything */
  public KpiResults overall() {
    return totals().result(query.minimumSample());
  }

  /** @return the KPIs of each period in time order; empty if the query has no period */
  public List<PeriodResult> periods() {
    if (query.period().isEmpty()) {
      return List.of();
    }
    List<PeriodResult> out = new ArrayList<>(cells.size());
    cells.forEach((p, m) -> out.add(periodResult(p, merged(m.values()))));
    return Collections.unmodifiableList(out);
  }

  /** @return the KPIs of each group in label order; empty if the query has no dimension */
  public Map<String, KpiResults> groups() {
    Map<String, KpiResults> out = new LinkedHashMap<>();
    groupAggregates().forEach((g, k) -> out.put(g, k.result(query.minimumSample())));
    return Collections.unmodifiableMap(out);
  }

  /**
   * @return for each group in label order, the KPIs of each period in which it has answers;
   *     empty unless the query has both a period and a dimension
   */
  public Map<String, List<PeriodResult>> periodsByGroup() {
    if (query.period().isEmpty() || query.dimension().isEmpty()) {
      return Map.of();
    }
    Map<String, List<PeriodResult>> tmp = new TreeMap<>();
    cells.forEach((p, m) -> m.forEach((g, k) ->
        tmp.computeIfAbsent(g, x -> new ArrayList<>()).add(periodResult(p, k))));
    Map<String, List<PeriodResult>> out = new LinkedHashMap<>();
    tmp.forEach((g, l) -> out.put(g, Collections.unmodifiableList(l)));
    return Collections.unmodifiableMap(out);
  }

  /**
   * The change of a KPI between consecutive periods (with answers for that KPI), each with its
   * significance test.
   *
   * @param kpi the KPI
   * @return the changes in time order; empty if the query has no period
   */
  public List<PeriodChange> trend(Kpi kpi) {
    Objects.requireNonNull(kpi, "kpi");
    return trendOf(periods(), kpi);
  }

  /**
   * The change of a KPI between consecutive periods within one group.
   *
   * @param kpi the KPI
   * @param group a group label
   * @return the changes in time order; empty if the group has no answers or the query has no
   *     period
   */
  public List<PeriodChange> trend(Kpi kpi, String group) {
    Objects.requireNonNull(kpi, "kpi");
    Objects.requireNonNull(group, "group");
    return trendOf(periodsByGroup().getOrDefault(group, List.of()), kpi);
  }

  /**
   * Tests whether a KPI differs between two groups ({@code b} compared with {@code a}).
   *
   * @param kpi the KPI
   * @param a a group label
   * @param b another group label
   * @return the comparison; empty if a group has too few answers (none; fewer than 2 for CES)
   */
  public Optional<Comparison> compareGroups(Kpi kpi, String a, String b) {
    Objects.requireNonNull(kpi, "kpi");
    Map<String, Kpis> groups = groupAggregates();
    Kpis ka = groups.get(Objects.requireNonNull(a, "a"));
    Kpis kb = groups.get(Objects.requireNonNull(b, "b"));
    if (ka == null || kb == null) {
      return Optional.empty();
    }
    return change(kpi, ka.result(query.minimumSample()), kb.result(query.minimumSample()));
  }

  /**
   * @param other a report of an equal query over other data
   * @return the report over both
   * @throws IllegalArgumentException if the queries differ in shape or rules
   */
  public KpiReport merge(KpiReport other) {
    Objects.requireNonNull(other, "other");
    checkArgument(query.compatibleWith(other.query), "query must match %s to merge but was %s",
        query, other.query);
    NavigableMap<Long, SortedMap<String, Kpis>> out = new TreeMap<>();
    BiFunction<Long, SortedMap<String, Kpis>, Void> add = (p, m) -> {
      SortedMap<String, Kpis> target = out.computeIfAbsent(p, x -> new TreeMap<>());
      m.forEach((g, k) -> target.merge(g, k, Kpis::merge));
      return null;
    };
    cells.forEach(add::apply);
    other.cells.forEach(add::apply);
    return new KpiReport(query, out, ignored + other.ignored);
  }

  private Map<String, Kpis> groupAggregates() {
    if (query.dimension().isEmpty()) {
      return Map.of();
    }
    Map<String, Kpis> out = new TreeMap<>();
    cells.values().forEach(m -> m.forEach((g, k) -> out.merge(g, k, Kpis::merge)));
    return out;
  }

  private Kpis merged(Iterable<Kpis> parts) {
    Kpis total = query.emptyKpis();
    for (Kpis k : parts) {
      total = total.merge(k);
    }
    return total;
  }

  private PeriodResult periodResult(long p, Kpis k) {
    CalendarPeriod period = query.period().orElseThrow();
    return new PeriodResult(period.label(p), period.start(p), k.result(query.minimumSample()));
  }

  private static List<PeriodChange> trendOf(List<PeriodResult> periods, Kpi kpi) {
    List<PeriodChange> out = new ArrayList<>();
    PeriodResult prev = null;
    for (PeriodResult r : periods) {
      if (!has(kpi, r.kpis())) {
        continue;
      }
      if (prev != null) {
        PeriodResult from = prev;
        change(kpi, from.kpis(), r.kpis())
            .ifPresent(c -> out.add(new PeriodChange(from.period(), r.period(), c)));
      }
      prev = r;
    }
    return Collections.unmodifiableList(out);
  }

  private static boolean has(Kpi kpi, KpiResults r) {
    switch (kpi) {
      case NPS:
        return r.nps().responses() > 0;
      case CES:
        return r.ces().responses() > 1;
      default:
        return r.csat().responses() > 0;
    }
  }

  private static Optional<Comparison> change(Kpi kpi, KpiResults before, KpiResults after) {
    Function<KpiResults, Optional<Comparison>> f;
    switch (kpi) {
      case NPS:
        return after.nps().changeFrom(before.nps());
      case CSAT:
        return after.csat().changeFrom(before.csat());
      case NET_SATISFACTION:
        return after.csat().netChangeFrom(before.csat());
      default:
        return after.ces().changeFrom(before.ces());
    }
  }

  @Override
  public String toString() {
    return "KpiReport{" + query + ", periods=" + cells.size() + ", overall=" + overall() + "}";
  }
}
