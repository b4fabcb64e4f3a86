/**
 * Journey maps: named stages with their expected touchpoints, moments of truth and target
 * durations, and a report of how customers actually move through them, with the feedback they
 * gave at each stage. Start with {@link io.cxs.journey.map.JourneyMap#builder(String)}.
 *
 * <p>Every parameter and return value is non-null.
 *
 * @since 0.1
 */
package io.cxs.journey.map;
