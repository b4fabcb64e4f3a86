/**
 * Friction points: the funnel steps and journey stages where customers drop off and complain,
 * ranked by {@link io.cxs.journey.friction.FrictionPoint#score()}, with the numbers behind each
 * rank.
 *
 * <p>Every parameter and return value is non-null.
 *
 * @since 0.1
 */
package io.cxs.journey.friction;
