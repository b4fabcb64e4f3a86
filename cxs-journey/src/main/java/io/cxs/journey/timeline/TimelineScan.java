package io.cxs.journey.timeline;

import io.cxs.core.Cxs;
import io.cxs.core.customer.IdentityResolver;
import io.cxs.core.internal.Parallel;
import io.cxs.core.internal.TouchpointArrays;
import io.cxs.core.spi.ScanDictionary;
import io.cxs.core.spi.TouchpointBatch;
import io.cxs.core.spi.TouchpointStore;
import io.cxs.journey.internal.RunVisitor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Walks a touchpoint store customer by customer: one {@link TouchpointStore#scan}, each distinct
 * subject resolved to its customer once, and each customer visited once with a time-ordered
 * {@link Timeline}.
 *
 * <p>A customer with a single subject is visited straight over the store's columns, without a
 * copy. The rows of a customer with several subjects (an anonymous visitor who later identified)
 * are copied aside during the scan and merged by time after it (ties broken by subject, then by
 * the store's order), so the result does not depend on which identity an event arrived with.
 *
 * <p>A store whose first batch's dictionary is {@linkplain ScanDictionary#complete() complete}
 * (the in-memory and JDBC stores) is walked as above. For a store whose dictionary grows from
 * batch to batch, a later batch may bring another subject of a customer already met, so every
 * row is copied aside, and the visitors get {@link TimelineVisitor#begin} and every timeline
 * after the last batch, with the dictionary as that batch had it: the same timelines, at the
 * cost of a copy. Properties are copied (as references) only for a visitor that
 * {@linkplain TimelineVisitor#needsProperties() asks for them}.
 *
 * <pre>{@code
 * Customers customers = TimelineScan.of(cxs).run(new TimelineVisitor() { ... });
 * }</pre>
 *
 * <p>Immutable and thread-safe; each {@link #run} is an independent scan.
 *
 * @since 0.1
 */
public final class TimelineScan {
  private final TouchpointStore store;
  private final IdentityResolver resolver;

  private TimelineScan(TouchpointStore store, IdentityResolver resolver) {
    this.store = Objects.requireNonNull(store, "store");
    this.resolver = Objects.requireNonNull(resolver, "resolver");
  }

  /**
   * @param store the touchpoints
   * @param resolver maps each subject to its customer
   * @return a scan over the store
   */
  public static TimelineScan of(TouchpointStore store, IdentityResolver resolver) {
    return new TimelineScan(store, resolver);
  }

  /**
   * @param cxs an engine
   * @return a scan over the engine's touchpoints, resolved through its identity graph
   */
  public static TimelineScan of(Cxs cxs) {
    Objects.requireNonNull(cxs, "cxs");
    return new TimelineScan(cxs.touchpoints(), cxs.resolver());
  }

  /** @return the store this scan reads */
  public TouchpointStore store() {
    return store;
  }

  /** @return the resolver this scan uses */
  public IdentityResolver resolver() {
    return resolver;
  }

  /**
   * Runs the scan.
   *
   * @param visitor receives {@link TimelineVisitor#begin} once, then every customer's timeline
   * @return the customers of the scan (empty if the store is empty)
   */
  public Customers run(TimelineVisitor visitor) {
    Objects.requireNonNull(visitor, "visitor");
    Run run = new Run(List.of(visitor), Runnable::run);
    store.scan(run::accept);
    run.finish();
    return run.customers == null ? Customers.empty(resolver) : run.customers;
  }

  /**
   * Runs the scan on up to {@code parallelism} threads, for visitors whose results can be merged
   * afterwards (such as counts). Each batch of the store is cut into {@code parallelism} row
   * ranges at subject boundaries; the calling thread walks the first range and the executor the
   * others, each range with its own visitor from {@code visitors}, and the batch is released only
   * when all are done. Every customer is visited exactly once, by one of the visitors; every
   * visitor gets {@link TimelineVisitor#begin} before its first timeline, even one that gets no
   * timeline (none does when the store is empty). Batches too small to be worth splitting are
   * walked by the first visitor alone.
   *
   * <p>With {@code parallelism} 1 this is {@link #run} with one visitor, and the executor is not
   * used. No thread is started here: the executor's threads are the only other ones used.
   *
   * @param parallelism the number of visitors, at least 1
   * @param executor runs all ranges but the first; for example
   *     {@link java.util.concurrent.ForkJoinPool#commonPool()}
   * @param visitors makes the visitors, called {@code parallelism} times on the calling thread
   *     before the scan starts (in range order); keep them to merge their results
   * @return the customers of the scan (empty if the store is empty)
   * @throws IllegalArgumentException if {@code parallelism} is below 1
   */
  public Customers runParallel(int parallelism, Executor executor,
      Supplier<? extends TimelineVisitor> visitors) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1 but was " + parallelism);
    }
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(visitors, "visitors");
    List<TimelineVisitor> made = new ArrayList<>(parallelism);
    for (int i = 0; i < parallelism; i++) {
      made.add(Objects.requireNonNull(visitors.get(), "visitor"));
    }
    Run run = new Run(made, executor);
    store.scan(run::accept);
    run.finish();
    return run.customers == null ? Customers.empty(resolver) : run.customers;
  }

  /** Rows below this many per range are not worth a thread of their own. */
  private static final int MIN_ROWS_PER_RANGE = 1 << 14;

  /** The state of one scan: what all ranges share, and one worker per visitor. */
  private final class Run {
    private final List<? extends TimelineVisitor> visitors;
    private final Executor executor;
    private final Worker[] workers;
    private final boolean withProperties;
    private ScanDictionary dictionary;
    private Customers customers;
    private int[] subjectCustomer;
    private boolean[] multi;
    /** True if some customer has several subjects. */
    private boolean anyMulti;
    /**
     * By subject: its customer if that customer has no other subject, else -1; only if some
     * visitor is a {@link RunVisitor}.
     */
    private int[] runCustomer;
    private int subjectCount;
    /** The subjects resolved so far, while the store's dictionary grows; else null. */
    private Customers.Growing growing;
    /** The dictionary of the latest batch, while the store's dictionary grows. */
    private ScanDictionary latest;

    Run(List<? extends TimelineVisitor> visitors, Executor executor) {
      this.visitors = visitors;
      this.executor = executor;
      this.withProperties = visitors.stream().anyMatch(TimelineVisitor::needsProperties);
      this.workers = new Worker[visitors.size()];
      for (int i = 0; i < workers.length; i++) {
        workers[i] = new Worker(visitors.get(i));
      }
    }

    void accept(TouchpointBatch batch) {
      if (dictionary == null && growing == null) {
        if (batch.dictionary().complete()) {
          begin(batch.dictionary());
        } else {
          growing = new Customers.Growing(resolver);
        }
      }
      if (growing != null) {
        latest = batch.dictionary();
        growing.extend(latest);
        workers[0].bufferAll(batch);
        return;
      }
      int size = batch.size();
      int parts = (int) Math.min(workers.length, Math.max(1, size / MIN_ROWS_PER_RANGE));
      if (parts == 1) {
        workers[0].walk(batch, 0, size);
        return;
      }
      int[] cut = new int[parts + 1];
      cut[parts] = size;
      for (int p = 1; p < parts; p++) {
        int c = Math.max(cut[p - 1], (int) ((long) size * p / parts));
        if (c > 0 && c < size && batch.subject(c) == batch.subject(c - 1)) {
          c = batch.subjectRunEnd(c);
        }
        cut[p] = c;
      }
      List<Runnable> others = new ArrayList<>(parts - 1);
      for (int p = 1; p < parts; p++) {
        Worker w = workers[p];
        int from = cut[p];
        int to = cut[p + 1];
        others.add(() -> w.walk(batch, from, to));
      }
      together(() -> workers[0].walk(batch, cut[0], cut[1]), others);
    }

    /** Runs {@code mine} here and {@code others} on the executor; returns when all are done. */
    private void together(Runnable mine, List<Runnable> others) {
      List<Runnable> all = new ArrayList<>(others.size() + 1);
      all.add(mine);
      all.addAll(others);
      Parallel.runAll(executor, all);
    }

    private void begin(ScanDictionary dict) {
      dictionary = dict;
      subjectCount = dict.subjectCount();
      customers = Customers.of(resolver, dict);
      subjectCustomer = customers.subjectOrdinals();
      boolean[] seen = new boolean[customers.size()];
      multi = new boolean[customers.size()];
      for (int s = 0; s < subjectCount; s++) {
        int c = subjectCustomer[s];
        if (seen[c]) {
          multi[c] = true;
          anyMulti = true;
        }
        seen[c] = true;
      }
      if (visitors.stream().anyMatch(RunVisitor.class::isInstance)) {
        runCustomer = new int[subjectCount];
        for (int s = 0; s < subjectCount; s++) {
          int c = subjectCustomer[s];
          runCustomer[s] = multi[c] ? -1 : c;
        }
      }
      for (TimelineVisitor v : visitors) {
        v.begin(dict, customers);
      }
    }

    /**
     * Visits the customers whose rows were copied aside: all workers' copies, sorted by customer
     * (counting sort) and merged by time, each worker taking an equal share of the customers.
     */
    void finish() {
      if (growing != null) {
        // the visitors start only now, with the whole dictionary and every customer
        dictionary = FrozenDictionary.copyOf(latest);
        customers = growing.build();
        for (TimelineVisitor v : visitors) {
          v.begin(dictionary, customers);
        }
      }
      int buffered = 0;
      for (Worker w : workers) {
        buffered += w.buffered;
      }
      if (buffered == 0) {
        return;
      }
      Worker all = workers[0];
      for (int i = 1; i < workers.length; i++) {
        all.append(workers[i]);
      }
      int n = customers.size();
      int[] start = new int[n + 1];
      for (int k = 0; k < all.buffered; k++) {
        start[all.bufCustomer[k] + 1]++;
      }
      for (int c = 0; c < n; c++) {
        start[c + 1] += start[c];
      }
      int[] order = new int[all.buffered];
      int[] fill = Arrays.copyOf(start, n);
      for (int k = 0; k < all.buffered; k++) {
        order[fill[all.bufCustomer[k]]++] = k;
      }
      int parts = (int) Math.min(workers.length, Math.max(1, all.buffered / MIN_ROWS_PER_RANGE));
      if (parts == 1) {
        visitBuffered(all, visitors.get(0), start, order, 0, n);
        return;
      }
      List<Runnable> others = new ArrayList<>(parts - 1);
      for (int p = 1; p < parts; p++) {
        TimelineVisitor v = visitors.get(p);
        int from = (int) ((long) n * p / parts);
        int to = (int) ((long) n * (p + 1) / parts);
        others.add(() -> visitBuffered(all, v, start, order, from, to));
      }
      together(() -> visitBuffered(all, visitors.get(0), start, order, 0, n / parts), others);
    }

    /**
     * Visits customers {@code [fromCustomer, toCustomer)} of the copied rows in {@code all},
     * whose indices are grouped by customer in {@code order} ({@code start} per customer).
     * Callers on several threads take disjoint customer ranges, so they sort disjoint parts of
     * {@code order}.
     */
    void visitBuffered(Worker all, TimelineVisitor to, int[] start, int[] order,
        int fromCustomer, int toCustomer) {
      int[] scratch = new int[64];
      ArrayTimeline timeline = new ArrayTimeline(withProperties);
      for (int c = fromCustomer; c < toCustomer; c++) {
        int from = start[c];
        int end = start[c + 1];
        if (from == end) {
          continue;
        }
        if (scratch.length < end - from) {
          scratch = new int[end - from];
        }
        all.sort(order, from, end, scratch);
        timeline.reset(c, end - from);
        for (int k = from; k < end; k++) {
          int b = order[k];
          timeline.set(k - from, all.bufTime[b], all.bufName[b], all.bufChannel[b],
              all.bufStage[b]);
          if (withProperties) {
            timeline.setProperties(k - from, all.bufProperties[b]);
          }
        }
        to.visit(timeline);
      }
    }

    /** One visitor's walk over row ranges, and the rows it copied aside. */
    private final class Worker {
      private final TimelineVisitor visitor;
      private final RangeTimeline range = new RangeTimeline(withProperties);
      private int buffered;
      private int[] bufCustomer = new int[0];
      private int[] bufSubject = new int[0];
      private long[] bufTime = new long[0];
      private int[] bufName = new int[0];
      private int[] bufChannel = new int[0];
      private int[] bufStage = new int[0];
      /** The buffered rows' properties, only when the visitors asked for them. */
      private Map<String, Object>[] bufProperties = withProperties ? newMaps(0) : null;

      /** The visitor, if it takes whole stretches of runs; else null. */
      private final RunVisitor runVisitor;

      Worker(TimelineVisitor visitor) {
        this.visitor = visitor;
        this.runVisitor = visitor instanceof RunVisitor r ? r : null;
      }

      void walk(TouchpointBatch batch, int from, int to) {
        if (from >= to) {
          return;
        }
        if (batch instanceof TouchpointArrays arrays) {
          boolean byRuns = runVisitor != null && runVisitor.acceptsRuns(arrays);
          if (byRuns) {
            runVisitor.visitRuns(batch, arrays, from, to, runCustomer);
            if (!anyMulti) {
              return;
            }
          }
          // the runs in subject order, without reading the subject column
          int[] runStart = arrays.subjectRunStarts();
          int i = from;
          for (int s = batch.subject(from); i < to; s++) {
            int j = Math.min(to, runStart[s + 1]);
            if (j > i) {
              if (!byRuns || s < subjectCount && runCustomer[s] < 0) {
                visitRun(batch, i, j, s);
              }
              i = j;
            }
          }
          return;
        }
        int i = from;
        while (i < to) {
          int j = Math.min(to, batch.subjectRunEnd(i));
          visitRun(batch, i, j, batch.subject(i));
          i = j;
        }
      }

      /** Copies every row of a batch aside, for a scan whose dictionary grows. */
      void bufferAll(TouchpointBatch batch) {
        int size = batch.size();
        int i = 0;
        while (i < size) {
          int j = batch.subjectRunEnd(i);
          int s = batch.subject(i);
          buffer(batch, i, j, growing.customerOf(s), s);
          i = j;
        }
      }

      /** Visits (or copies aside) rows {@code [from, to)}, subject {@code s}'s run. */
      private void visitRun(TouchpointBatch batch, int from, int to, int s) {
        if (s < subjectCount) {
          int c = subjectCustomer[s];
          if (multi[c]) {
            buffer(batch, from, to, c, s);
          } else {
            range.reset(batch, from, to - from, c);
            visitor.visit(range);
          }
        }
      }

      private void ensure(int need) {
        if (need > bufTime.length) {
          int cap = Math.max(need, Math.max(64, bufTime.length * 2));
          bufCustomer = Arrays.copyOf(bufCustomer, cap);
          bufSubject = Arrays.copyOf(bufSubject, cap);
          bufTime = Arrays.copyOf(bufTime, cap);
          bufName = Arrays.copyOf(bufName, cap);
          bufChannel = Arrays.copyOf(bufChannel, cap);
          bufStage = Arrays.copyOf(bufStage, cap);
          if (withProperties) {
            bufProperties = Arrays.copyOf(bufProperties, cap);
          }
        }
      }

      private void buffer(TouchpointBatch batch, int from, int to, int c, int s) {
        ensure(buffered + (to - from));
        for (int r = from; r < to; r++) {
          int k = buffered++;
          bufCustomer[k] = c;
          bufSubject[k] = s;
          bufTime[k] = batch.epochMillis(r);
          bufName[k] = batch.name(r);
          bufChannel[k] = batch.channel(r);
          bufStage[k] = batch.stage(r);
          if (withProperties) {
            bufProperties[k] = batch.properties(r);
          }
        }
      }

      /** Appends another worker's copied rows to this one's. */
      void append(Worker o) {
        ensure(buffered + o.buffered);
        System.arraycopy(o.bufCustomer, 0, bufCustomer, buffered, o.buffered);
        System.arraycopy(o.bufSubject, 0, bufSubject, buffered, o.buffered);
        System.arraycopy(o.bufTime, 0, bufTime, buffered, o.buffered);
        System.arraycopy(o.bufName, 0, bufName, buffered, o.buffered);
        System.arraycopy(o.bufChannel, 0, bufChannel, buffered, o.buffered);
        System.arraycopy(o.bufStage, 0, bufStage, buffered, o.buffered);
        if (withProperties) {
          System.arraycopy(o.bufProperties, 0, bufProperties, buffered, o.buffered);
        }
        buffered += o.buffered;
      }

      /** A stable merge sort of buffer indices by time, then subject identity. */
      private void sort(int[] a, int from, int to, int[] scratch) {
        if (to - from <= 16) {
          for (int i = from + 1; i < to; i++) {
            int v = a[i];
            int j = i - 1;
            while (j >= from && compare(a[j], v) > 0) {
              a[j + 1] = a[j];
              j--;
            }
            a[j + 1] = v;
          }
          return;
        }
        int mid = (from + to) >>> 1;
        sort(a, from, mid, scratch);
        sort(a, mid, to, scratch);
        if (compare(a[mid - 1], a[mid]) <= 0) {
          return;
        }
        System.arraycopy(a, from, scratch, 0, to - from);
        int i = 0;
        int j = mid - from;
        int k = from;
        while (i < mid - from && j < to - from) {
          a[k++] = compare(scratch[i], scratch[j]) <= 0 ? scratch[i++] : scratch[j++];
        }
        while (i < mid - from) {
          a[k++] = scratch[i++];
        }
        while (j < to - from) {
          a[k++] = scratch[j++];
        }
      }

      private int compare(int x, int y) {
        int c = Long.compare(bufTime[x], bufTime[y]);
        if (c != 0 || bufSubject[x] == bufSubject[y]) {
          return c;
        }
        return dictionary.subject(bufSubject[x]).compareTo(dictionary.subject(bufSubject[y]));
      }
    }
  }

  /** A timeline over a run of rows of a batch. */
  private static final class RangeTimeline implements Timeline {
    private final boolean withProperties;
    private TouchpointBatch batch;
    private int offset;
    private int size;
    private int customer;

    RangeTimeline(boolean withProperties) {
      this.withProperties = withProperties;
    }

    void reset(TouchpointBatch batch, int offset, int size, int customer) {
      this.batch = batch;
      this.offset = offset;
      this.size = size;
      this.customer = customer;
    }

    @Override
    public int customer() {
      return customer;
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public long epochMillis(int row) {
      return batch.epochMillis(offset + row);
    }

    @Override
    public int name(int row) {
      return batch.name(offset + row);
    }

    @Override
    public int channel(int row) {
      return batch.channel(offset + row);
    }

    @Override
    public int stage(int row) {
      return batch.stage(offset + row);
    }

    @Override
    public Map<String, Object> properties(int row) {
      checkProperties(withProperties);
      Objects.checkIndex(row, size);
      return batch.properties(offset + row);
    }
  }

  /** A timeline over copied, merged rows. */
  private static final class ArrayTimeline implements Timeline {
    private long[] time = new long[16];
    private int[] name = new int[16];
    private int[] channel = new int[16];
    private int[] stage = new int[16];
    /** Null unless the visitor asked for properties. */
    private Map<String, Object>[] properties;
    private int size;
    private int customer;

    ArrayTimeline(boolean withProperties) {
      this.properties = withProperties ? newMaps(16) : null;
    }

    void reset(int customer, int size) {
      this.customer = customer;
      this.size = size;
      if (size > time.length) {
        time = new long[size];
        name = new int[size];
        channel = new int[size];
        stage = new int[size];
        if (properties != null) {
          properties = newMaps(size);
        }
      }
    }

    void setProperties(int row, Map<String, Object> p) {
      properties[row] = p;
    }

    void set(int row, long t, int n, int c, int s) {
      time[row] = t;
      name[row] = n;
      channel[row] = c;
      stage[row] = s;
    }

    @Override
    public int customer() {
      return customer;
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public long epochMillis(int row) {
      return time[row];
    }

    @Override
    public int name(int row) {
      return name[row];
    }

    @Override
    public int channel(int row) {
      return channel[row];
    }

    @Override
    public int stage(int row) {
      return stage[row];
    }

    @Override
    public Map<String, Object> properties(int row) {
      checkProperties(properties != null);
      Objects.checkIndex(row, size);
      return properties[row];
    }
  }

  private static void checkProperties(boolean requested) {
    if (!requested) {
      throw new IllegalStateException("Timeline.properties(row) is available only to a visitor"
          + " whose needsProperties() returns true");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object>[] newMaps(int n) {
    return (Map<String, Object>[]) new Map<?, ?>[n];
  }
}
