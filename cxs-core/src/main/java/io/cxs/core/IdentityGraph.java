package io.cxs.core;

import io.cxs.core.customer.CustomerId;
import io.cxs.core.customer.Identity;
import io.cxs.core.customer.IdentityKind;
import io.cxs.core.customer.IdentityResolver;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Union-find over identities: each connected set of identities is one customer. The customer id
 * of a set is a function of the set alone (its smallest user id, else the key of its smallest
 * identity), so it cannot depend on the order in which links arrived. Not thread-safe: the engine
 * guards it.
 */
final class IdentityGraph {
  private final Map<Identity, Integer> ordinals = new HashMap<>();
  private int[] parent = new int[64];
  private int[] rank = new int[64];
  /** The canonical identity of each root. */
  private Identity[] best = new Identity[64];
  /** The customer id of each root, made on first use and dropped when the root changes. */
  private CustomerId[] idOf = new CustomerId[64];
  /** The earliest event time (epoch millis) of each root's customer. */
  private long[] firstSeen = new long[64];
  private int size;

  /** @return the node of an identity, adding it as its own set if new */
  int node(Identity identity) {
    Integer n = ordinals.get(identity);
    if (n != null) {
      return n;
    }
    int id = size++;
    if (id == parent.length) {
      parent = Arrays.copyOf(parent, id * 2);
      rank = Arrays.copyOf(rank, id * 2);
      best = Arrays.copyOf(best, id * 2);
      firstSeen = Arrays.copyOf(firstSeen, id * 2);
      idOf = Arrays.copyOf(idOf, id * 2);
    }
    parent[id] = id;
    best[id] = identity;
    firstSeen[id] = Long.MAX_VALUE;
    ordinals.put(identity, id);
    return id;
  }

  /** @return the node of a known identity, or -1 */
  int find(Identity identity) {
    Integer n = ordinals.get(identity);
    return n == null ? -1 : root(n);
  }

  int root(int node) {
    int r = node;
    while (parent[r] != r) {
      r = parent[r];
    }
    while (parent[node] != r) {
      int next = parent[node];
      parent[node] = r;
      node = next;
    }
    return r;
  }

  /** Joins two sets and returns the new root. */
  int union(int a, int b) {
    int ra = root(a);
    int rb = root(b);
    if (ra == rb) {
      return ra;
    }
    if (rank[ra] < rank[rb]) {
      int t = ra;
      ra = rb;
      rb = t;
    }
    parent[rb] = ra;
    if (rank[ra] == rank[rb]) {
      rank[ra]++;
    }
    if (precedes(best[rb], best[ra])) {
      best[ra] = best[rb];
      idOf[ra] = null;
    }
    best[rb] = null;
    idOf[rb] = null;
    firstSeen[ra] = Math.min(firstSeen[ra], firstSeen[rb]);
    return ra;
  }

  /**
   * Lowers the first-seen time of a root's customer.
   *
   * @return true if {@code epochMillis} is earlier than what the root had
   */
  boolean seen(int root, long epochMillis) {
    if (epochMillis < firstSeen[root]) {
      firstSeen[root] = epochMillis;
      return true;
    }
    return false;
  }

  /** @return the customer id of the set rooted at {@code root} */
  CustomerId customerId(int root) {
    CustomerId id = idOf[root];
    if (id == null) {
      id = idOf(best[root]);
      idOf[root] = id;
    }
    return id;
  }

  /**
   * Resolves identities in one pass: dense customer numbers in order of first appearance, via an
   * array indexed by root; an unknown identity is a customer of its own.
   */
  List<CustomerId> resolveAll(List<Identity> identities, int[] customers) {
    int[] numberOfRoot = new int[size];
    Arrays.fill(numberOfRoot, -1);
    List<CustomerId> ids = new ArrayList<>();
    Map<Identity, Integer> unknown = null;
    for (int i = 0; i < identities.size(); i++) {
      Identity identity = identities.get(i);
      Integer node = ordinals.get(identity);
      if (node == null) {
        if (unknown == null) {
          unknown = new HashMap<>();
        }
        Integer n = unknown.putIfAbsent(identity, ids.size());
        if (n == null) {
          n = ids.size();
          ids.add(IdentityResolver.idOfUnknown(identity));
        }
        customers[i] = n;
        continue;
      }
      int r = root(node);
      int n = numberOfRoot[r];
      if (n < 0) {
        n = ids.size();
        numberOfRoot[r] = n;
        ids.add(customerId(r));
      }
      customers[i] = n;
    }
    return ids;
  }

  Optional<CustomerId> customerOf(Identity identity) {
    int r = find(identity);
    return r < 0 ? Optional.empty() : Optional.of(customerId(r));
  }

  /** Forgets identities (erasure); their nodes become unreachable. */
  void remove(Iterable<Identity> identities) {
    for (Identity i : identities) {
      ordinals.remove(i);
    }
  }

  /** The customer id a set with this canonical identity gets. */
  static CustomerId idOf(Identity canonical) {
    return IdentityResolver.idOfUnknown(canonical);
  }

  /** User ids come first, then by kind and value: the smallest identity names the customer. */
  static boolean precedes(Identity a, Identity b) {
    boolean ua = a.kind() == IdentityKind.USER_ID;
    boolean ub = b.kind() == IdentityKind.USER_ID;
    if (ua != ub) {
      return ua;
    }
    return a.compareTo(b) < 0;
  }

  int identityCount() {
    return ordinals.size();
  }
}
