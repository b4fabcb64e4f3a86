package io.cxs.journey.timeline;

import io.cxs.core.customer.CustomerId;
import io.cxs.core.customer.IdentityResolver;
import io.cxs.core.spi.ScanDictionary;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The resolved customers of one scan, numbered {@code 0..size()-1} in the order they were first
 * met. A subject the resolver does not know is its own customer, with the id the engine would
 * give it ({@link IdentityResolver#idOfUnknown}).
 *
 * <p>Built in one {@link IdentityResolver#resolveAll} call; the map from ids back to ordinals is
 * built only when first asked for. Not thread-safe; a scan builds it and then only reads it.
 *
 * @since 0.1
 */
public final class Customers {
  private final IdentityResolver resolver;
  private final List<CustomerId> ids;
  private final int[] subjectCustomer;
  private Map<CustomerId, Integer> ordinals;

  private Customers(IdentityResolver resolver, List<CustomerId> ids, int[] subjectCustomer) {
    this.resolver = resolver;
    this.ids = ids;
    this.subjectCustomer = subjectCustomer;
  }

  /** Resolves every subject of a scan's dictionary. */
  static Customers of(IdentityResolver resolver, ScanDictionary dictionary) {
    int n = dictionary.subjectCount();
    int[] subjectCustomer = new int[n];
    List<CustomerId> ids = resolver.resolveAll(dictionary, subjectCustomer);
    // resolveAll returns a list of its own making; a view saves copying a million references
    return new Customers(resolver, Collections.unmodifiableList(ids), subjectCustomer);
  }

  /** @return no customers */
  static Customers empty(IdentityResolver resolver) {
    return new Customers(resolver, List.of(), new int[0]);
  }

  /** @return the number of customers */
  public int size() {
    return ids.size();
  }

  /**
   * @param ordinal a customer ordinal
   * @return its id
   * @throws IndexOutOfBoundsException if {@code ordinal} is not in {@code [0, size())}
   */
  public CustomerId id(int ordinal) {
    return ids.get(ordinal);
  }

  /**
   * @param id a customer id
   * @return its ordinal, or empty if the scan has no such customer
   */
  public OptionalInt ordinal(CustomerId id) {
    Integer o = ordinals().get(Objects.requireNonNull(id, "id"));
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
    int[] numbers = new int[n];
    List<CustomerId> theirs = resolver.resolveAll(dictionary, numbers);
    int[] mine = new int[theirs.size()];
    Map<CustomerId, Integer> index = ordinals();
    for (int i = 0; i < mine.length; i++) {
      Integer o = index.get(theirs.get(i));
      mine[i] = o == null ? -1 : o;
    }
    int[] out = new int[n];
    for (int s = 0; s < n; s++) {
      out[s] = mine[numbers[s]];
    }
    return out;
  }

  /** @return the ordinal of the customer of each subject code of the scan */
  int[] subjectOrdinals() {
    return subjectCustomer;
  }

  private synchronized Map<CustomerId, Integer> ordinals() {
    if (ordinals == null) {
      Map<CustomerId, Integer> m = new HashMap<>(Math.max(16, (int) (ids.size() / 0.75f) + 1));
      for (int i = 0; i < ids.size(); i++) {
        m.put(ids.get(i), i);
      }
      ordinals = m;
    }
    return ordinals;
  }
}
