/**
 * Per-customer, time-ordered timelines over the columnar touchpoint scan: each stored subject
 * (user id or anonymous id) is resolved to its customer once per scan, and a customer known by
 * several subjects (an anonymous visitor who later logged in) is visited once, with the rows of
 * all its subjects merged by time. Funnels, paths and journey maps are built on it.
 *
 * <p>Every parameter and return value is non-null.
 *
 * @since 0.1
 */
package io.cxs.journey.timeline;
