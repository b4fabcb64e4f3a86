package io.cxs.metrics.kpi;

import io.cxs.metrics.CalendarPeriod;
import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import io.cxs.core.Cxs;
import io.cxs.core.customer.Identity;
import io.cxs.core.feedback.Feedback;
import io.cxs.core.feedback.FeedbackKind;
import io.cxs.core.spi.FeedbackStore;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What to compute: NPS, CSAT (with net satisfaction) and CES, overall and optionally by
 * {@link CalendarPeriod} and by one {@link Dimension}, in one pass. Immutable and thread-safe; built with
 * {@link #builder()}:
 *
 * <pre>{@code
 * KpiQuery weekly = KpiQuery.builder().period(CalendarPeriod.WEEK).by(Dimension.channel()).build();
 * KpiReport report = weekly.run(cxs);                 // or run(feedbackStore), run(listOfFeedback)
 * NpsResult nps = report.overall().nps();
 * List<PeriodResult> web = report.periodsByGroup().get("web");
 * }</pre>
 *
 * <p>Which feedback counts: survey answers whose survey name is the NPS survey ({@code nps},
 * 0–10 scale), the CSAT survey ({@code csat}, the {@link CsatRule}'s scale) or the CES survey
 * ({@code ces}, the {@link CesRule}'s scale). A survey response without a score counts as
 * skipped; an answer on a different scale than the KPI's is left out and counted in
 * {@link KpiReport#ignoredResponses()}. Feedback is counted once per event id.
 *
 * @since 0.1
 */
public final class KpiQuery {
  /** The default minimum sample size from which a result's sample counts as sufficient. */
  public static final int DEFAULT_MINIMUM_SAMPLE = 30;
  /** The default NPS survey name. */
  public static final String DEFAULT_NPS_SURVEY = "nps";
  /** The default CSAT survey name. */
  public static final String DEFAULT_CSAT_SURVEY = "csat";
  /** The default CES survey name. */
  public static final String DEFAULT_CES_SURVEY = "ces";

  private final CalendarPeriod period;
  private final ZoneId zone;
  private final Dimension dimension;
  private final String npsSurvey;
  private final String csatSurvey;
  private final CsatRule csatRule;
  private final String cesSurvey;
  private final CesRule cesRule;
  private final int minimumSample;
  private final int parallelism;
  private final Executor executor;

  private KpiQuery(Builder b) {
    this.period = b.period;
    this.zone = b.zone != null ? b.zone : ZoneOffset.UTC;
    this.dimension = b.dimension;
    this.npsSurvey = b.npsSurvey != null ? b.npsSurvey : DEFAULT_NPS_SURVEY;
    this.csatSurvey = b.csatSurvey != null ? b.csatSurvey : DEFAULT_CSAT_SURVEY;
    this.csatRule = b.csatRule != null ? b.csatRule : CsatRule.ofDefaults();
    this.cesSurvey = b.cesSurvey != null ? b.cesSurvey : DEFAULT_CES_SURVEY;
    this.cesRule = b.cesRule != null ? b.cesRule : CesRule.ofDefaults();
    this.minimumSample = b.minimumSample > 0 ? b.minimumSample : DEFAULT_MINIMUM_SAMPLE;
    this.parallelism = b.parallelism > 0 ? b.parallelism : 1;
    this.executor = b.executor != null ? b.executor : ForkJoinPool.commonPool();
  }

  /** @return a builder: no period, no dimension, UTC, default surveys and rules */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the query for overall KPIs only, with every default */
  public static KpiQuery ofDefaults() {
    return builder().build();
  }

  /** @return the period of the breakdown, or empty for none */
  public Optional<CalendarPeriod> period() {
    return Optional.ofNullable(period);
  }

  /** @return the time zone whose calendar defines periods */
  public ZoneId zone() {
    return zone;
  }

  /** @return the dimension of the breakdown, or empty for none */
  public Optional<Dimension> dimension() {
    return Optional.ofNullable(dimension);
  }

  /** @return the NPS survey name */
  public String npsSurvey() {
    return npsSurvey;
  }

  /** @return the CSAT survey name */
  public String csatSurvey() {
    return csatSurvey;
  }

  /** @return the CSAT rule */
  public CsatRule csatRule() {
    return csatRule;
  }

  /** @return the CES survey name */
  public String cesSurvey() {
    return cesSurvey;
  }

  /** @return the CES rule */
  public CesRule cesRule() {
    return cesRule;
  }

  /** @return the minimum sample size */
  public int minimumSample() {
    return minimumSample;
  }

  /** @return the number of threads a scan may use; 1 (the default) scans on the calling thread */
  public int parallelism() {
    return parallelism;
  }

  /** @return the executor of the extra parts of a parallel scan */
  Executor executor() {
    return executor;
  }

  /** @return the empty aggregates under this query's rules */
  Kpis emptyKpis() {
    return Kpis.empty(csatRule, cesRule);
  }

  /**
   * Computes the report in one columnar scan of a store.
   *
   * @param store any feedback store
   * @return the report
   * @throws IllegalStateException if the dimension is a customer trait, which needs
   *     {@link #run(Cxs)}
   */
  public KpiReport run(FeedbackStore store) {
    Objects.requireNonNull(store, "store");
    checkState(dimension == null || dimension.kind() != Dimension.Kind.TRAIT,
        "dimension %s needs an identity resolver: run the query on a Cxs engine", dimension);
    ColumnarKpiScan scan = new ColumnarKpiScan(this, null);
    store.scan(scan);
    return scan.report();
  }

  /**
   * Computes the report in one columnar scan of an engine's feedback store; a customer-trait
   * dimension resolves each subject once through the engine's identity graph, so feedback given
   * anonymously before the visitor identified counts for the resolved customer.
   *
   * @param cxs the engine
   * @return the report
   */
  public KpiReport run(Cxs cxs) {
    Objects.requireNonNull(cxs, "cxs");
    ColumnarKpiScan scan = new ColumnarKpiScan(this, traitResolver(cxs));
    cxs.feedback().scan(scan);
    return scan.report();
  }

  /**
   * Computes the report over feedback records: they are copied into a temporary in-memory
   * columnar store (so feedback with the same event id counts once) and scanned.
   *
   * @param feedback the feedback
   * @return the report
   * @throws IllegalStateException if the dimension is a customer trait
   */
  public KpiReport run(Iterable<Feedback> feedback) {
    Objects.requireNonNull(feedback, "feedback");
    FeedbackStore store = FeedbackStore.inMemory();
    for (Feedback f : feedback) {
      store.add(f);
    }
    return run(store);
  }

  /**
   * Computes the report over a stream of feedback, as {@link #run(Iterable)}.
   *
   * @param feedback the feedback; consumed
   * @return the report
   * @throws IllegalStateException if the dimension is a customer trait
   */
  public KpiReport run(Stream<Feedback> feedback) {
    Objects.requireNonNull(feedback, "feedback");
    FeedbackStore store = FeedbackStore.inMemory();
    feedback.forEach(store::add);
    return run(store);
  }

  /**
   * Starts live KPIs over an engine: a listener counts every piece of feedback stored from now
   * on. Close the result to stop.
   *
   * @param cxs the engine
   * @return the live KPIs
   */
  public LiveKpis live(Cxs cxs) {
    return new LiveKpis(this, cxs, traitResolver(cxs));
  }

  private Function<Identity, String> traitResolver(Cxs cxs) {
    if (dimension == null || dimension.kind() != Dimension.Kind.TRAIT) {
      return null;
    }
    String name = dimension.traitName().orElseThrow();
    return identity -> cxs.customerOf(identity).flatMap(id -> cxs.customers().find(id))
        .flatMap(c -> c.trait(name)).map(String::valueOf).orElse(Dimension.NONE);
  }

  /** @return the KPI a survey name counts for, or -1 */
  int kpiOf(String survey) {
    return survey.equals(npsSurvey) ? 0 : survey.equals(csatSurvey) ? 1
        : survey.equals(cesSurvey) ? 2 : -1;
  }

  /**
   * Adds one piece of feedback to aggregates by this query's rules.
   *
   * @return the new aggregates, or {@code k} itself if the feedback does not count
   */
  Kpis add(Kpis k, Feedback f) {
    int kpi = kpiOf(f.survey());
    if (kpi < 0) {
      return k;
    }
    if (f.score().isEmpty()) {
      if (f.kind() != FeedbackKind.SURVEY) {
        return k;
      }
      return kpi == 0 ? new Kpis(k.nps().addSkipped(), k.csat(), k.ces())
          : kpi == 1 ? new Kpis(k.nps(), k.csat().addSkipped(), k.ces())
          : new Kpis(k.nps(), k.csat(), k.ces().addSkipped());
    }
    int s = f.score().getAsInt();
    if (kpi == 0) {
      return new Kpis(k.nps().add(s), k.csat(), k.ces());
    }
    if (kpi == 1) {
      return new Kpis(k.nps(), k.csat().add(s), k.ces());
    }
    return new Kpis(k.nps(), k.csat(), k.ces().add(s));
  }

  /** @return true if the feedback's scale is the one its KPI requires */
  boolean scaleMatches(Feedback f) {
    int kpi = kpiOf(f.survey());
    switch (kpi) {
      case 0:
        return f.scale().min() == 0 && f.scale().max() == 10;
      case 1:
        return f.scale().equals(csatRule.scale());
      case 2:
        return f.scale().equals(cesRule.scale());
      default:
        return true;
    }
  }

  /** @return true if reports of both queries have the same shape and rules, so they can merge */
  boolean compatibleWith(KpiQuery o) {
    return Objects.equals(period, o.period) && zone.equals(o.zone)
        && Objects.equals(dimension, o.dimension) && npsSurvey.equals(o.npsSurvey)
        && csatSurvey.equals(o.csatSurvey) && csatRule.equals(o.csatRule)
        && cesSurvey.equals(o.cesSurvey) && cesRule.equals(o.cesRule)
        && minimumSample == o.minimumSample;
  }

  @Override
  public String toString() {
    return "KpiQuery{period=" + period + ", zone=" + zone + ", by=" + dimension + ", nps="
        + npsSurvey + ", csat=" + csatSurvey + " " + csatRule + ", ces=" + cesSurvey + " "
        + cesRule + ", minimumSample=" + minimumSample + ", parallelism=" + parallelism + "}";
  }

  /**
   * Configures a {@link KpiQuery}. Each option may be set once.
   *
   * @since 0.1
   */
  public static final class Builder {
    private CalendarPeriod period;
    private ZoneId zone;
    private Dimension dimension;
    private String npsSurvey;
    private String csatSurvey;
    private CsatRule csatRule;
    private String cesSurvey;
    private CesRule cesRule;
    private int minimumSample;
    private int parallelism;
    private Executor executor;

    private Builder() {}

    /**
     * @param period break results down by this period (default: no breakdown)
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder period(CalendarPeriod period) {
      checkState(this.period == null, "period was already set to %s", this.period);
      this.period = Objects.requireNonNull(period, "period");
      return this;
    }

    /**
     * @param zone the time zone whose calendar defines periods (default: UTC)
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder zone(ZoneId zone) {
      checkState(this.zone == null, "zone was already set to %s", this.zone);
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /**
     * @param dimension break results down by this dimension (default: no breakdown)
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder by(Dimension dimension) {
      checkState(this.dimension == null, "dimension was already set to %s", this.dimension);
      this.dimension = Objects.requireNonNull(dimension, "dimension");
      return this;
    }

    /**
     * @param survey the survey name of NPS answers (default {@code nps}); answers on the 0–10
     *     scale
     * @return this builder
     * @throws IllegalStateException if already set
     * @throws IllegalArgumentException if blank
     */
    public Builder npsSurvey(String survey) {
      checkState(npsSurvey == null, "NPS survey was already set to %s", npsSurvey);
      npsSurvey = surveyName(survey);
      return this;
    }

    /**
     * @param survey the survey name of CSAT answers (default {@code csat})
     * @param rule the scale and thresholds (default {@link CsatRule#ofDefaults()})
     * @return this builder
     * @throws IllegalStateException if already set
     * @throws IllegalArgumentException if the name is blank
     */
    public Builder csat(String survey, CsatRule rule) {
      checkState(csatSurvey == null, "CSAT survey was already set to %s", csatSurvey);
      csatSurvey = surveyName(survey);
      csatRule = Objects.requireNonNull(rule, "rule");
      return this;
    }

    /**
     * @param survey the survey name of CES answers (default {@code ces})
     * @param rule the scale and low-effort threshold (default {@link CesRule#ofDefaults()})
     * @return this builder
     * @throws IllegalStateException if already set
     * @throws IllegalArgumentException if the name is blank
     */
    public Builder ces(String survey, CesRule rule) {
      checkState(cesSurvey == null, "CES survey was already set to %s", cesSurvey);
      cesSurvey = surveyName(survey);
      cesRule = Objects.requireNonNull(rule, "rule");
      return this;
    }

    /**
     * @param size the sample size from which a result counts as sufficient (default
     *     {@value KpiQuery#DEFAULT_MINIMUM_SAMPLE})
     * @return this builder
     * @throws IllegalStateException if already set
     * @throws IllegalArgumentException if below 1
     */
    public Builder minimumSample(int size) {
      checkState(minimumSample == 0, "minimum sample was already set to %s", minimumSample);
      checkArgument(size >= 1, "minimumSample must be at least 1 but was %s", size);
      minimumSample = size;
      return this;
    }

    /**
     * Lets a scan use up to {@code parallelism} threads: the calling thread and
     * {@code parallelism - 1} tasks on the {@link #executor executor}. Each large batch of the
     * store is cut into that many row ranges counted apart and added up; the report is the same
     * as with one thread. Worth it for large stores on a machine with idle cores; the default,
     * 1, starts nothing.
     *
     * @param parallelism the number of threads, 1 to 256
     * @return this builder
     * @throws IllegalArgumentException if {@code parallelism} is outside [1, 256]
     * @throws IllegalStateException if already set
     */
    public Builder parallelism(int parallelism) {
      checkState(this.parallelism == 0, "parallelism was already set to %s", this.parallelism);
      checkArgument(parallelism >= 1 && parallelism <= 256,
          "parallelism must be in [1, 256] but was %s", parallelism);
      this.parallelism = parallelism;
      return this;
    }

    /**
     * @param executor runs the extra parts of a {@link #parallelism parallel} scan; default
     *     {@link ForkJoinPool#commonPool()}
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder executor(Executor executor) {
      Objects.requireNonNull(executor, "executor");
      checkState(this.executor == null, "executor was already set to %s", this.executor);
      this.executor = executor;
      return this;
    }

    /**
     * @return the query
     * @throws IllegalArgumentException if two KPIs were given the same survey name
     */
    public KpiQuery build() {
      KpiQuery q = new KpiQuery(this);
      checkArgument(!q.npsSurvey.equals(q.csatSurvey) && !q.npsSurvey.equals(q.cesSurvey)
              && !q.csatSurvey.equals(q.cesSurvey),
          "survey names must differ but were nps=%s, csat=%s, ces=%s", q.npsSurvey, q.csatSurvey,
          q.cesSurvey);
      return q;
    }

    private static String surveyName(String survey) {
      Objects.requireNonNull(survey, "survey");
      String s = survey.trim().toLowerCase(Locale.ROOT);
      checkArgument(!s.isEmpty(), "survey must not be blank but was '%s'", survey);
      return s;
    }
  }
}
