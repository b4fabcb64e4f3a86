/**
 * RFM scoring: quintile {@link io.cxs.metrics.rfm.RfmScore scores} for recency, frequency and
 * monetary value computed by {@link io.cxs.metrics.rfm.RfmScores} from {@link
 * io.cxs.metrics.clv.HistoricalValue historical values}, and named {@link
 * io.cxs.metrics.rfm.RfmSegment segments} with documented rules.
 *
 * <p>All types are immutable values or stateless utilities. Nothing here accepts or returns
 * {@code null}.
 */
package io.cxs.metrics.rfm;
