package io.cxs.journey;

import io.cxs.core.Cxs;
import io.cxs.core.customer.CustomerId;
import io.cxs.core.customer.CustomerView;
import io.cxs.core.customer.Identity;
import io.cxs.core.touchpoint.JourneyStage;
import io.cxs.journey.friction.FrictionAnalysis;
import io.cxs.journey.friction.FrictionPoint;
import io.cxs.journey.funnel.Breakdown;
import io.cxs.journey.funnel.Funnel;
import io.cxs.journey.funnel.FunnelReport;
import io.cxs.journey.funnel.FunnelStep;
import io.cxs.journey.funnel.FunnelStepResult;
import io.cxs.journey.map.JourneyMap;
import io.cxs.journey.map.JourneyMapReport;
import io.cxs.journey.map.Stage;
import io.cxs.journey.map.StageReport;
import io.cxs.journey.path.PathAnalysis;
import io.cxs.journey.path.PathReport;
import io.cxs.metrics.CalendarPeriod;
import io.cxs.metrics.kpi.Dimension;
import io.cxs.metrics.kpi.Kpi;
import io.cxs.metrics.kpi.KpiQuery;
import io.cxs.metrics.kpi.KpiReport;
import io.cxs.metrics.kpi.KpiResults;
import io.cxs.metrics.kpi.Kpis;
import io.cxs.metrics.kpi.PeriodChange;
import io.cxs.metrics.kpi.PeriodResult;
import io.cxs.metrics.retention.Activity;
import io.cxs.metrics.retention.RetentionAnalysis;
import io.cxs.metrics.retention.RetentionReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The answers cxs gives over one engine, as values that compare with {@code equals} (records,
 * lists and maps of records), so that two engines can be compared answer by answer. Result types
 * that are not values ({@link KpiReport}, {@link FunnelReport}, {@link JourneyMapReport}) are
 * read into records of everything they expose; maps whose order means something are kept as
 * lists of entries.
 */
final class CxsAnswers {
  /** The funnel of the early visitors' shopping. */
  static final Funnel SHOPPING = Funnel.builder()
      .step("Product Viewed").step("Product Added").step("Order Completed")
      .window(Duration.ofDays(7))
      .breakdown(Breakdown.firstChannel())
      .build();
  /** A funnel into the late cohort's events, with an optional step. */
  static final Funnel ONBOARDING = Funnel.builder()
      .step("Page Viewed")
      .step(FunnelStep.of(EventStreams.LATE_EVENTS.get(0)).onChannel(EventStreams.LATE_CHANNEL))
      .step(FunnelStep.of(EventStreams.LATE_EVENTS.get(1)).asOptional())
      .step("Order Completed")
      .window(Duration.ofDays(30))
      .build();
  /** The journey map over both cohorts' events. */
  static final JourneyMap JOURNEY = JourneyMap.builder("shop")
      .stage(Stage.of("browse", "Page Viewed", "Product Viewed").withTag(JourneyStage.AWARENESS))
      .stage(Stage.of("cart", "Product Added", "Checkout Started", "Signed In"))
      .stage(Stage.of("purchase", "Order Completed").withTag(JourneyStage.PURCHASE)
          .withMomentsOfTruth("Order Completed").withTargetFromPrevious(Duration.ofDays(2)))
      .stage(Stage.of("onboarding", EventStreams.LATE_EVENTS.get(0))
          .withTag(JourneyStage.ONBOARDING))
      .stage(Stage.of("service", EventStreams.LATE_EVENTS.get(1)).withTag(JourneyStage.SERVICE)
          .withMomentsOfTruth(EventStreams.LATE_EVENTS.get(1)))
      .build();

  private CxsAnswers() {}

  /**
   * @param customers stored profiles
   * @param touchpoints stored touchpoints
   * @param feedback stored feedback
   */
  record Counts(long customers, long touchpoints, long feedback) {}

  /**
   * Everything a {@link KpiReport} exposes.
   *
   * @param totals the merged aggregates
   * @param overall the KPIs over everything
   * @param periods per period
   * @param groups per group, in label order
   * @param periodsByGroup per group and period, in label order
   * @param npsTrend the NPS changes between periods
   * @param ignoredResponses answers on another scale than their KPI's
   */
  record KpiTables(Kpis totals, KpiResults overall, List<PeriodResult> periods,
      List<Map.Entry<String, KpiResults>> groups,
      List<Map.Entry<String, List<PeriodResult>>> periodsByGroup, List<PeriodChange> npsTrend,
      long ignoredResponses) {

    static KpiTables of(KpiReport r) {
      return new KpiTables(r.totals(), r.overall(), r.periods(), entries(r.groups()),
          entries(r.periodsByGroup()), r.trend(Kpi.NPS), r.ignoredResponses());
    }
  }

  /**
   * Everything a {@link FunnelReport} exposes.
   *
   * @param customers customers with a touchpoint
   * @param steps per step
   * @param medianSecondsToConvert median time from first to last step
   * @param breakdown the breakdown's name
   * @param segments per segment, in report order
   * @param droppedAt for each step from the second, the ids of those who dropped there, sorted
   */
  record FunnelAnswer(long customers, List<FunnelStepResult> steps,
      OptionalDouble medianSecondsToConvert, Optional<String> breakdown,
      List<Map.Entry<String, List<Long>>> segments, List<List<String>> droppedAt) {

    static FunnelAnswer of(FunnelReport r) {
      List<List<String>> dropped = new ArrayList<>();
      for (int k = 1; k < r.steps().size(); k++) {
        dropped.add(r.droppedAt(k).stream().map(CustomerId::value).sorted().toList());
      }
      return new FunnelAnswer(r.customers(), r.steps(), r.medianSecondsToConvert(),
          r.breakdown(), entries(r.segments()), dropped);
    }
  }

  /**
   * Everything a {@link JourneyMapReport} exposes.
   *
   * @param name the map's name
   * @param customers customers with a touchpoint
   * @param stages per stage
   * @param currentStage each stored customer's current stage, if any, by customer id
   */
  record JourneyAnswer(String name, long customers, List<StageReport> stages,
      SortedMap<String, Optional<String>> currentStage) {}

  /** @return how many profiles, touchpoints and pieces of feedback the engine's stores hold */
  static Counts counts(Cxs cxs) {
    return new Counts(cxs.customers().count(), cxs.touchpoints().count(), cxs.feedback().count());
  }

  /** @return the 360 view of every stored customer, by customer id */
  static SortedMap<String, CustomerView> views(Cxs cxs) {
    SortedMap<String, CustomerView> out = new TreeMap<>();
    for (CustomerId id : customerIds(cxs)) {
      out.put(id.value(), cxs.customer(id).orElseThrow(
          () -> new AssertionError("customer " + id + " is stored but has no view")));
    }
    return out;
  }

  /**
   * @param identities identities to look up
   * @return the customer each identity belongs to now, or {@code "(unknown)"}, by identity key
   */
  static SortedMap<String, String> owners(Cxs cxs, Collection<Identity> identities) {
    SortedMap<String, String> out = new TreeMap<>();
    for (Identity i : identities) {
      out.put(i.key(), cxs.customerOf(i).map(CustomerId::value).orElse("(unknown)"));
    }
    return out;
  }

  /** @return the KPI tables of a few queries (periods, channels, surveys, traits), by query */
  static Map<String, KpiTables> kpis(Cxs cxs) {
    Map<String, KpiTables> out = new LinkedHashMap<>();
    out.put("overall", KpiTables.of(KpiQuery.ofDefaults().run(cxs)));
    out.put("weekly by channel", KpiTables.of(KpiQuery.builder()
        .period(CalendarPeriod.WEEK).by(Dimension.channel()).minimumSample(5).build().run(cxs)));
    out.put("monthly by survey", KpiTables.of(KpiQuery.builder()
        .period(CalendarPeriod.MONTH).by(Dimension.survey()).build().run(cxs)));
    out.put("by stage", KpiTables.of(KpiQuery.builder().by(Dimension.stage()).build().run(cxs)));
    out.put("by plan", KpiTables.of(KpiQuery.builder().by(Dimension.trait("plan")).build()
        .run(cxs)));
    return out;
  }

  /** @return the funnels' reports, by funnel */
  static Map<String, FunnelAnswer> funnels(Cxs cxs) {
    Map<String, FunnelAnswer> out = new LinkedHashMap<>();
    out.put("shopping by first channel", FunnelAnswer.of(SHOPPING.run(cxs)));
    out.put("onboarding by plan", FunnelAnswer.of(Funnel.builder()
        .step(ONBOARDING.steps().get(0)).step(ONBOARDING.steps().get(1))
        .step(ONBOARDING.steps().get(2)).step(ONBOARDING.steps().get(3))
        .window(ONBOARDING.window())
        .breakdown(Breakdown.trait(cxs.customers(), "plan"))
        .build().run(cxs)));
    out.put("shopping, strict order", FunnelAnswer.of(Funnel.builder()
        .step("Product Viewed").step("Product Added").step("Order Completed")
        .window(Duration.ofDays(7)).strictOrder().build().run(cxs)));
    return out;
  }

  /** @return path reports around early and late events, by anchor */
  static Map<String, PathReport> paths(Cxs cxs) {
    Map<String, PathReport> out = new LinkedHashMap<>();
    out.put("after Product Viewed", PathAnalysis.after("Product Viewed").build().run(cxs));
    out.put("before Order Completed",
        PathAnalysis.before("Order Completed").depth(3).maxNodesPerStep(3).build().run(cxs));
    out.put("after " + EventStreams.LATE_EVENTS.get(0),
        PathAnalysis.after(EventStreams.LATE_EVENTS.get(0)).build().run(cxs));
    return out;
  }

  /** @return the journey map's report, with every stored customer's current stage */
  static JourneyAnswer journeyMap(Cxs cxs) {
    JourneyMapReport r = JOURNEY.run(cxs);
    SortedMap<String, Optional<String>> current = new TreeMap<>();
    for (CustomerId id : customerIds(cxs)) {
      current.put(id.value(), r.currentStage(id));
    }
    return new JourneyAnswer(r.name(), r.customers(), r.stages(), current);
  }

  /** @return retention reports by granularity and activity */
  static Map<String, RetentionReport> retention(Cxs cxs) {
    Map<String, RetentionReport> out = new LinkedHashMap<>();
    out.put("weekly purchases", RetentionAnalysis.of(CalendarPeriod.WEEK)
        .analyze(cxs.touchpoints(), cxs.resolver()));
    out.put("monthly any activity", RetentionAnalysis.builder(CalendarPeriod.MONTH)
        .activity(Activity.any()).build().analyze(cxs.touchpoints(), cxs.resolver()));
    return out;
  }

  /** @return the friction points of the journey map's stages and of the shopping funnel */
  static Map<String, List<FrictionPoint>> friction(Cxs cxs) {
    Map<String, List<FrictionPoint>> out = new LinkedHashMap<>();
    out.put("journey stages", FrictionAnalysis.stages(JOURNEY.run(cxs)));
    out.put("shopping steps",
        FrictionAnalysis.steps(SHOPPING.run(cxs), cxs.feedback(), cxs.resolver()));
    return out;
  }

  private static List<CustomerId> customerIds(Cxs cxs) {
    List<CustomerId> ids = new ArrayList<>();
    cxs.customers().forEach(c -> ids.add(c.id()));
    ids.sort(null);
    return ids;
  }

  private static <V> List<Map.Entry<String, V>> entries(Map<String, V> map) {
    List<Map.Entry<String, V>> out = new ArrayList<>(map.size());
    map.forEach((k, v) -> out.add(Map.entry(k, v)));
    return out;
  }
}
