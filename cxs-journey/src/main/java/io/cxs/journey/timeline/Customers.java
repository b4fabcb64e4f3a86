package io.cxs.journey.timeline;

import io.cxs.core.customer.CustomerId;
import io.cxs.core.customer.Identity;
import io.cxs.core.customer.IdentityResolver;
import io.cxs.core.spi.ScanDictionary;
import java.util.ArrayList;
import java.util.Arrays;
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

  /**
   * Resolves the subjects of a scan whose dictionary grows from batch to batch (see
   * {@link ScanDictionary#complete()}): each {@link #extend} resolves only the codes added since
   * the last one. Customers are numbered in order of first appearance over the subject codes,
   * as {@link #of} numbers them over the whole dictionary at once.
   */
  static final class Growing {
    private final IdentityResolver resolver;
    private final List<CustomerId> ids = new ArrayList<>();
    private final Map<CustomerId, Integer> ordinals = new HashMap<>();
    private int[] subjectCustomer = new int[16];
    private int known;

    Growing(IdentityResolver resolver) {
      this.resolver = resolver;
    }

    /** Resolves the subject codes of {@code dictionary} that are new since the last call. */
    void extend(ScanDictionary dictionary) {
      int n = dictionary.subjectCount();
      if (n <= known) {
        return;
      }
      List<Identity> fresh = new ArrayList<>(n - known);
      for (int s = known; s < n; s++) {
        fresh.add(dictionary.subject(s));
      }
      int[] local = new int[fresh.size()];
      List<CustomerId> localIds = resolver.resolveAll(fresh, local);
      int[] mine = new int[localIds.size()];
      for (int i = 0; i < mine.length; i++) {
        CustomerId id = localIds.get(i);
        Integer o = ordinals.get(id);
        if (o == null) {
          o = ids.size();
          ids.add(id);
          ordinals.put(id, o);
        }
        mine[i] = o;
      }
      if (subjectCustomer.length < n) {
        subjectCustomer = Arrays.copyOf(subjectCustomer, Math.max(n, subjectCustomer.length * 2));
      }
      for (int k = 0; k < local.length; k++) {
        subjectCustomer[known + k] = mine[local[k]];
      }
      known = n;
    }

    /** @return the customer ordinal of a subject code already {@linkplain #extend resolved} */
    int customerOf(int subject) {
      return subjectCustomer[Objects.checkIndex(subject, known)];
    }

    /** @return the customers resolved so far */
    Customers build() {
      Customers c = new Customers(resolver, Collections.unmodifiableList(ids),
          Arrays.copyOf(subjectCustomer, known));
      c.ordinals = ordinals;
      return c;
    }
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
    return resolve(dictionary, new int[0]);
  }

  /**
   * Extends an earlier {@link #resolve} of the same scan to the subject codes its dictionary has
   * gained since (a dictionary grows from batch to batch, see {@link ScanDictionary}): only the
   * codes from {@code resolved.length} on are looked up.
   *
   * @param dictionary the other scan's dictionary, as its current batch has it
   * @param resolved what an earlier call returned for an earlier batch of the same scan, or an
   *     empty array
   * @return {@code resolved} itself if the dictionary has no new subject, else a longer copy
   * @throws IllegalArgumentException if {@code resolved} is longer than the dictionary
   * @since 0.1
   */
  public int[] resolve(ScanDictionary dictionary, int[] resolved) {
    Objects.requireNonNull(dictionary, "dictionary");
    Objects.requireNonNull(resolved, "resolved");
    int n = dictionary.subjectCount();
    int from = resolved.length;
    if (from > n) {
      throw new IllegalArgumentException("resolved has " + from
          + " subjects but the dictionary only " + n);
    }
    if (from == n) {
      return resolved;
    }
    int[] numbers = new int[n - from];
    List<CustomerId> theirs = from == 0
        ? resolver.resolveAll(dictionary, numbers)
        : resolver.resolveAll(dictionary.subjects().subList(from, n), numbers);
    int[] mine = new int[theirs.size()];
    Map<CustomerId, Integer> index = ordinals();
    for (int i = 0; i < mine.length; i++) {
      Integer o = index.get(theirs.get(i));
      mine[i] = o == null ? -1 : o;
    }
    int[] out = Arrays.copyOf(resolved, n);
    for (int s = from; s < n; s++) {
      out[s] = mine[numbers[s - from]];
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
