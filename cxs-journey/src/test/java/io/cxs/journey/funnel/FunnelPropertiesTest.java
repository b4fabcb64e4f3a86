package io.cxs.journey.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.cxs.core.Cxs;
import io.cxs.core.ingest.Event;
import io.cxs.core.ingest.IdentifyEvent;
import io.cxs.core.ingest.TrackEvent;
import io.cxs.core.touchpoint.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

final class FunnelPropertiesTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final String[] NAMES = {"A", "B", "C", "D", "E"};

  /** One generated track event: customer, whether it came anonymously, name, time. */
  record Ev(int customer, boolean anonymous, String name, long millis, String id) {}

  /** A random data set: events of up to 6 customers, some linking anonymous to user id. */
  record Data(List<Ev> events, boolean[] linked) {

    static Data random(Random rnd, int maxEvents, String[] names) {
      int customers = 1 + rnd.nextInt(6);
      boolean[] linked = new boolean[customers];
      for (int i = 0; i < customers; i++) {
        linked[i] = rnd.nextBoolean();
      }
      int count = rnd.nextInt(maxEvents + 1);
      List<Ev> events = new ArrayList<>();
      for (int e = 0; e < count; e++) {
        // unique times, so the time order is unambiguous across identities
        long millis = rnd.nextInt(240) * 60_000L + e;
        events.add(new Ev(rnd.nextInt(customers), rnd.nextInt(3) == 0,
            names[rnd.nextInt(names.length)], millis, "t" + e));
      }
      return new Data(events, linked);
    }

    List<Event> asEvents() {
      List<Event> out = new ArrayList<>();
      for (int i = 0; i < linked.length; i++) {
        if (linked[i]) {
          out.add(IdentifyEvent.link("i" + i, "u" + i, "a" + i, T0, Map.of()));
        }
      }
      for (Ev e : events) {
        Instant at = T0.plusMillis(e.millis());
        out.add(e.anonymous()
            ? TrackEvent.anonymous(e.id(), "a" + e.customer(), e.name(), at, Channel.WEB)
            : TrackEvent.of(e.id(), "u" + e.customer(), e.name(), at, Channel.WEB));
      }
      return out;
    }

    /** Each resolved customer's events in time order. */
    Map<String, List<Ev>> timelines() {
      Map<String, List<Ev>> out = new HashMap<>();
      for (Ev e : events) {
        String key = linked[e.customer()] || !e.anonymous()
            ? "u" + e.customer() : "a" + e.customer();
        out.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
      }
      out.values().forEach(l -> l.sort((x, y) -> Long.compare(x.millis(), y.millis())));
      return out;
    }
  }

  private static FunnelReport run(Funnel f, List<Event> events) {
    Cxs cxs = Cxs.builder().build();
    events.forEach(cxs::ingest);
    return f.run(cxs);
  }

  private static List<Long> counts(FunnelReport r) {
    return r.steps().stream().map(FunnelStepResult::count).toList();
  }

  @Property(tries = 300)
  void run_agreesWithBruteForce(@ForAll long seed) {
    Random rnd = new Random(seed);
    boolean distinct = rnd.nextBoolean();
    int n = 2 + rnd.nextInt(3);
    List<String> pool = new ArrayList<>(List.of("A", "B", "C", "D"));
    Collections.shuffle(pool, rnd);
    String[] steps = new String[n];
    boolean[] optional = new boolean[n];
    for (int k = 0; k < n; k++) {
      steps[k] = distinct ? pool.get(k) : pool.get(rnd.nextInt(2));
      optional[k] = distinct && k > 0 && rnd.nextInt(3) == 0;
    }
    boolean strict = distinct && rnd.nextBoolean();
    boolean exclude = distinct && rnd.nextBoolean();
    long window = (1 + rnd.nextInt(120)) * 60_000L;
    Data data = Data.random(rnd, 40, NAMES);

    Funnel.Builder b = Funnel.builder().window(Duration.ofMillis(window));
    for (int k = 0; k < n; k++) {
      FunnelStep s = FunnelStep.of(steps[k]);
      b.step(optional[k] ? s.asOptional() : s);
    }
    if (strict) {
      b.strictOrder();
    }
    if (exclude) {
      b.exclude(EventPredicate.of("E"));
    }
    FunnelReport report = run(b.build(), data.asEvents());

    long[] expected = new long[n];
    for (List<Ev> t : data.timelines().values()) {
      for (int k = 0; k < n; k++) {
        if (reaches(t, steps, optional, strict, exclude ? "E" : "", window, k)) {
          expected[k]++;
        }
      }
    }
    List<Long> want = new ArrayList<>();
    for (long v : expected) {
      want.add(v);
    }
    assertThat(counts(report)).as("steps %s optional %s strict %s exclude %s window %s",
        List.of(steps), optional, strict, exclude, window).isEqualTo(want);
    assertThat(report.customers()).isEqualTo(data.timelines().size());
  }

  @Property(tries = 200)
  void run_countsAreNonIncreasingAndIndependentOfArrivalOrder(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 180) int windowMinutes) {
    Random rnd = new Random(seed);
    Data data = Data.random(rnd, 50, NAMES);
    Funnel f = Funnel.builder().step("A").step("B").step("C").step("D")
        .window(Duration.ofMinutes(windowMinutes)).build();
    List<Event> events = data.asEvents();
    FunnelReport inOrder = run(f, events);
    List<Event> shuffled = new ArrayList<>(events);
    Collections.shuffle(shuffled, rnd);
    FunnelReport reordered = run(f, shuffled);

    List<Long> c = counts(inOrder);
    for (int k = 1; k < c.size(); k++) {
      assertThat(c.get(k)).isLessThanOrEqualTo(c.get(k - 1));
    }
    assertThat(reordered.steps()).isEqualTo(inOrder.steps());
    assertThat(reordered.medianSecondsToConvert()).isEqualTo(inOrder.medianSecondsToConvert());
  }

  /**
   * The times of the report (median and p90 from the previous step, median time to convert) are
   * those of each customer's best attempt as {@link Funnel} defines it: every step-1 event
   * starts an attempt, each later step is the earliest matching event after the previous one
   * within the window (an exclusion ends it), and the best attempt reaches the most steps, the
   * earliest such. Required steps only, with and without exclusions, so that both the direct
   * path and the general one are checked; long windows make attempts run out of events.
   */
  @Property(tries = 300)
  void run_timesAreThoseOfTheBestAttempt(@ForAll long seed) {
    Random rnd = new Random(seed);
    int n = 2 + rnd.nextInt(3);
    String[] steps = new String[n];
    for (int k = 0; k < n; k++) {
      steps[k] = NAMES[rnd.nextInt(4)];
    }
    boolean exclude = rnd.nextBoolean();
    long window = (1 + rnd.nextInt(300)) * 60_000L;
    Data data = Data.random(rnd, 60, NAMES);
    Funnel.Builder b = Funnel.builder().window(Duration.ofMillis(window));
    for (String step : steps) {
      b.step(step);
    }
    if (exclude) {
      b.exclude(EventPredicate.of("E"));
    }
    FunnelReport report = run(b.build(), data.asEvents());

    List<List<Long>> fromPrevious = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      fromPrevious.add(new ArrayList<>());
    }
    List<Long> toConvert = new ArrayList<>();
    for (List<Ev> t : data.timelines().values()) {
      long[] best = new long[0];
      for (int a = 0; a < t.size(); a++) {
        if (!t.get(a).name().equals(steps[0])) {
          continue;
        }
        long deadline = t.get(a).millis() + window;
        List<Long> at = new ArrayList<>(List.of(t.get(a).millis()));
        for (int r = a + 1; r < t.size() && at.size() < n && t.get(r).millis() <= deadline;
            r++) {
          if (exclude && t.get(r).name().equals("E")) {
            break;
          }
          if (t.get(r).name().equals(steps[at.size()])) {
            at.add(t.get(r).millis());
          }
        }
        if (at.size() > best.length) {
          best = at.stream().mapToLong(Long::longValue).toArray();
        }
      }
      for (int k = 1; k < best.length; k++) {
        fromPrevious.get(k).add(best[k] - best[k - 1]);
      }
      if (best.length == n) {
        toConvert.add(best[n - 1] - best[0]);
      }
    }
    for (int k = 1; k < n; k++) {
      FunnelStepResult step = report.steps().get(k);
      assertThat(step.count()).as("count of step %d", k).isEqualTo(fromPrevious.get(k).size());
      assertClose(step.medianSecondsFromPrevious(), quantileSeconds(fromPrevious.get(k), 0.5));
      assertClose(step.p90SecondsFromPrevious(), quantileSeconds(fromPrevious.get(k), 0.9));
    }
    assertClose(report.medianSecondsToConvert(), quantileSeconds(toConvert, 0.5));
  }

  /** Hyndman and Fan type 7, in seconds, straight from the sorted samples; NaN if none. */
  private static double quantileSeconds(List<Long> millis, double p) {
    if (millis.isEmpty()) {
      return Double.NaN;
    }
    List<Long> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    double h = (sorted.size() - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.size() - 1);
    return (sorted.get(lo) + (h - lo) * (sorted.get(hi) - sorted.get(lo))) / 1000.0;
  }

  /** Equal to within 1e-9 s (rounding of the interpolation), or both absent (NaN). */
  private static void assertClose(OptionalDouble actual, double expected) {
    if (Double.isNaN(expected)) {
      assertThat(actual).isEmpty();
    } else {
      assertThat(actual).isPresent();
      assertThat(actual.getAsDouble()).isCloseTo(expected, offset(1e-9));
    }
  }

  /**
   * The reference: does some choice of events form a valid chain ending at step {@code k}?
   * Tries every start and every subset of later events, so it is slow but obviously right.
   */
  private static boolean reaches(List<Ev> t, String[] steps, boolean[] optional, boolean strict,
      String exclusion, long window, int k) {
    for (int a = 0; a < t.size(); a++) {
      if (t.get(a).name().equals(steps[0])
          && (k == 0 || chain(t, steps, optional, strict, exclusion, t.get(a).millis() + window,
              a, 0, 1, k))) {
        return true;
      }
    }
    return false;
  }

  /** Can steps {@code j..k} be matched after event {@code last} (which matched step {@code cur})? */
  private static boolean chain(List<Ev> t, String[] steps, boolean[] optional, boolean strict,
      String exclusion, long deadline, int last, int cur, int j, int k) {
    if (j < k && optional[j]
        && chain(t, steps, optional, strict, exclusion, deadline, last, cur, j + 1, k)) {
      return true;
    }
    for (int i = last + 1; i < t.size() && t.get(i).millis() <= deadline; i++) {
      String name = t.get(i).name();
      if (name.equals(exclusion)) {
        return false;
      }
      if (name.equals(steps[j])) {
        if (j == k || chain(t, steps, optional, strict, exclusion, deadline, i, j, j + 1, k)) {
          return true;
        }
      }
      if (strict && !name.equals(steps[cur]) && List.of(steps).contains(name)) {
        return false;
      }
    }
    return false;
  }
}
