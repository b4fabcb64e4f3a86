package io.cxs.journey.map;

import io.cxs.core.feedback.Scale;
import io.cxs.metrics.kpi.KpiQuery;
import io.cxs.metrics.kpi.KpiResults;
import io.cxs.metrics.kpi.Kpis;
import io.cxs.core.feedback.FeedbackKind;
import io.cxs.core.spi.FeedbackBatch;
import io.cxs.core.spi.FeedbackStore;
import io.cxs.core.spi.ScanDictionary;
import io.cxs.core.spi.TouchpointBatch;
import io.cxs.journey.internal.LongSamples;
import io.cxs.journey.timeline.Customers;
import io.cxs.journey.timeline.Timeline;
import io.cxs.journey.timeline.TimelineScan;
import io.cxs.journey.timeline.TimelineVisitor;
import io.cxs.metrics.sentiment.SentimentAggregate;
import io.cxs.metrics.sentiment.SentimentAnalyzer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Computes a {@link JourneyMapReport}: a timeline scan, then a feedback scan. */
final class JourneyMapper implements TimelineVisitor {
  private static final long UNSET = Long.MIN_VALUE;
  private final JourneyMap map;
  private final int stages;
  private final SentimentAnalyzer analyzer;
  private final SentimentAggregate[] sentiments;
  private ScanDictionary dictionary;
  private int[] stageOfName = new int[0];
  private final int[] stageOfTag = new int[TouchpointBatch.NO_STAGE + 1 + 16];
  /** Per name code, the stage whose moment of truth it is, or -1. */
  private int[] momentOfName = new int[0];

  private long visited;
  private final long[] reached;
  private final long[] left;
  private final long[] withinTarget;
  private final long[] targetMillis;
  private final LongSamples[] toReach;
  private final List<Map<Integer, long[]>> lastEvents = new ArrayList<>();
  private final List<Map<Integer, long[]>> channels = new ArrayList<>();
  private final List<Map<Integer, long[]>> moments = new ArrayList<>();
  private long[] reachTimes = new long[0];
  private byte[] current = new byte[0];
  /** The feedback scan's subjects resolved so far, by subject code. */
  private int[] feedbackOrdinals = new int[0];
  // per-timeline scratch
  private final long[] reach;
  private final List<java.util.Set<Integer>> seenChannels = new ArrayList<>();
  private final List<java.util.Set<Integer>> seenMoments = new ArrayList<>();

  JourneyMapper(JourneyMap map) {
    this.map = map;
    this.stages = map.stages().size();
    this.analyzer = map.sentimentAnalyzer();
    this.sentiments = new SentimentAggregate[stages];
    Arrays.fill(sentiments, SentimentAggregate.empty());
    this.reached = new long[stages];
    this.left = new long[stages];
    this.withinTarget = new long[stages];
    this.targetMillis = new long[stages];
    this.toReach = new LongSamples[stages];
    this.reach = new long[stages];
    Arrays.fill(stageOfTag, -1);
    for (int s = 0; s < stages; s++) {
      Stage st = map.stages().get(s);
      toReach[s] = new LongSamples();
      targetMillis[s] = st.targetFromPrevious().map(d -> d.toMillis()).orElse(-1L);
      final int stage = s;
      st.tag().ifPresent(t -> stageOfTag[t.ordinal()] = stage);
      lastEvents.add(new HashMap<>());
      channels.add(new HashMap<>());
      moments.add(new HashMap<>());
      seenChannels.add(new java.util.HashSet<>());
      seenMoments.add(new java.util.HashSet<>());
    }
  }

  JourneyMapReport run(TimelineScan scan, FeedbackStore feedbackStore) {
    Customers customers = scan.run(this);
    long[][] fb = new long[stages][3];
    Kpis[] kpis = new Kpis[stages];
    Arrays.fill(kpis, Kpis.empty());
    feedbackStore.scan(batch -> feedback(batch, customers, fb, kpis));
    List<StageReport> out = new ArrayList<>();
    for (int s = 0; s < stages; s++) {
      Stage st = map.stages().get(s);
      Map<String, Long> mot = new LinkedHashMap<>();
      for (String m : st.momentsOfTruth()) {
        OptionalInt code = dictionary == null ? OptionalInt.empty() : dictionary.nameCode(m);
        long[] c = code.isPresent() ? moments.get(s).get(code.getAsInt()) : null;
        mot.put(m, c == null ? 0 : c[0]);
      }
      out.add(new StageReport(st.name(), reached[s], seconds(toReach[s].quantile(0.5)),
          seconds(toReach[s].quantile(0.9)), withinTarget[s], left[s],
          top(lastEvents.get(s), 5, true), top(channels.get(s), Integer.MAX_VALUE, false), mot,
          stageFeedback(fb[s], kpis[s], sentiments[s])));
    }
    return new JourneyMapReport(map.name(), visited, out, customers, current);
  }

  @Override
  public void begin(ScanDictionary dict, Customers customers) {
    dictionary = dict;
    stageOfName = new int[dict.nameCount()];
    momentOfName = new int[dict.nameCount()];
    Arrays.fill(stageOfName, -1);
    Arrays.fill(momentOfName, -1);
    for (int s = 0; s < stages; s++) {
      Stage st = map.stages().get(s);
      for (String e : st.touchpoints()) {
        final int stage = s;
        dict.nameCode(e).ifPresent(c -> stageOfName[c] = stage);
      }
      for (String e : st.momentsOfTruth()) {
        final int stage = s;
        dict.nameCode(e).ifPresent(c -> momentOfName[c] = stage);
      }
    }
    reachTimes = new long[customers.size() * stages];
    Arrays.fill(reachTimes, UNSET);
    current = new byte[customers.size()];
    Arrays.fill(current, (byte) -1);
  }

  private int stageOf(Timeline t, int r) {
    int name = t.name(r);
    int s = name < stageOfName.length ? stageOfName[name] : -1;
    if (s < 0) {
      int tag = t.stage(r);
      s = tag >= 0 && tag < stageOfTag.length ? stageOfTag[tag] : -1;
    }
    return s;
  }

  @Override
  public void visit(Timeline t) {
    visited++;
    Arrays.fill(reach, UNSET);
    for (int s = 0; s < stages; s++) {
      seenChannels.get(s).clear();
      seenMoments.get(s).clear();
    }
    int furthest = -1;
    int latest = -1;
    for (int r = 0; r < t.size(); r++) {
      int s = stageOf(t, r);
      if (s < 0) {
        continue;
      }
      latest = s;
      furthest = Math.max(furthest, s);
      if (reach[s] == UNSET) {
        reach[s] = t.epochMillis(r);
      }
      seenChannels.get(s).add(t.channel(r));
      int name = t.name(r);
      if (name < momentOfName.length && momentOfName[name] == s) {
        seenMoments.get(s).add(name);
      }
    }
    int c = t.customer();
    current[c] = (byte) latest;
    if (furthest < 0) {
      return;
    }
    long start = t.epochMillis(0);
    for (int s = 0; s < stages; s++) {
      if (reach[s] == UNSET) {
        continue;
      }
      reachTimes[c * stages + s] = reach[s];
      reached[s]++;
      toReach[s].add(reach[s] - start);
      if (s > 0 && targetMillis[s] > 0 && reach[s - 1] != UNSET
          && reach[s] - reach[s - 1] <= targetMillis[s] && reach[s] >= reach[s - 1]) {
        withinTarget[s]++;
      }
      for (int ch : seenChannels.get(s)) {
        channels.get(s).computeIfAbsent(ch, k -> new long[1])[0]++;
      }
      for (int m : seenMoments.get(s)) {
        moments.get(s).computeIfAbsent(m, k -> new long[1])[0]++;
      }
    }
    left[furthest]++;
    lastEvents.get(furthest).computeIfAbsent(t.name(t.size() - 1), k -> new long[1])[0]++;
  }

  /**
   * Attributes each feedback row to a stage: the stage carrying its journey-stage tag, else the
   * stage the customer most recently reached before giving it. A row's comment, if any, counts
   * towards the stage's sentiment.
   */
  private void feedback(FeedbackBatch b, Customers customers, long[][] fb, Kpis[] kpis) {
    // codes keep their meaning for the whole scan: resolve only those new in this batch
    int[] ordinal = customers.resolve(b.dictionary(), feedbackOrdinals);
    feedbackOrdinals = ordinal;
    OptionalInt nps = b.dictionary().nameCode("nps");
    OptionalInt csat = b.dictionary().nameCode("csat");
    OptionalInt ces = b.dictionary().nameCode("ces");
    for (int r = 0; r < b.size(); r++) {
      int subject = b.subject(r);
      int c = subject < ordinal.length ? ordinal[subject] : -1;
      int tag = b.stage(r);
      int s = tag >= 0 && tag < stageOfTag.length ? stageOfTag[tag] : -1;
      if (s < 0 && c >= 0 && c * stages < reachTimes.length) {
        long at = b.epochMillis(r);
        long best = UNSET;
        for (int k = 0; k < stages; k++) {
          long rt = reachTimes[c * stages + k];
          if (rt != UNSET && rt <= at && rt >= best) {
            best = rt;
            s = k;
          }
        }
      }
      if (s < 0) {
        continue;
      }
      long[] f = fb[s];
      String comment = b.comment(r);
      if (!comment.isEmpty()) {
        sentiments[s] = sentiments[s].add(analyzer.analyze(comment));
      }
      if (b.kind(r) == FeedbackKind.COMPLAINT.ordinal()) {
        f[1]++;
      }
      int score = b.score(r);
      if (score == FeedbackBatch.NO_SCORE) {
        continue;
      }
      int min = b.scaleMin(r);
      int max = b.scaleMax(r);
      f[0]++;
      if (min == 0 && max == 10 ? score <= 6 : (score - min) * 2 < (max - min)) {
        f[2]++;
      }
      int survey = b.survey(r);
      if (nps.isPresent() && survey == nps.getAsInt() && Scale.NPS.equals(Scale.of(min, max))) {
        kpis[s] = new Kpis(kpis[s].nps().add(score), kpis[s].csat(), kpis[s].ces());
      } else if (csat.isPresent() && survey == csat.getAsInt()
          && kpis[s].csat().rule().scale().equals(Scale.of(min, max))) {
        kpis[s] = new Kpis(kpis[s].nps(), kpis[s].csat().add(score), kpis[s].ces());
      } else if (ces.isPresent() && survey == ces.getAsInt()
          && kpis[s].ces().rule().scale().equals(Scale.of(min, max))) {
        kpis[s] = new Kpis(kpis[s].nps(), kpis[s].csat(), kpis[s].ces().add(score));
      }
    }
  }

  private static StageFeedback stageFeedback(long[] f, Kpis kpis, SentimentAggregate sentiment) {
    KpiResults results = kpis.result(KpiQuery.DEFAULT_MINIMUM_SAMPLE);
    return new StageFeedback(f[0], f[1], f[2], results.nps(), results.csat(), results.ces(),
        sentiment.result(KpiQuery.DEFAULT_MINIMUM_SAMPLE));
  }

  private Map<String, Long> top(Map<Integer, long[]> counts, int limit, boolean names) {
    Map<String, Long> out = new LinkedHashMap<>();
    counts.entrySet().stream()
        .map(e -> Map.entry(names ? dictionary.name(e.getKey())
            : dictionary.channel(e.getKey()).name(), e.getValue()[0]))
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(limit)
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static OptionalDouble seconds(OptionalDouble millis) {
    return millis.isPresent() ? OptionalDouble.of(millis.getAsDouble() / 1000.0) : millis;
  }
}
