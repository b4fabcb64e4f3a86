/**
 * Ordered conversion funnels over customers' timelines, with the semantics of product-analytics
 * funnels: steps are event predicates, a conversion window is measured from each occurrence of
 * the first step, the best attempt counts, and customers are counted after identity resolution.
 * Start with {@link io.cxs.journey.funnel.Funnel#builder()}.
 *
 * <p>Every parameter and return value is non-null.
 *
 * @since 0.1
 */
package io.cxs.journey.funnel;
