package io.cxs.metrics.kpi;

/**
 * The KPIs a {@link KpiReport} can trend.
 *
 * @since 0.1
 */
public enum Kpi {
  /** Net Promoter Score, see {@link NpsResult}. */
  NPS,
  /** Customer satisfaction, see {@link CsatResult#score()}. */
  CSAT,
  /** Net satisfaction, see {@link CsatResult#netSatisfaction()}. */
  NET_SATISFACTION,
  /** Mean customer effort, see {@link CesResult#mean()}. */
  CES
}
