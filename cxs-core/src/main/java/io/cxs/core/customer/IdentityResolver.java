package io.cxs.core.customer;

import java.util.Optional;

/**
 * Maps an identity to the customer it currently belongs to. Analytics resolve the identity each
 * touchpoint and feedback arrived with through a resolver when they read, so an identity merge
 * changes only the resolver's answers, never the stored events.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface IdentityResolver {

  /**
   * @param identity an identity
   * @return the id of the customer it belongs to, or empty if it is unknown (or was erased)
   */
  Optional<CustomerId> customerOf(Identity identity);
}
