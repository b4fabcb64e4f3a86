package io.cxs.journey.funnel;

import io.cxs.core.customer.CustomerId;
import io.cxs.core.internal.Parallel;
import io.cxs.core.internal.TouchpointArrays;
import io.cxs.core.spi.ScanDictionary;
import io.cxs.core.spi.TouchpointBatch;
import io.cxs.journey.internal.LongSamples;
import io.cxs.journey.internal.RunVisitor;
import io.cxs.journey.timeline.Customers;
import io.cxs.journey.timeline.Timeline;
import io.cxs.journey.timeline.TimelineVisitor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Computes a funnel over timelines. Each timeline is first reduced to the rows that match a step
 * or an exclusion, as a bit mask per row (bit k: step k; the sign bit: an exclusion); attempts
 * then run over those rows only. The common funnel (required steps matched by name) instead runs
 * straight over the arrays of an in-memory batch, all its single-subject customers in one loop
 * ({@link #visitRuns}). See {@link Funnel} for the semantics.
 */
final class FunnelCounter implements TimelineVisitor, RunVisitor {
  private static final int EXCLUDED = 1 << 31;

  private final Funnel funnel;
  private final int share;
  private final int[][] sharedReached;
  /** True once the samples have room for this counter's share of the customers. */
  private boolean reserved;
  private final int n;
  private final long windowMillis;
  private final boolean strict;
  private final boolean[] optional;
  private final int full;
  private final int requiredMask;
  /** For each step, the nearest earlier required step (0 for step 0). */
  private final int[] previousRequired;
  /** True if {@link #visitRuns} applies, given that no predicate is conditional. */
  private final boolean simple;
  /** True if no step is optional: attempts then advance one step at a time. */
  private final boolean allRequired;
  /** True if the breakdown is by the first step's channel: rows keep their channel code. */
  private final boolean needChannel;

  private ScanDictionary dictionary;
  private Customers customers;
  private int[] nameMask = new int[0];
  /**
   * For {@link #visitRuns}: the name code each step matches (a name-only predicate matches
   * exactly one), or -1 if the name never occurs.
   */
  private int[] stepCode = new int[0];
  /** Predicates with a channel or stage: bit, name code, channel code or -1, stage or -1. */
  private int[][] conditional = new int[0][];
  /** True if some step or exclusion has a property condition: timelines then carry properties. */
  private final boolean needsProperties;
  /** Predicates with property conditions, checked only on rows that match their name. */
  private PropertyCondition[] propertyConditional = new PropertyCondition[0];
  private final Optional<Function<CustomerId, Optional<String>>> segmentOf;
  private final boolean segmented;

  private long visited;
  private long started;
  private final long[] counts;
  /**
   * The customers of {@link #visitRuns} by the number of steps they reached; added to
   * {@link #counts} (and {@link #started}) when the counter is merged or reports.
   */
  private final long[] directBest;
  private final LongSamples[] fromPrevious;
  private final LongSamples toConvert = new LongSamples();
  private int[] reached = new int[0];
  private final Map<String, long[]> segments = new HashMap<>();

  // per-timeline scratch
  private long[] ct = new long[64];
  private int[] cm = new int[64];
  private int[] cc = new int[64];
  private final int[] row;
  private final int[] pred;
  private final int[] bestRow;
  private final int[] bestPred;
  /**
   * Set by {@link #attemptRequired}: true if its attempt ended for want of rows, when no later
   * attempt can do better.
   */
  private boolean ranOut;
  /** The time of each step of an attempt, and of the best one, in {@link #visitRuns}. */
  private final long[] stepTime;
  private final long[] bestStepTime;

  /**
   * @param funnel the funnel
   * @param share the number of counters the customers are split among (1 for a whole scan)
   */
  FunnelCounter(Funnel funnel, int share) {
    this(funnel, share, new int[1][]);
  }

  /**
   * @param sharedReached holds the per-customer array of reached steps shared by the counters
   *     of one parallel run (they visit disjoint customers and begin one after another)
   */
  FunnelCounter(Funnel funnel, int share, int[][] sharedReached) {
    this.funnel = funnel;
    this.share = share;
    this.sharedReached = sharedReached;
    this.n = funnel.steps().size();
    this.windowMillis = saturatedMillis(funnel);
    this.strict = funnel.strictOrder();
    this.optional = new boolean[n];
    int req = 0;
    for (int k = 0; k < n; k++) {
      optional[k] = funnel.steps().get(k).optional();
      if (!optional[k]) {
        req |= 1 << k;
      }
    }
    this.requiredMask = req;
    this.full = n == 31 ? -1 >>> 1 : (1 << n) - 1;
    this.previousRequired = new int[n];
    for (int k = 1; k < n; k++) {
      int j = k - 1;
      while (optional[j]) {
        j--;
      }
      previousRequired[k] = j;
    }
    this.counts = new long[n];
    this.directBest = new long[n + 1];
    this.fromPrevious = new LongSamples[n];
    for (int k = 0; k < n; k++) {
      fromPrevious[k] = new LongSamples();
    }
    this.row = new int[n];
    this.pred = new int[n];
    this.bestRow = new int[n];
    this.bestPred = new int[n];
    this.stepTime = new long[n];
    this.bestStepTime = new long[n];
    this.segmentOf = funnel.breakdown().flatMap(Breakdown::byCustomer);
    this.segmented = funnel.breakdown().isPresent();
    this.needChannel = segmented && segmentOf.isEmpty();
    this.allRequired = req == full;
    this.simple = allRequired && !strict && funnel.exclusions().isEmpty();
    this.needsProperties = funnel.steps().stream()
        .anyMatch(s -> s.predicate().hasPropertyConditions())
        || funnel.exclusions().stream().anyMatch(EventPredicate::hasPropertyConditions);
  }

  /**
   * A predicate with property conditions: its bit, name code, channel code or -1, stage or -1.
   */
  private record PropertyCondition(int bit, int name, int channel, int stage,
      EventPredicate predicate) {}

  @Override
  public boolean needsProperties() {
    return needsProperties;
  }

  private static long saturatedMillis(Funnel funnel) {
    try {
      return funnel.window().toMillis();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  @Override
  public void begin(ScanDictionary dict, Customers customers) {
    this.dictionary = dict;
    this.customers = customers;
    // counters of one parallel run visit disjoint customers: they share one array
    if (sharedReached[0] == null || sharedReached[0].length != customers.size()) {
      sharedReached[0] = new int[customers.size()];
    }
    this.reached = sharedReached[0];
    reserved = false;
    this.nameMask = new int[dict.nameCount()];
    List<int[]> cond = new ArrayList<>();
    List<PropertyCondition> propertyCond = new ArrayList<>();
    List<EventPredicate> predicates = new ArrayList<>();
    List<Integer> bits = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      predicates.add(funnel.steps().get(k).predicate());
      bits.add(1 << k);
    }
    for (EventPredicate e : funnel.exclusions()) {
      predicates.add(e);
      bits.add(EXCLUDED);
    }
    for (int i = 0; i < predicates.size(); i++) {
      EventPredicate p = predicates.get(i);
      int bit = bits.get(i);
      OptionalInt name = dict.nameCode(p.event());
      if (name.isEmpty()) {
        continue;
      }
      if (p.hasPropertyConditions()) {
        OptionalInt c = p.channel().isPresent() ? dict.channelCode(p.channel().get())
            : OptionalInt.of(-1);
        if (c.isPresent()) {
          propertyCond.add(new PropertyCondition(bit, name.getAsInt(), c.getAsInt(),
              p.stage().map(Enum::ordinal).orElse(-1), p));
        }
        continue;
      }
      if (p.channel().isEmpty() && p.stage().isEmpty()) {
        nameMask[name.getAsInt()] |= bit;
        continue;
      }
      int channel = -1;
      if (p.channel().isPresent()) {
        OptionalInt c = dict.channelCode(p.channel().get());
        if (c.isEmpty()) {
          continue;
        }
        channel = c.getAsInt();
      }
      int stage = p.stage().map(Enum::ordinal).orElse(-1);
      cond.add(new int[] {bit, name.getAsInt(), channel, stage});
    }
    stepCode = new int[n];
    for (int k = 0; k < n; k++) {
      stepCode[k] = dict.nameCode(funnel.steps().get(k).predicate().event()).orElse(-1);
    }
    conditional = cond.toArray(new int[0][]);
    propertyConditional = propertyCond.toArray(new PropertyCondition[0]);
  }

  @Override
  public void visit(Timeline t) {
    visited++;
    if (!reserved) {
      reserveSamples();
    }
    int size = t.size();
    if (size > ct.length) {
      int cap = Math.max(size, ct.length * 2);
      ct = new long[cap];
      cm = new int[cap];
      cc = new int[cap];
    }
    if (propertyConditional.length > 0) {
      int k = collectWithProperties(t, size);
      if (k > 0) {
        match(t.customer(), k);
      }
      return;
    }
    int[] names = nameMask;
    int[][] cond = conditional;
    int k = 0;
    for (int r = 0; r < size; r++) {
      int name = t.name(r);
      int m = name < names.length ? names[name] : 0;
      for (int[] c : cond) {
        if (c[1] == name && (c[2] < 0 || c[2] == t.channel(r)) && (c[3] < 0 || c[3] == t.stage(r))) {
          m |= c[0];
        }
      }
      if (m != 0) {
        ct[k] = t.epochMillis(r);
        cm[k] = m;
        if (needChannel) {
          cc[k] = t.channel(r);
        }
        k++;
      }
    }
    if (k > 0) {
      match(t.customer(), k);
    }
  }

  /**
   * The row loop of {@link #visit} when some predicate has property conditions: a row's
   * properties are read only if its name (and channel and stage) match such a predicate, and at
   * most once per row.
   *
   * @return the number of rows kept in the scratch columns
   */
  private int collectWithProperties(Timeline t, int size) {
    int[] names = nameMask;
    int[][] cond = conditional;
    PropertyCondition[] props = propertyConditional;
    int k = 0;
    for (int r = 0; r < size; r++) {
      int name = t.name(r);
      int m = name < names.length ? names[name] : 0;
      for (int[] c : cond) {
        if (c[1] == name && (c[2] < 0 || c[2] == t.channel(r)) && (c[3] < 0 || c[3] == t.stage(r))) {
          m |= c[0];
        }
      }
      Map<String, Object> rowProperties = null;
      for (PropertyCondition p : props) {
        if (p.name() == name && (m & p.bit()) == 0
            && (p.channel() < 0 || p.channel() == t.channel(r))
            && (p.stage() < 0 || p.stage() == t.stage(r))) {
          if (rowProperties == null) {
            rowProperties = t.properties(r);
          }
          if (p.predicate().matchesProperties(rowProperties)) {
            m |= p.bit();
          }
        }
      }
      if (m != 0) {
        ct[k] = t.epochMillis(r);
        cm[k] = m;
        if (needChannel) {
          cc[k] = t.channel(r);
        }
        k++;
      }
    }
    return k;
  }

  /**
   * Makes room for the samples of about this counter's share of the customers, so adding them
   * never copies. Done on the first visit rather than in {@link #begin}, so that the counters of
   * a parallel run zero their arrays on their own threads.
   */
  private void reserveSamples() {
    reserved = true;
    int expected = (int) Math.min(Integer.MAX_VALUE - 16,
        (long) customers.size() * 17 / 16 / share + 16);
    for (int s = 1; s < n; s++) {
      fromPrevious[s].reserve(expected);
    }
    toConvert.reserve(expected);
  }

  @Override
  public boolean acceptsRuns(TouchpointArrays arrays) {
    return simple && conditional.length == 0 && propertyConditional.length == 0
        && arrays.hasNameArray16();
  }

  /**
   * The common funnel (every step required, no strict order, no exclusions, steps matched by
   * name only) straight over a batch's arrays, for all its single-subject customers in one loop.
   * Attempts then reach a prefix of the steps, so the union of the attempts is the best attempt;
   * they run over each customer's rows keeping the step times of the best attempt. Gives what
   * {@link #visit} gives for the same timelines.
   */
  @Override
  public void visitRuns(TouchpointBatch batch, TouchpointArrays arrays, int from, int to,
      int[] runCustomer) {
    if (!reserved) {
      reserveSamples();
    }
    long[] time = arrays.timeArray();
    short[] name = arrays.nameArray16();
    int[] runStart = arrays.subjectRunStarts();
    int[] code = stepCode;
    int first = code[0];
    int steps = n;
    long window = windowMillis;
    int[] reachedBy = reached;
    long[] bestCount = directBest;
    // the step times of the current attempt and of the best so far, swapped when it improves
    long[] at = stepTime;
    long[] bestAt = bestStepTime;
    int begin = from;
    for (int subject = batch.subject(from); begin < to; subject++) {
      int end = Math.min(to, runStart[subject + 1]);
      if (end <= begin) {
        continue;
      }
      int customer = subject < runCustomer.length ? runCustomer[subject] : -1;
      int runFrom = begin;
      begin = end;
      if (customer < 0) {
        continue;
      }
      visited++;
      int best = 0;
      int bestStart = -1;
      for (int a = runFrom; a < end && best < steps; a++) {
        if ((name[a] & 0xFFFF) != first) {
          continue;
        }
        long ta = time[a];
        long deadline = ta > Long.MAX_VALUE - window ? Long.MAX_VALUE : ta + window;
        at[0] = ta;
        int next = 1;
        int r = a + 1;
        // no branch on whether a row matches the next step, as that is as good as random:
        // every row's time goes to at[next], which a matching row then leaves behind
        for (; r < end && next < steps; r++) {
          long tr = time[r];
          if (tr > deadline) {
            break;
          }
          at[next] = tr;
          next += (name[r] & 0xFFFF) == code[next] ? 1 : 0;
        }
        if (next > best) {
          best = next;
          bestStart = a;
          long[] swap = bestAt;
          bestAt = at;
          at = swap;
        }
        if (r == end) {
          // the attempt ran out of rows, not of time: an attempt from a later start matches
          // each step at or after where this one did, so none reaches further
          break;
        }
      }
      if (bestStart < 0) {
        continue;
      }
      reachedBy[customer] = best == 31 ? -1 >>> 1 : (1 << best) - 1;
      bestCount[best]++;
      for (int s = 1; s < best; s++) {
        fromPrevious[s].add(bestAt[s] - bestAt[s - 1]);
      }
      if (best == steps) {
        toConvert.add(bestAt[best - 1] - bestAt[0]);
      }
      if (segmented) {
        String segment = segmentOf.isPresent()
            ? segmentOf.get().apply(customers.id(customer)).orElse(Breakdown.NONE)
            : dictionary.channel(batch.channel(bestStart)).name();
        long[] c = segments.computeIfAbsent(segment, x -> new long[n]);
        for (int s = 0; s < best; s++) {
          c[s]++;
        }
      }
    }
  }

  /** Runs every attempt of one customer and records the union and the best attempt. */
  private void match(int customer, int rows) {
    int union = 0;
    int bestMask = 0;
    int bestScore = -1;
    int bestStart = -1;
    for (int a = 0; a < rows; a++) {
      int m = cm[a];
      if ((m & 1) == 0 || m < 0) {
        continue;
      }
      ranOut = false;
      int got = strict ? attemptStrict(a, rows)
          : allRequired ? attemptRequired(a, rows) : attempt(a, rows);
      union |= got;
      int score = (Integer.bitCount(got & requiredMask) << 6) | Integer.bitCount(got);
      if (score > bestScore) {
        bestScore = score;
        bestMask = got;
        bestStart = a;
        System.arraycopy(row, 0, bestRow, 0, n);
        System.arraycopy(pred, 0, bestPred, 0, n);
      }
      if (got == full || ranOut) {
        break;
      }
    }
    if (bestStart < 0) {
      return;
    }
    reached[customer] = union;
    for (int s = 0; s < n; s++) {
      if ((union & (1 << s)) != 0) {
        counts[s]++;
      }
    }
    // the time from step 0 to itself is 0 for every customer that started: counted, not stored
    started++;
    for (int s = 1; s < n; s++) {
      if ((bestMask & (1 << s)) != 0) {
        fromPrevious[s].add(ct[bestRow[s]] - ct[bestPred[s]]);
      }
    }
    if ((bestMask & (1 << (n - 1))) != 0) {
      toConvert.add(ct[bestRow[n - 1]] - ct[bestStart]);
    }
    if (segmented) {
      String segment = segmentOf.isPresent()
          ? segmentOf.get().apply(customers.id(customer)).orElse(Breakdown.NONE)
          : dictionary.channel(cc[bestStart]).name();
      long[] c = segments.computeIfAbsent(segment, x -> new long[n]);
      for (int s = 0; s < n; s++) {
        if ((union & (1 << s)) != 0) {
          c[s]++;
        }
      }
    }
  }

  /** One attempt from row a; fills row/pred for matched steps and returns their mask. */
  private int attempt(int a, int rows) {
    row[0] = a;
    pred[0] = a;
    int set = 1;
    long deadline = ct[a] > Long.MAX_VALUE - windowMillis ? Long.MAX_VALUE : ct[a] + windowMillis;
    for (int r = a + 1; r < rows && ct[r] <= deadline; r++) {
      int m = cm[r];
      if (m < 0) {
        break;
      }
      m &= ~set;
      // the highest step this row can advance to, given the steps set before this row
      while (m != 0) {
        int s = 31 - Integer.numberOfLeadingZeros(m);
        int j = s - 1;
        while ((set & (1 << j)) == 0 && optional[j]) {
          j--;
        }
        if ((set & (1 << j)) != 0) {
          row[s] = r;
          pred[s] = row[j];
          set |= 1 << s;
          break;
        }
        m &= ~(1 << s);
      }
      if (set == full) {
        break;
      }
    }
    return set;
  }

  /**
   * {@link #attempt} when no step is optional: the steps set are always a prefix, so a row can
   * only advance the next step, and does exactly when it matches it.
   */
  private int attemptRequired(int a, int rows) {
    row[0] = a;
    pred[0] = a;
    int next = 1;
    long deadline = ct[a] > Long.MAX_VALUE - windowMillis ? Long.MAX_VALUE : ct[a] + windowMillis;
    int r = a + 1;
    for (; r < rows && next < n && ct[r] <= deadline; r++) {
      int m = cm[r];
      if (m < 0) {
        break;
      }
      if ((m & (1 << next)) != 0) {
        row[next] = r;
        pred[next] = row[next - 1];
        next++;
      }
    }
    // out of rows rather than of time, with no exclusion: an attempt from a later start matches
    // each step at or after where this one did, so none reaches further
    ranOut = r == rows;
    return next == 31 ? -1 >>> 1 : (1 << next) - 1;
  }

  /** A strict-order attempt from row a. */
  private int attemptStrict(int a, int rows) {
    row[0] = a;
    pred[0] = a;
    int set = 1;
    int cur = 0;
    long deadline = ct[a] > Long.MAX_VALUE - windowMillis ? Long.MAX_VALUE : ct[a] + windowMillis;
    for (int r = a + 1; r < rows && ct[r] <= deadline; r++) {
      int m = cm[r];
      if (m < 0) {
        break;
      }
      int allowed = 0;
      for (int s = cur + 1; s < n; s++) {
        allowed |= 1 << s;
        if (!optional[s]) {
          break;
        }
      }
      int hit = m & allowed;
      if (hit != 0) {
        int s = 31 - Integer.numberOfLeadingZeros(hit);
        row[s] = r;
        pred[s] = row[cur];
        set |= 1 << s;
        cur = s;
        if (cur == n - 1) {
          break;
        }
      } else if ((m & (1 << cur)) == 0) {
        break;
      }
    }
    return set;
  }

  /** Adds the customers counted by {@link #visitRuns} to {@link #counts} and {@link #started}. */
  private void foldDirect() {
    long atLeast = 0;
    for (int b = n; b >= 1; b--) {
      atLeast += directBest[b];
      directBest[b] = 0;
      counts[b - 1] += atLeast;
    }
    started += atLeast;
  }

  /**
   * Adds another counter's results, from a disjoint set of customers of the same scan, to this
   * one's.
   */
  void merge(FunnelCounter o) {
    foldDirect();
    o.foldDirect();
    visited += o.visited;
    started += o.started;
    for (int s = 0; s < n; s++) {
      counts[s] += o.counts[s];
      fromPrevious[s].addAll(o.fromPrevious[s]);
    }
    toConvert.addAll(o.toConvert);
    if (o.reached != reached) {
      if (reached.length < o.reached.length) {
        reached = Arrays.copyOf(reached, o.reached.length);
      }
      for (int c = 0; c < o.reached.length; c++) {
        reached[c] |= o.reached[c];
      }
    }
    o.segments.forEach((segment, c) -> {
      long[] mine = segments.computeIfAbsent(segment, x -> new long[n]);
      for (int s = 0; s < n; s++) {
        mine[s] += c[s];
      }
    });
  }

  FunnelReport report(Customers index) {
    return report(index, Runnable::run, false);
  }

  /**
   * @param executor runs the quantile selections of all but the first step when
   *     {@code parallel}
   */
  FunnelReport report(Customers index, Executor executor, boolean parallel) {
    foldDirect();
    // the quantiles of each step (and of the time to convert) are independent selections
    OptionalDouble[][] quantiles = new OptionalDouble[n + 1][];
    List<Runnable> selections = new ArrayList<>(n);
    for (int s = 1; s < n; s++) {
      int step = s;
      selections.add(() -> quantiles[step] = fromPrevious[step].quantiles(0.5, 0.9));
    }
    selections.add(() -> quantiles[n] = new OptionalDouble[] {toConvert.quantile(0.5)});
    if (parallel) {
      Parallel.runAll(executor, selections);
    } else {
      selections.forEach(Runnable::run);
    }
    List<FunnelStepResult> results = new ArrayList<>(n);
    long start = counts[0];
    for (int s = 0; s < n; s++) {
      long prev = s == 0 ? counts[0] : counts[previousRequired[s]];
      double fromStart = start == 0 ? 0 : (double) counts[s] / start;
      double fromPrev = s == 0 ? 1 : prev == 0 ? 0 : (double) counts[s] / prev;
      OptionalDouble[] q = s > 0 ? quantiles[s]
          : started > 0 ? new OptionalDouble[] {OptionalDouble.of(0), OptionalDouble.of(0)}
          : new OptionalDouble[] {OptionalDouble.empty(), OptionalDouble.empty()};
      results.add(new FunnelStepResult(funnel.steps().get(s).name(), optional[s], counts[s],
          fromStart, fromPrev, s == 0 ? 0 : prev - counts[s], seconds(q[0]), seconds(q[1])));
    }
    Map<String, List<Long>> seg = new LinkedHashMap<>();
    segments.entrySet().stream()
        .sorted((x, y) -> x.getValue()[0] != y.getValue()[0]
            ? Long.compare(y.getValue()[0], x.getValue()[0]) : x.getKey().compareTo(y.getKey()))
        .forEach(e -> {
          List<Long> c = new ArrayList<>(n);
          for (long v : e.getValue()) {
            c.add(v);
          }
          seg.put(e.getKey(), c);
        });
    // the report takes the array: a counter makes one report and is then dropped
    int[] reachedCopy = reached.length == index.size() ? reached
        : Arrays.copyOf(reached, index.size());
    return new FunnelReport(visited, results, seconds(quantiles[n][0]),
        funnel.breakdown().map(Breakdown::name), seg, index, reachedCopy, previousRequired);
  }

  private static OptionalDouble seconds(OptionalDouble millis) {
    return millis.isPresent() ? OptionalDouble.of(millis.getAsDouble() / 1000.0) : millis;
  }
}
