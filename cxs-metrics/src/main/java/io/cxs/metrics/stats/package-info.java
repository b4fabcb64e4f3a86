/**
 * The statistics behind the KPIs: normal and Student-t distributions, confidence intervals
 * (Wilson for proportions, t for means, the multinomial variance for net scores) and
 * significance tests for changes between two periods or groups. Pure functions and immutable
 * values; nothing here accepts or returns {@code null}, and nothing returns NaN for valid input.
 *
 * @since 0.1
 */
package io.cxs.metrics.stats;
