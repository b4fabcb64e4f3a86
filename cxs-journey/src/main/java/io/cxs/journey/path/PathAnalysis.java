package io.cxs.journey.path;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import io.cxs.core.Cxs;
import io.cxs.core.spi.ScanDictionary;
import io.cxs.journey.timeline.Customers;
import io.cxs.journey.timeline.Timeline;
import io.cxs.journey.timeline.TimelineScan;
import io.cxs.journey.timeline.TimelineVisitor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Path analysis around an anchor event. For every customer (after identity resolution) whose
 * timeline has the anchor, the path is the anchor's <em>first</em> occurrence and the events
 * right after it (or, with {@link #before}, right before it), at most {@code depth} events in
 * all, in time order. Paths are counted once per customer.
 *
 * <pre>{@code
 * PathReport r = PathAnalysis.after("Product Viewed").depth(4).top(20).build().run(cxs);
 * }</pre>
 *
 * <p>The Sankey nodes are (position, event) pairs. To keep a chart readable, each position keeps
 * its {@code maxNodesPerStep} most frequent events and folds the rest into {@link #OTHER}. Top
 * paths are always exact. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class PathAnalysis {
  /** The event name standing for "no further event" in {@link PathReport#adjacent()}. */
  public static final String END = "(end)";
  /** The event name of the folded Sankey node for events beyond the per-position cap. */
  public static final String OTHER = "(other)";
  /** The default path length, anchor included. */
  public static final int DEFAULT_DEPTH = 4;
  /** The default number of top paths. */
  public static final int DEFAULT_TOP = 20;
  /** The default number of distinct Sankey nodes per position. */
  public static final int DEFAULT_MAX_NODES_PER_STEP = 10;

  private final String anchor;
  private final boolean after;
  private final int depth;
  private final int top;
  private final int maxNodes;

  private PathAnalysis(Builder b) {
    this.anchor = b.anchor;
    this.after = b.after;
    this.depth = b.depth == 0 ? DEFAULT_DEPTH : b.depth;
    this.top = b.top == 0 ? DEFAULT_TOP : b.top;
    this.maxNodes = b.maxNodes == 0 ? DEFAULT_MAX_NODES_PER_STEP : b.maxNodes;
  }

  /**
   * @param event the anchor event name
   * @return a builder for paths that start at the event
   * @throws IllegalArgumentException if {@code event} is blank
   */
  public static Builder after(String event) {
    return new Builder(event, true);
  }

  /**
   * @param event the anchor event name
   * @return a builder for paths that end at the event
   * @throws IllegalArgumentException if {@code event} is blank
   */
  public static Builder before(String event) {
    return new Builder(event, false);
  }

  /**
   * @param cxs the engine
   * @return the paths of all its customers
   */
  public PathReport run(Cxs cxs) {
    return run(TimelineScan.of(cxs));
  }

  /**
   * @param scan the customers' timelines
   * @return the paths, computed in one scan
   */
  public PathReport run(TimelineScan scan) {
    Objects.requireNonNull(scan, "scan");
    Collector c = new Collector();
    scan.run(c);
    return c.report();
  }

  /** A path as name codes, usable as a map key. */
  private record Key(int[] codes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key && Arrays.equals(codes, ((Key) o).codes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(codes);
    }

    @Override
    public String toString() {
      return Arrays.toString(codes);
    }
  }

  private final class Collector implements TimelineVisitor {
    private ScanDictionary dictionary;
    private int anchorCode = -1;
    private long customers;
    private final Map<Key, long[]> paths = new HashMap<>();
    private final Map<Integer, long[]> adjacent = new HashMap<>();

    @Override
    public void begin(ScanDictionary dict, Customers all) {
      dictionary = dict;
      OptionalInt code = dict.nameCode(anchor);
      anchorCode = code.orElse(-1);
    }

    @Override
    public void visit(Timeline t) {
      if (anchorCode < 0) {
        return;
      }
      int size = t.size();
      int a = 0;
      while (a < size && t.name(a) != anchorCode) {
        a++;
      }
      if (a == size) {
        return;
      }
      customers++;
      int from = after ? a : Math.max(0, a - depth + 1);
      int to = after ? Math.min(size, a + depth) : a + 1;
      int[] codes = new int[to - from];
      for (int r = from; r < to; r++) {
        codes[r - from] = t.name(r);
      }
      paths.computeIfAbsent(new Key(codes), k -> new long[1])[0]++;
      int next = after ? (a + 1 < size ? t.name(a + 1) : -1) : (a > 0 ? t.name(a - 1) : -1);
      adjacent.computeIfAbsent(next, k -> new long[1])[0]++;
    }

    private String name(int code) {
      return code < 0 ? END : dictionary.name(code);
    }

    private List<String> names(int[] codes) {
      List<String> out = new ArrayList<>(codes.length);
      for (int c : codes) {
        out.add(name(c));
      }
      return out;
    }

    PathReport report() {
      Comparator<PathCount> order = Comparator.comparingLong(PathCount::customers).reversed()
          .thenComparing(p -> String.join("\u0000", p.events()));
      List<PathCount> adj = new ArrayList<>();
      adjacent.forEach((code, c) -> adj.add(new PathCount(List.of(name(code)), c[0])));
      adj.sort(order);
      List<PathCount> all = new ArrayList<>();
      paths.forEach((k, c) -> all.add(new PathCount(names(k.codes()), c[0])));
      all.sort(order);
      List<PathCount> topPaths = all.subList(0, Math.min(top, all.size()));
      return new PathReport(anchor, after, customers, adj, topPaths, nodes(all), links(all));
    }

    /** Per position, the events kept as their own node; the rest fold into OTHER. */
    private List<Map<String, Long>> positionCounts(List<PathCount> all) {
      List<Map<String, Long>> perPosition = new ArrayList<>();
      for (PathCount p : all) {
        // align "before" paths so the anchor is always at the last position
        int shift = after ? 0 : depth - p.events().size();
        for (int i = 0; i < p.events().size(); i++) {
          while (perPosition.size() <= i + shift) {
            perPosition.add(new HashMap<>());
          }
          perPosition.get(i + shift).merge(p.events().get(i), p.customers(), Long::sum);
        }
      }
      return perPosition;
    }

    private List<String> folded(PathCount p, List<Map<String, Long>> kept) {
      int shift = after ? 0 : depth - p.events().size();
      List<String> out = new ArrayList<>();
      for (int i = 0; i < p.events().size(); i++) {
        String e = p.events().get(i);
        out.add(kept.get(i + shift).containsKey(e) ? e : OTHER);
      }
      return out;
    }

    private List<Map<String, Long>> kept(List<PathCount> all) {
      List<Map<String, Long>> kept = new ArrayList<>();
      for (Map<String, Long> m : positionCounts(all)) {
        Map<String, Long> k = new LinkedHashMap<>();
        m.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey()))
            .limit(maxNodes)
            .forEach(e -> k.put(e.getKey(), e.getValue()));
        kept.add(k);
      }
      return kept;
    }

    private List<SankeyNode> nodes(List<PathCount> all) {
      List<Map<String, Long>> kept = kept(all);
      Map<String, SankeyNode> nodes = new LinkedHashMap<>();
      for (PathCount p : all) {
        int shift = after ? 0 : depth - p.events().size();
        List<String> f = folded(p, kept);
        for (int i = 0; i < f.size(); i++) {
          int pos = i + shift;
          String id = pos + ":" + f.get(i);
          SankeyNode old = nodes.get(id);
          nodes.put(id, new SankeyNode(id, pos, f.get(i),
              (old == null ? 0 : old.customers()) + p.customers()));
        }
      }
      List<SankeyNode> out = new ArrayList<>(nodes.values());
      out.sort(Comparator.comparingInt(SankeyNode::position)
          .thenComparing(Comparator.comparingLong(SankeyNode::customers).reversed())
          .thenComparing(SankeyNode::event));
      return out;
    }

    private List<SankeyLink> links(List<PathCount> all) {
      List<Map<String, Long>> kept = kept(all);
      Map<String, long[]> links = new LinkedHashMap<>();
      for (PathCount p : all) {
        int shift = after ? 0 : depth - p.events().size();
        List<String> f = folded(p, kept);
        for (int i = 0; i + 1 < f.size(); i++) {
          String key = (i + shift) + ":" + f.get(i) + "\u0000" + (i + 1 + shift) + ":" + f.get(i + 1);
          links.computeIfAbsent(key, k -> new long[1])[0] += p.customers();
        }
      }
      List<SankeyLink> out = new ArrayList<>();
      links.forEach((k, c) -> {
        int sep = k.indexOf('\u0000');
        out.add(new SankeyLink(k.substring(0, sep), k.substring(sep + 1), c[0]));
      });
      out.sort(Comparator.comparing(SankeyLink::source)
          .thenComparing(Comparator.comparingLong(SankeyLink::customers).reversed())
          .thenComparing(SankeyLink::target));
      return out;
    }
  }

  /**
   * Configures a {@link PathAnalysis}; each option may be set once.
   *
   * @since 0.1
   */
  public static final class Builder {
    private final String anchor;
    private final boolean after;
    private int depth;
    private int top;
    private int maxNodes;

    private Builder(String anchor, boolean after) {
      Objects.requireNonNull(anchor, "event");
      checkArgument(!anchor.isBlank(), "event must not be blank but was '%s'", anchor);
      this.anchor = anchor;
      this.after = after;
    }

    /**
     * @param depth the longest path, anchor included, in [2, 20] (default {@value #DEFAULT_DEPTH})
     * @return this builder
     * @throws IllegalArgumentException if out of range
     * @throws IllegalStateException if already set
     */
    public Builder depth(int depth) {
      checkState(this.depth == 0, "depth was already set to %s", this.depth);
      checkArgument(depth >= 2 && depth <= 20, "depth must be in [2, 20] but was %s", depth);
      this.depth = depth;
      return this;
    }

    /**
     * @param top how many top paths to report, positive (default {@value #DEFAULT_TOP})
     * @return this builder
     * @throws IllegalArgumentException if not positive
     * @throws IllegalStateException if already set
     */
    public Builder top(int top) {
      checkState(this.top == 0, "top was already set to %s", this.top);
      checkArgument(top > 0, "top must be positive but was %s", top);
      this.top = top;
      return this;
    }

    /**
     * @param max the most distinct Sankey nodes per position, positive (default
     *     {@value #DEFAULT_MAX_NODES_PER_STEP})
     * @return this builder
     * @throws IllegalArgumentException if not positive
     * @throws IllegalStateException if already set
     */
    public Builder maxNodesPerStep(int max) {
      checkState(this.maxNodes == 0, "maxNodesPerStep was already set to %s", this.maxNodes);
      checkArgument(max > 0, "maxNodesPerStep must be positive but was %s", max);
      this.maxNodes = max;
      return this;
    }

    /** @return the analysis */
    public PathAnalysis build() {
      return new PathAnalysis(this);
    }
  }
}
