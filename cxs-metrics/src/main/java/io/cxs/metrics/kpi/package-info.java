/**
 * Customer experience KPIs — Net Promoter Score, CSAT, Customer Effort Score and net
 * satisfaction — with confidence intervals, significance tests and minimum-sample flags, by
 * period and by dimension.
 *
 * <p>Every KPI is an immutable monoid over counts ({@link io.cxs.metrics.kpi.NpsAggregate},
 * {@link io.cxs.metrics.kpi.CsatAggregate}, {@link io.cxs.metrics.kpi.CesAggregate}): {@code add}
 * one answer in O(1), {@code merge} two partials, {@code result()}; merging partial results
 * equals computing on the union, so KPIs can be computed incrementally, in parallel or in a
 * distributed engine. {@link io.cxs.metrics.kpi.KpiQuery} computes a whole period × dimension
 * table in one columnar pass over a {@link io.cxs.core.spi.FeedbackStore}, and
 * {@link io.cxs.metrics.kpi.LiveKpis} keeps one up to date as feedback arrives.
 *
 * <p>Skipped or dismissed answers (survey feedback without a score) are counted separately and
 * never enter a denominator. Empty results carry {@code responses == 0}, never NaN. Nothing here
 * accepts or returns {@code null}.
 *
 * @since 0.1
 */
package io.cxs.metrics.kpi;
