/**
 * Descriptive customer retention by calendar period: cohort retention tables, churn and
 * retention rates from one period to the next, and the repeat-purchase rate, over a {@link
 * io.cxs.core.spi.TouchpointStore} (one columnar scan, customers resolved through the identity
 * graph) or over plain Java input. Start at {@link io.cxs.metrics.retention.RetentionAnalysis}.
 * Historical value per customer is {@link io.cxs.metrics.clv.HistoricalValue}, fed by {@link
 * io.cxs.metrics.retention.RetentionAnalysis#purchases}.
 *
 * <p>Results are immutable records, serializable with Jackson. Nothing here accepts or returns
 * {@code null}; an undefined rate is an empty {@link java.util.OptionalDouble}, never NaN. Caller
 * mistakes throw {@link java.lang.IllegalArgumentException} or {@link
 * java.lang.IllegalStateException} naming the value. Analyses are thread-safe; accumulators are
 * not (merge one per thread).
 */
package io.cxs.metrics.retention;
