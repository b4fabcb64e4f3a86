/**
 * Interactions: {@link io.cxs.core.touchpoint.Touchpoint} and its
 * {@link io.cxs.core.touchpoint.Channel}, {@link io.cxs.core.touchpoint.JourneyStage} and
 * {@link io.cxs.core.touchpoint.Money}. Immutable values; nothing here accepts or returns
 * {@code null}.
 */
package io.cxs.core.touchpoint;
