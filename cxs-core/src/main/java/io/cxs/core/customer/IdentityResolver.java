package io.cxs.core.customer;

import io.cxs.core.spi.ScanDictionary;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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

  /**
   * Resolves many identities at once, as analytics do for every subject of a scan. Numbers the
   * customers densely, in order of first appearance: {@code customers[i]} is the number of the
   * customer of {@code identities.get(i)}, and the returned list holds the id of each number. An
   * identity the resolver does not know is a customer of its own, with the id the engine would
   * give it ({@link #idOfUnknown(Identity)}).
   *
   * <p>The default calls {@link #customerOf} per identity; the engine's resolver overrides it
   * with one pass over its identity graph, without a map of customer ids.
   *
   * @param identities the identities, such as the subjects of a scan in code order
   * @param customers receives each identity's customer number; at least as long as
   *     {@code identities}
   * @return the id of each customer number, in a new list that the caller may keep
   * @throws IllegalArgumentException if {@code customers} is shorter than {@code identities}
   */
  default List<CustomerId> resolveAll(List<Identity> identities, int[] customers) {
    Objects.requireNonNull(identities, "identities");
    Objects.requireNonNull(customers, "customers");
    if (customers.length < identities.size()) {
      throw new IllegalArgumentException("customers has length " + customers.length
          + " but there are " + identities.size() + " identities");
    }
    // open addressing over the distinct ids: no entry or boxed number per identity
    int n = identities.size();
    int cap = Integer.highestOneBit(Math.max(8, n) * 2 - 1) << 1;
    CustomerId[] keys = new CustomerId[cap];
    int[] numbers = new int[cap];
    int mask = cap - 1;
    List<CustomerId> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Identity identity = identities.get(i);
      CustomerId id = customerOf(identity).orElseGet(() -> idOfUnknown(identity));
      int h = id.hashCode() * 0x9E3779B9;
      int slot = (h ^ (h >>> 16)) & mask;
      while (keys[slot] != null && !keys[slot].equals(id)) {
        slot = (slot + 1) & mask;
      }
      if (keys[slot] == null) {
        keys[slot] = id;
        numbers[slot] = ids.size();
        ids.add(id);
      }
      customers[i] = numbers[slot];
    }
    return ids;
  }

  /**
   * {@link #resolveAll(List, int[])} over the subjects of a scan, in code order:
   * {@code customers[s]} receives the number of the customer of subject code {@code s}. The
   * engine's resolver remembers, per {@link ScanDictionary#subjectCodeSpace() code space}, where
   * each code sits in its identity graph, so repeated scans of the same store skip looking the
   * identities up again, and a scan with no change to the graph or the subjects since the last
   * one gets that scan's result again.
   *
   * @param dictionary the scan's dictionary; every code below its
   *     {@link ScanDictionary#subjectCount()} is resolved
   * @param customers receives each subject code's customer number; at least
   *     {@code subjectCount()} long
   * @return the id of each customer number; the caller may keep the list but must not modify
   *     it, as it may be the one an earlier call returned
   * @throws IllegalArgumentException if {@code customers} is too short
   */
  default List<CustomerId> resolveAll(ScanDictionary dictionary, int[] customers) {
    return resolveAll(dictionary.subjects(), customers);
  }

  /**
   * The id an identity that no resolver knows would get as a customer of its own: its value for
   * a user id, else its {@link Identity#key()}.
   *
   * @param identity an identity
   * @return the customer id
   */
  static CustomerId idOfUnknown(Identity identity) {
    return CustomerId.of(identity.kind() == IdentityKind.USER_ID
        ? identity.value() : identity.key());
  }
}
