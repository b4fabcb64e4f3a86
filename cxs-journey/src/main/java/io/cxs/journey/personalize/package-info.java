/**
 * Personalization: {@link io.cxs.journey.personalize.NextBestAction next-best-action} ranking of
 * candidate actions for the customer in front of an agent, and item-to-item
 * {@link io.cxs.journey.personalize.CoOccurrenceRecommender recommendations} learned
 * incrementally from purchase touchpoints.
 *
 * <p>Nothing here accepts or returns {@code null}.
 *
 * @since 0.1
 */
package io.cxs.journey.personalize;
