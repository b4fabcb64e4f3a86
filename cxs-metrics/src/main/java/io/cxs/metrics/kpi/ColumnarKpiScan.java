package io.cxs.metrics.kpi;

import io.cxs.metrics.CalendarPeriod;
import io.cxs.core.customer.Identity;
import io.cxs.core.feedback.FeedbackKind;
import io.cxs.core.internal.FeedbackArrays;
import io.cxs.core.internal.Parallel;
import io.cxs.core.spi.FeedbackBatch;
import io.cxs.core.spi.ScanDictionary;
import io.cxs.core.touchpoint.JourneyStage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One columnar pass of a {@link KpiQuery}: every KPI of every (period, group) cell is counted in
 * primitive arrays indexed by {@code (period − base) · groups + group}, in one loop over column
 * arrays (the in-memory store's own, or chunks copied from another store's batch). Periods come
 * from a table of buckets, so a row costs a subtraction, a division by a constant and a table
 * load: a bucket per local day for a fixed-offset zone such as UTC (a table of a few hundred
 * entries for a year, which stays in the first-level cache), else per 15 minutes (every real
 * time zone offset is a multiple of 15 minutes); a bucket in which the zone's offset changes is
 * marked and its rows are computed exactly. With a {@link KpiQuery#parallelism()}
 * above 1, a large batch is cut into row ranges counted into separate arrays (the calling thread
 * takes the first, the query's executor the others) that are then added up: counts are sums, so
 * the result is the same. Not thread-safe: one instance per scan.
 */
final class ColumnarKpiScan implements Consumer<FeedbackBatch> {
  static final long BUCKET_MS = 15 * 60_000L;
  private static final long DAY_MS = 86_400_000L;
  /** Larger time ranges than this many buckets (about 114 years of 15 minutes) skip the table. */
  private static final long MAX_BUCKETS = 4_000_000L;
  private static final int SLOW = Integer.MIN_VALUE;
  private static final int NPS = 0;
  private static final int CSAT = 1;
  private static final int CES = 2;
  private static final int SURVEY_KIND = FeedbackKind.SURVEY.ordinal();
  private static final JourneyStage[] STAGES = JourneyStage.values();

  /** Batches with fewer rows than this per part are counted by the calling thread alone. */
  static final int MIN_ROWS_PER_PART = 1 << 16;

  private final KpiQuery query;
  private final int parallelism;
  private final Executor executor;
  private final CalendarPeriod period;
  private final ZoneId zone;
  private final Dimension.Kind dim;
  /** Label of each subject's customer trait, for the trait dimension; else null. */
  private final Function<Identity, String> traitOf;

  private ScanDictionary dict;
  private byte[] surveyKpi = new byte[0];
  private int[] subjectGroup = new int[0];
  private final List<String> groupLabels = new ArrayList<>();
  private final Map<String, Integer> groupCodes = new HashMap<>();

  private int groupCap = 1;
  private long periodBase;
  private int periodCount;
  private long tableStartMs;
  /** True for a fixed-offset zone: the table then has a bucket per local day, else per 15 min. */
  private final boolean dayBuckets;
  /** A bucket boundary: the zone's local midnight of 1970-01-01 for day buckets, else 0. */
  private final long bucketOriginMs;
  private int[] table;

  private long[] nps = new long[0];
  private long[] csat = new long[0];
  private long[] ces = new long[0];
  private long ignored;

  private final int[] npsCat = new int[11];
  private final int[] csatCat;
  private final int csatMin;
  private final int cesLowFrom;
  private final int[] expectedKey = new int[3];

  ColumnarKpiScan(KpiQuery query, Function<Identity, String> traitOf) {
    this.query = query;
    this.parallelism = query.parallelism();
    this.executor = query.executor();
    this.period = query.period().orElse(null);
    this.zone = query.zone();
    this.dim = query.dimension().map(Dimension::kind).orElse(null);
    this.traitOf = traitOf;
    ZoneRules rules = zone.getRules();
    this.dayBuckets = rules.isFixedOffset();
    this.bucketOriginMs =
        dayBuckets ? -1000L * rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
    for (int s = 0; s <= 10; s++) {
      npsCat[s] = s >= 9 ? 0 : s >= 7 ? 1 : 2;
    }
    CsatRule cr = query.csatRule();
    csatMin = cr.scale().min();
    csatCat = new int[cr.scale().points()];
    for (int s = cr.scale().min(); s <= cr.scale().max(); s++) {
      csatCat[s - csatMin] = s >= cr.satisfiedFrom() ? 0 : s <= cr.dissatisfiedTo() ? 2 : 1;
    }
    cesLowFrom = query.cesRule().lowEffortFrom();
    // the scale each KPI counts; rows on another scale are skipped
    expectedKey[NPS] = FeedbackBatch.scaleKey(0, 10);
    expectedKey[CSAT] = FeedbackBatch.scaleKey(cr.scale().min(), cr.scale().max());
    expectedKey[CES] = FeedbackBatch.scaleKey(query.cesRule().scale().min(),
        query.cesRule().scale().max());
    if (period == null) {
      periodCount = 1;
      allocate(1, 1);
    }
  }

  @Override
  public void accept(FeedbackBatch batch) {
    int n = batch.size();
    if (n == 0) {
      return;
    }
    prepareDictionary(batch.dictionary());
    int[] rowGroup = dim == Dimension.Kind.TOUCHPOINT ? touchpointGroups(batch) : null;
    if (period != null) {
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      for (int r = 0; r < n; r++) {
        long t = batch.epochMillis(r);
        min = Math.min(min, t);
        max = Math.max(max, t);
      }
      preparePeriods(min, max);
    }
    int parts = (int) Math.min(parallelism, n / MIN_ROWS_PER_PART);
    if (parts <= 1) {
      ignored += count(batch, 0, n, rowGroup, nps, csat, ces);
      return;
    }
    // each part counts into arrays of the same layout; they are added up afterwards
    long[][][] partCounts = new long[parts][][];
    List<Runnable> tasks = new ArrayList<>(parts);
    for (int p = 0; p < parts; p++) {
      int part = p;
      int from = (int) ((long) n * p / parts);
      int to = (int) ((long) n * (p + 1) / parts);
      tasks.add(() -> {
        long[][] c = part == 0 ? new long[][] {nps, csat, ces, {0}}
            : new long[][] {new long[nps.length], new long[csat.length], new long[ces.length], {0}};
        c[3][0] = count(batch, from, to, rowGroup, c[0], c[1], c[2]);
        partCounts[part] = c;
      });
    }
    Parallel.runAll(executor, tasks);
    ignored += partCounts[0][3][0];
    for (int p = 1; p < parts; p++) {
      add(nps, partCounts[p][0]);
      add(csat, partCounts[p][1]);
      add(ces, partCounts[p][2]);
      ignored += partCounts[p][3][0];
    }
  }

  private static void add(long[] into, long[] from) {
    for (int i = 0; i < into.length; i++) {
      into[i] += from[i];
    }
  }

  /**
   * Counts rows {@code [from, to)} into the given arrays (laid out as the scan's own): straight
   * from the batch's arrays if it has them, else a chunk of copied rows at a time.
   *
   * @return the number of rows skipped because their scale is not the KPI's
   */
  private long count(FeedbackBatch batch, int from, int to, int[] rowGroup, long[] npsCounts,
      long[] csatCounts, long[] cesStats) {
    if (batch instanceof FeedbackArrays) {
      return countRows((FeedbackArrays) batch, from, to, 0, rowGroup, npsCounts, csatCounts,
          cesStats);
    }
    FeedbackChunk chunk = new FeedbackChunk(batch, period != null, dim);
    long skippedRows = 0;
    for (int r = from; r < to; ) {
      int end = chunk.fill(r, to);
      skippedRows += countRows(chunk, 0, end - r, r, rowGroup, npsCounts, csatCounts, cesStats);
      r = end;
    }
    return skippedRows;
  }

  /**
   * The row loop: counts indexes {@code [from, to)} of the arrays, which are batch rows
   * {@code rowOffset + from} onwards.
   */
  private long countRows(FeedbackArrays a, int from, int to, int rowOffset, int[] rowGroup,
      long[] npsCounts, long[] csatCounts, long[] cesStats) {
    final long[] time = a.timeArray();
    final int[] survey = a.surveyArray();
    final short[] score = a.scoreArray();
    final byte[] kind = a.kindArray();
    final byte[] scale = a.scaleArray();
    final int[] scaleKeys = a.scaleKeys();
    final short[] channel = a.channelArray();
    final byte[] stage = a.stageArray();
    final int[] subject = a.subjectArray();
    final byte[] kpiOf = surveyKpi;
    final int[] tab = table;
    final long start = tableStartMs;
    final long base = periodBase;
    final int groups = groupCap;
    final int[] subjectGroups = subjectGroup;
    final int[] npsCategory = npsCat;
    final int[] csatCategory = csatCat;
    final int[] expKey = expectedKey;
    final Dimension.Kind dimension = dim;
    final boolean byPeriod = period != null;
    final boolean days = dayBuckets;
    long skippedRows = 0;
    for (int r = from; r < to; r++) {
      int k = kpiOf[survey[r]];
      if (k < 0) {
        continue;
      }
      int p = 0;
      if (byPeriod) {
        long t = time[r];
        int abs = tab == null ? SLOW
            : tab[(int) (days ? (t - start) / DAY_MS : (t - start) / BUCKET_MS)];
        p = (int) ((abs == SLOW ? exactPeriod(t) : abs) - base);
      }
      int g;
      if (dimension == null) {
        g = 0;
      } else {
        switch (dimension) {
          case CHANNEL:
            g = channel[r];
            break;
          case SURVEY:
            g = survey[r];
            break;
          case STAGE:
            g = stage[r] & 0x7F;
            break;
          case TRAIT:
            g = subjectGroups[subject[r]];
            break;
          default:
            g = rowGroup[rowOffset + r];
        }
      }
      int cell = p * groups + g;
      int sc = score[r];
      if (sc == FeedbackArrays.MISSING_SCORE) {
        if (kind[r] != SURVEY_KIND) {
          continue;
        }
        if (k == NPS) {
          npsCounts[cell * 4 + 3]++;
        } else if (k == CSAT) {
          csatCounts[cell * 4 + 3]++;
        } else {
          cesStats[cell * 5 + 4]++;
        }
        continue;
      }
      if (scaleKeys[scale[r]] != expKey[k]) {
        skippedRows++;
        continue;
      }
      if (k == NPS) {
        npsCounts[cell * 4 + npsCategory[sc]]++;
      } else if (k == CSAT) {
        csatCounts[cell * 4 + csatCategory[sc - csatMin]]++;
      } else {
        int c = cell * 5;
        cesStats[c]++;
        cesStats[c + 1] += sc;
        cesStats[c + 2] += (long) sc * sc;
        if (sc >= cesLowFrom) {
          cesStats[c + 3]++;
        }
      }
    }
    return skippedRows;
  }

  private long exactPeriod(long epochMillis) {
    long p = period.index(LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), zone));
    if (p < periodBase || p >= periodBase + periodCount) {
      throw new IllegalStateException("period " + p + " outside the prepared range ["
          + periodBase + ", " + (periodBase + periodCount) + ")");
    }
    return p;
  }

  // ---- dictionary and groups ------------------------------------------------------------------

  private void prepareDictionary(ScanDictionary d) {
    if (d != dict) {
      dict = d;
      int names = d.nameCount();
      surveyKpi = new byte[names];
      for (int c = 0; c < names; c++) {
        String s = d.name(c);
        surveyKpi[c] = (byte) (s.equals(query.npsSurvey()) ? NPS : s.equals(query.csatSurvey())
            ? CSAT : s.equals(query.cesSurvey()) ? CES : -1);
      }
    }
    int needed;
    if (dim == null) {
      needed = 1;
    } else {
      switch (dim) {
        case CHANNEL:
          needed = d.channelCount();
          break;
        case SURVEY:
          needed = d.nameCount();
          break;
        case STAGE:
          needed = STAGES.length + 1;
          break;
        case TRAIT:
          resolveSubjects(d);
          needed = groupLabels.size();
          break;
        default:
          needed = groupLabels.size();
      }
    }
    ensureGroups(Math.max(1, needed));
  }

  /** Resolves each subject code once: subject → customer → trait label → group code. */
  private void resolveSubjects(ScanDictionary d) {
    int count = d.subjectCount();
    int from = subjectGroup.length;
    if (count <= from) {
      return;
    }
    subjectGroup = Arrays.copyOf(subjectGroup, count);
    for (int s = from; s < count; s++) {
      subjectGroup[s] = groupCode(traitOf.apply(d.subject(s)));
    }
  }

  private int[] touchpointGroups(FeedbackBatch batch) {
    int n = batch.size();
    int[] groups = new int[n];
    for (int r = 0; r < n; r++) {
      String id = batch.touchpointId(r);
      groups[r] = groupCode(id.isEmpty() ? Dimension.NONE : id);
    }
    ensureGroups(groupLabels.size());
    return groups;
  }

  private int groupCode(String label) {
    Integer code = groupCodes.get(label);
    if (code == null) {
      code = groupLabels.size();
      groupLabels.add(label);
      groupCodes.put(label, code);
    }
    return code;
  }

  private String groupLabel(int g) {
    if (dim == null) {
      return "";
    }
    switch (dim) {
      case CHANNEL:
        return dict.channel(g).name();
      case SURVEY:
        return dict.name(g);
      case STAGE:
        return g == 0 ? Dimension.NONE : STAGES[g - 1].code();
      default:
        return groupLabels.get(g);
    }
  }

  // ---- periods --------------------------------------------------------------------------------

  private void preparePeriods(long minMs, long maxMs) {
    long lo = period.index(LocalDate.ofInstant(Instant.ofEpochMilli(minMs), zone)) - 1;
    long hi = period.index(LocalDate.ofInstant(Instant.ofEpochMilli(maxMs), zone)) + 1;
    if (periodCount > 0) {
      lo = Math.min(lo, periodBase);
      hi = Math.max(hi, periodBase + periodCount - 1);
    }
    if (periodCount == 0 || lo < periodBase || hi >= periodBase + periodCount) {
      relayout(lo, (int) (hi - lo + 1), groupCap);
    }
    long b0 = bucketOf(minMs);
    long b1 = bucketOf(maxMs);
    if (table != null) {
      long t0 = bucketOf(tableStartMs);
      long t1 = t0 + table.length - 1;
      if (b0 >= t0 && b1 <= t1) {
        return;
      }
      b0 = Math.min(b0, t0);
      b1 = Math.max(b1, t1);
    }
    if (b1 - b0 + 1 > MAX_BUCKETS) {
      table = null;
      tableStartMs = 0;
      return;
    }
    buildTable(b0, (int) (b1 - b0 + 1));
  }

  /** @return the table bucket holding an instant */
  private long bucketOf(long epochMillis) {
    return Math.floorDiv(epochMillis - bucketOriginMs, dayBuckets ? DAY_MS : BUCKET_MS);
  }

  private void buildTable(long firstBucket, int buckets) {
    int[] tab = new int[buckets];
    ZoneRules rules = zone.getRules();
    for (int i = 0; i < buckets; i++) {
      long localDay;
      if (dayBuckets) {
        // bucket b is local day b: the origin is the zone's local midnight of 1970-01-01
        localDay = firstBucket + i;
      } else {
        long startMs = (firstBucket + i) * BUCKET_MS;
        ZoneOffset o1 = rules.getOffset(Instant.ofEpochMilli(startMs));
        ZoneOffset o2 = rules.getOffset(Instant.ofEpochMilli(startMs + BUCKET_MS - 1));
        if (!o1.equals(o2) || o1.getTotalSeconds() % 900 != 0) {
          tab[i] = SLOW;
          continue;
        }
        localDay = Math.floorDiv(startMs / 1000 + o1.getTotalSeconds(), 86_400L);
      }
      long p = period.index(LocalDate.ofEpochDay(localDay));
      tab[i] = p >= Integer.MIN_VALUE + 1 && p <= Integer.MAX_VALUE ? (int) p : SLOW;
    }
    table = tab;
    tableStartMs = bucketOriginMs + firstBucket * (dayBuckets ? DAY_MS : BUCKET_MS);
  }

  // ---- count arrays ---------------------------------------------------------------------------

  private void ensureGroups(int needed) {
    if (needed > groupCap) {
      relayout(periodBase, periodCount, Math.max(needed, groupCap + (groupCap >> 1)));
    }
  }

  private void allocate(int periods, int groups) {
    long cells = (long) periods * groups;
    if (cells * 5 > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("too many cells: " + periods + " periods × " + groups
          + " groups");
    }
    nps = new long[(int) cells * 4];
    csat = new long[(int) cells * 4];
    ces = new long[(int) cells * 5];
  }

  private void relayout(long newBase, int newPeriods, int newGroups) {
    long[] oldNps = nps;
    long[] oldCsat = csat;
    long[] oldCes = ces;
    int oldGroups = groupCap;
    int oldPeriods = periodCount;
    long oldBase = periodBase;
    allocate(newPeriods, newGroups);
    for (int p = 0; p < oldPeriods; p++) {
      int np = (int) (oldBase + p - newBase);
      for (int g = 0; g < oldGroups; g++) {
        int from = p * oldGroups + g;
        int to = np * newGroups + g;
        System.arraycopy(oldNps, from * 4, nps, to * 4, 4);
        System.arraycopy(oldCsat, from * 4, csat, to * 4, 4);
        System.arraycopy(oldCes, from * 5, ces, to * 5, 5);
      }
    }
    periodBase = period == null ? 0 : newBase;
    periodCount = newPeriods;
    groupCap = newGroups;
  }

  // ---- result ---------------------------------------------------------------------------------

  KpiReport report() {
    NavigableMap<Long, SortedMap<String, Kpis>> cells = new TreeMap<>();
    CsatRule cr = query.csatRule();
    CesRule er = query.cesRule();
    for (int p = 0; p < periodCount; p++) {
      for (int g = 0; g < groupCap; g++) {
        int cell = p * groupCap + g;
        int a = cell * 4;
        int c = cell * 5;
        NpsAggregate np = new NpsAggregate(nps[a], nps[a + 1], nps[a + 2], nps[a + 3]);
        CsatAggregate cs = new CsatAggregate(cr, csat[a], csat[a + 1], csat[a + 2], csat[a + 3]);
        CesAggregate ce = new CesAggregate(er, ces[c], ces[c + 1], ces[c + 2], ces[c + 3],
            ces[c + 4]);
        Kpis k = new Kpis(np, cs, ce);
        if (!k.hasNoAnswers()) {
          cells.computeIfAbsent(periodBase + p, x -> new TreeMap<>()).merge(groupLabel(g), k,
              Kpis::merge);
        }
      }
    }
    return new KpiReport(query, cells, ignored);
  }
}
