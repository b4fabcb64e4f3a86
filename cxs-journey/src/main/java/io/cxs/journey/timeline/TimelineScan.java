package io.cxs.journey.timeline;

import io.cxs.core.Cxs;
import io.cxs.core.customer.IdentityResolver;
import io.cxs.core.spi.ScanDictionary;
import io.cxs.core.spi.TouchpointBatch;
import io.cxs.core.spi.TouchpointStore;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Walks a touchpoint store customer by customer: one {@link TouchpointStore#scan}, each distinct
 * subject resolved to its customer once, and each customer visited once with a time-ordered
 * {@link Timeline}.
 *
 * <p>A customer with a single subject is visited straight over the store's columns, without a
 * copy. The rows of a customer with several subjects (an anonymous visitor who later identified)
 * are copied aside during the scan and merged by time after it (ties broken by subject, then by
 * the store's order), so the result does not depend on which identity an event arrived with.
 * Touchpoints whose subject appears in the dictionary only after the scan started are skipped.
 * Properties are copied (as references) only for a visitor that
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
    Run run = new Run(visitor);
    store.scan(run::accept);
    run.finish();
    return run.customers == null ? Customers.empty(resolver) : run.customers;
  }

  /** The state of one scan. */
  private final class Run {
    private final TimelineVisitor visitor;
    private final boolean withProperties;
    private final RangeTimeline range;
    private ScanDictionary dictionary;
    private Customers customers;
    private int[] subjectCustomer;
    private boolean[] multi;
    private int subjectCount;

    private int buffered;
    private int[] bufCustomer = new int[0];
    private int[] bufSubject = new int[0];
    private long[] bufTime = new long[0];
    private int[] bufName = new int[0];
    private int[] bufChannel = new int[0];
    private int[] bufStage = new int[0];
    /** The buffered rows' properties, only when the visitor asked for them. */
    private Map<String, Object>[] bufProperties;

    Run(TimelineVisitor visitor) {
      this.visitor = visitor;
      this.withProperties = visitor.needsProperties();
      this.range = new RangeTimeline(withProperties);
      this.bufProperties = withProperties ? newMaps(0) : null;
    }

    void accept(TouchpointBatch batch) {
      if (dictionary == null) {
        begin(batch.dictionary());
      }
      int size = batch.size();
      int i = 0;
      while (i < size) {
        int s = batch.subject(i);
        int j = i + 1;
        while (j < size && batch.subject(j) == s) {
          j++;
        }
        if (s < subjectCount) {
          int c = subjectCustomer[s];
          if (multi[c]) {
            buffer(batch, i, j, c, s);
          } else {
            range.reset(batch, i, j - i, c);
            visitor.visit(range);
          }
        }
        i = j;
      }
    }

    private void begin(ScanDictionary dict) {
      dictionary = dict;
      subjectCount = dict.subjectCount();
      customers = Customers.of(resolver, dict);
      subjectCustomer = customers.subjectOrdinals();
      int[] subjectsPerCustomer = new int[customers.size()];
      multi = new boolean[customers.size()];
      for (int s = 0; s < subjectCount; s++) {
        int c = subjectCustomer[s];
        if (++subjectsPerCustomer[c] > 1) {
          multi[c] = true;
        }
      }
      visitor.begin(dict, customers);
    }

    private void buffer(TouchpointBatch batch, int from, int to, int c, int s) {
      int need = buffered + (to - from);
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

    /** Visits the buffered customers: counting sort by customer, then a merge by time. */
    void finish() {
      if (buffered == 0) {
        return;
      }
      int n = customers.size();
      int[] start = new int[n + 1];
      for (int k = 0; k < buffered; k++) {
        start[bufCustomer[k] + 1]++;
      }
      for (int c = 0; c < n; c++) {
        start[c + 1] += start[c];
      }
      int[] order = new int[buffered];
      int[] fill = Arrays.copyOf(start, n);
      for (int k = 0; k < buffered; k++) {
        order[fill[bufCustomer[k]]++] = k;
      }
      int[] scratch = new int[64];
      ArrayTimeline timeline = new ArrayTimeline(withProperties);
      for (int c = 0; c < n; c++) {
        int from = start[c];
        int to = start[c + 1];
        if (from == to) {
          continue;
        }
        if (scratch.length < to - from) {
          scratch = new int[to - from];
        }
        sort(order, from, to, scratch);
        timeline.reset(c, to - from);
        for (int k = from; k < to; k++) {
          int b = order[k];
          timeline.set(k - from, bufTime[b], bufName[b], bufChannel[b], bufStage[b]);
          if (withProperties) {
            timeline.setProperties(k - from, bufProperties[b]);
          }
        }
        visitor.visit(timeline);
      }
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
