package io.cxs.journey.timeline;

import io.cxs.core.customer.CustomerId;
import io.cxs.core.customer.Identity;
import io.cxs.core.customer.IdentityKind;
import io.cxs.core.customer.IdentityResolver;
import io.cxs.core.spi.ScanDictionary;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The resolved customers of one scan, numbered {@code 0..size()-1} in the order they were first
 * met. A subject the resolver does not know is its own customer, with the id the engine would
 * give it (its user id, or {@link Identity#key()} otherwise).
 *
 * <p>Not thread-safe; a scan builds it and then only reads it.
 *
 * @since 0.1
 */
public final class Customers {
  private final IdentityResolver resolver;
  private final Map<CustomerId, Integer> ordinals;
  private CustomerId[] ids = new CustomerId[16];
  private int size;

  Customers(IdentityResolver resolver, int expected) {
    this.resolver = resolver;
    this.ordinals = new HashMap<>(Math.max(16, (int) (expected / 0.75f) + 1));
  }

  /** @return the number of customers */
  public int size() {
    return size;
  }

  /**
   * @param ordinal a customer ordinal
   * @return its id
   * @throws IndexOutOfBoundsException if {@code ordinal} is not in {@code [0, size())}
   */
  public CustomerId id(int ordinal) {
    Objects.checkIndex(ordinal, size);
    return ids[ordinal];
  }

  /**
   * @param id a customer id
   * @return its ordinal, or empty if the scan has no such customer
   */
  public OptionalInt ordinal(CustomerId id) {
    Integer o = ordinals.get(Objects.requireNonNull(id, "id"));
    return o == null ? OptionalInt.empty() : OptionalInt.of(o);
  }

  /**
   * Resolves every subject of another scan (such as a feedback scan) to these ordinals.
   *
   * @param dictionary the other scan's dictionary
   * @return for each subject code, the ordinal of its customer, or -1 if that customer had no
   *     touchpoints in this scan
   */
  public int[] resolve(ScanDictionary dictionary) {
    int n = dictionary.subjectCount();
    int[] out = new int[n];
    for (int s = 0; s < n; s++) {
      Integer o = ordinals.get(customerOf(dictionary.subject(s)));
      out[s] = o == null ? -1 : o;
    }
    return out;
  }

  /** @return the ordinal of the subject's customer, adding the customer if new */
  int ordinalOf(Identity subject) {
    CustomerId id = customerOf(subject);
    Integer o = ordinals.get(id);
    if (o != null) {
      return o;
    }
    if (size == ids.length) {
      ids = Arrays.copyOf(ids, size * 2);
    }
    ids[size] = id;
    ordinals.put(id, size);
    return size++;
  }

  private CustomerId customerOf(Identity subject) {
    Optional<CustomerId> c = resolver.customerOf(subject);
    if (c.isPresent()) {
      return c.get();
    }
    return CustomerId.of(subject.kind() == IdentityKind.USER_ID ? subject.value() : subject.key());
  }
}
