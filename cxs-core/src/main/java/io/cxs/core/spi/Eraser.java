package io.cxs.core.spi;

import io.cxs.core.customer.CustomerId;
import io.cxs.core.customer.Identity;
import java.util.Collection;
import java.util.Objects;

/**
 * Removes everything stored about one customer: its profile, and every touchpoint and piece of
 * feedback of its identities. {@link io.cxs.core.Cxs#erase} calls it. The default,
 * {@link #perStore}, calls each store in turn; stores that share a database offer one that does
 * it in a single transaction (such as {@code JdbcStores.eraser()}).
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Eraser {

  /**
   * @param id the customer id
   * @param identities every identity of the customer
   * @return how many stored items (profiles, touchpoints, feedback) were removed
   */
  long erase(CustomerId id, Collection<Identity> identities);

  /**
   * @param customers the customer store
   * @param touchpoints the touchpoint store
   * @param feedback the feedback store
   * @return an eraser that deletes from each store in turn (not atomic across stores)
   */
  static Eraser perStore(CustomerStore customers, TouchpointStore touchpoints,
      FeedbackStore feedback) {
    Objects.requireNonNull(customers, "customers");
    Objects.requireNonNull(touchpoints, "touchpoints");
    Objects.requireNonNull(feedback, "feedback");
    return (id, identities) -> {
      long n = 0;
      for (Identity i : identities) {
        n += touchpoints.delete(i);
        n += feedback.delete(i);
      }
      return n + (customers.delete(id) ? 1 : 0);
    };
  }
}
