package io.cxs.core;

import io.cxs.core.customer.CustomerId;
import io.cxs.core.customer.Identity;
import io.cxs.core.customer.IdentityKind;
import io.cxs.core.customer.IdentityResolver;
import io.cxs.core.spi.ScanDictionary;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
  /** How many times identities were removed: node memos made before are stale. */
  private long removals;
  /** Counts every change that can change a resolution: new nodes, unions and removals. */
  private long changes;
  private static final int MEMOS = 4;
  private final List<CodeMemo> memos = new ArrayList<>(MEMOS);
  private long memoClock;

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
    changes++;
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
    changes++;
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
    int[] nodes = new int[identities.size()];
    for (int i = 0; i < nodes.length; i++) {
      Integer node = ordinals.get(identities.get(i));
      nodes[i] = node == null ? -1 : node;
    }
    return number(identities, nodes, customers);
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
    removals++;
    changes++;
  }

  /**
   * {@link #resolveAll(List, int[])} over a scan dictionary's subjects, remembering the node of
   * each subject code per {@link ScanDictionary#subjectCodeSpace()}, so that the next scan of the
   * same store looks up only the codes added since (and those unknown then, if the graph grew).
   * The last result is kept too: a scan of the same subjects with no change to the graph since
   * gets it again without a pass over the subjects.
   *
   * @return an unmodifiable list, possibly the one an earlier call returned
   */
  List<CustomerId> resolveAll(ScanDictionary dictionary, int[] customers) {
    int n = dictionary.subjectCount();
    CodeMemo memo = memoFor(dictionary.subjectCodeSpace());
    if (memo.ids != null && memo.idsChanges == changes && memo.idsCount == n) {
      System.arraycopy(memo.customers, 0, customers, 0, n);
      return memo.ids;
    }
    if (memo.removals != removals) {
      memo.filled = 0;
      memo.removals = removals;
    }
    if (memo.node.length < n) {
      memo.node = Arrays.copyOf(memo.node, Math.max(n, memo.node.length + (memo.node.length >> 1)));
    }
    int[] nodes = memo.node;
    boolean grown = memo.graphSize != size;
    for (int s = 0; s < n; s++) {
      if (s >= memo.filled || (grown && nodes[s] < 0)) {
        Integer node = ordinals.get(dictionary.subject(s));
        nodes[s] = node == null ? -1 : node;
      }
    }
    memo.filled = Math.max(memo.filled, n);
    memo.graphSize = size;
    List<CustomerId> ids = Collections.unmodifiableList(
        number(dictionary.subjects(), nodes, customers));
    memo.ids = ids;
    memo.customers = Arrays.copyOf(customers, n);
    memo.idsCount = n;
    memo.idsChanges = changes;
    return ids;
  }

  /**
   * Numbers the customers of identities whose graph nodes are known ({@code -1}: not in the
   * graph, a customer of its own) densely in order of first appearance, via an array indexed by
   * root.
   */
  private List<CustomerId> number(List<Identity> identities, int[] nodes, int[] customers) {
    int n = identities.size();
    int[] numberOfRoot = new int[size];
    Arrays.fill(numberOfRoot, -1);
    List<CustomerId> ids = new ArrayList<>(n);
    Map<Identity, Integer> unknown = null;
    for (int i = 0; i < n; i++) {
      int node = nodes[i];
      if (node < 0) {
        Identity identity = identities.get(i);
        if (unknown == null) {
          unknown = new HashMap<>();
        }
        Integer u = unknown.putIfAbsent(identity, ids.size());
        if (u == null) {
          u = ids.size();
          ids.add(IdentityResolver.idOfUnknown(identity));
        }
        customers[i] = u;
        continue;
      }
      int r = root(node);
      int c = numberOfRoot[r];
      if (c < 0) {
        c = ids.size();
        numberOfRoot[r] = c;
        ids.add(customerId(r));
      }
      customers[i] = c;
    }
    return ids;
  }

  /** @return the memo of this code space, replacing the least recently used of a few */
  private CodeMemo memoFor(Object space) {
    CodeMemo oldest = null;
    for (CodeMemo m : memos) {
      if (m.space.get() == space) {
        m.lastUse = ++memoClock;
        return m;
      }
      if (oldest == null || m.lastUse < oldest.lastUse || m.space.get() == null) {
        oldest = m;
      }
    }
    CodeMemo m = new CodeMemo(space, removals);
    m.lastUse = ++memoClock;
    if (memos.size() < MEMOS) {
      memos.add(m);
    } else {
      memos.set(memos.indexOf(oldest), m);
    }
    return m;
  }

  /** The graph node of each subject code of one code space; -1 for a code not in the graph. */
  private static final class CodeMemo {
    final WeakReference<Object> space;
    int[] node = new int[0];
    /** Codes below this are in {@link #node}. */
    int filled;
    /** The graph's size when unknown codes were last looked up. */
    int graphSize = -1;
    /** The graph's removal count the memo is valid for. */
    long removals;
    long lastUse;
    /** The last resolution of this code space's first {@link #idsCount} codes, or null. */
    List<CustomerId> ids;
    int[] customers;
    int idsCount;
    /** The graph's change count when {@link #ids} was made: valid while it is unchanged. */
    long idsChanges;

    CodeMemo(Object space, long removals) {
      this.space = new WeakReference<>(space);
      this.removals = removals;
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
