/**
 * The customer profile: {@link io.cxs.core.customer.Customer}, its
 * {@link io.cxs.core.customer.Identity identities}, {@link io.cxs.core.customer.Consent consents}
 * and {@link io.cxs.core.customer.MergeRecord merge history}, and the
 * {@link io.cxs.core.customer.CustomerView customer 360 view}.
 *
 * <p>All types are immutable values validated in their constructors. Nothing here accepts or
 * returns {@code null}.
 */
package io.cxs.core.customer;
