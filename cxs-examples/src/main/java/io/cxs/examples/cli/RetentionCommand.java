package io.cxs.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cxs.core.Cxs;
import io.cxs.core.ingest.IngestReport;
import io.cxs.metrics.retention.Activity;
import io.cxs.metrics.retention.ChurnPeriod;
import io.cxs.metrics.retention.Cohort;
import io.cxs.metrics.retention.CohortCell;
import io.cxs.metrics.CalendarPeriod;
import io.cxs.metrics.retention.RetentionAnalysis;
import io.cxs.metrics.retention.RetentionReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code cxs retention --events FILE.jsonl --period day|week|month|quarter [--zone Z]
 * [--activity any|purchase] [--purchase-event NAME]}: the cohort retention table, churn per period
 * and the repeat-purchase rate of an event export, as JSON. A purchase is a touchpoint with the
 * event name {@code --purchase-event} if given, else one with a monetary value (refunds excluded).
 * Active means a purchase (the default) or, with {@code --activity any}, any touchpoint. Undefined
 * rates are {@code null}.
 */
final class RetentionCommand implements Subcommand {

  @Override
  public String name() {
    return "retention";
  }

  @Override
  public String usage() {
    return "retention --events FILE.jsonl --period day|week|month|quarter [--zone Z] [--activity any|purchase]"
        + " [--purchase-event NAME]   cohort retention, churn and repeat-purchase rate";
  }

  @Override
  public int run(Args args, PrintStream out, PrintStream err) throws Exception {
    Path events = args.existingFile("events");
    String periodArg = args.required("period");
    CalendarPeriod period;
    try {
      period = CalendarPeriod.of(periodArg);
    } catch (IllegalArgumentException e) {
      throw new UsageException("option --period must be day, week, month or quarter but was '" + periodArg + "'");
    }
    ZoneId zone = args.optional("zone").map(RetentionCommand::zone).orElse(RetentionAnalysis.DEFAULT_ZONE);
    String activityArg = args.optional("activity").orElse("purchase");
    if (!activityArg.equals("any") && !activityArg.equals("purchase")) {
      throw new UsageException("option --activity must be any or purchase but was '" + activityArg + "'");
    }
    Optional<String> purchaseEvent = args.optional("purchase-event");
    if (purchaseEvent.isPresent() && purchaseEvent.get().isBlank()) {
      throw new UsageException("option --purchase-event must not be blank");
    }
    args.finish();

    Activity purchase = purchaseEvent.map(Activity::named).orElse(Activity.withValue());
    RetentionAnalysis analysis = RetentionAnalysis.builder(period)
        .zone(zone)
        .activity(activityArg.equals("any") ? Activity.any() : purchase)
        .purchase(purchase)
        .build();
    try (Cxs cxs = Cxs.builder().build()) {
      IngestReport report = Inputs.ingest(cxs, events, err);
      RetentionReport r = analysis.analyze(cxs.touchpoints(), cxs.resolver());
      ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      out.println(json.writeValueAsString(toJson(r, activityArg, report)));
      return 0;
    }
  }

  private static ZoneId zone(String z) {
    try {
      return ZoneId.of(z);
    } catch (DateTimeException e) {
      throw new UsageException("option --zone must be a time zone such as UTC or Europe/Berlin but was '" + z + "'");
    }
  }

  static Map<String, Object> toJson(RetentionReport r, String activity, IngestReport report) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("period", r.granularity().code());
    m.put("zone", r.zone().getId());
    m.put("activity", activity);
    m.put("purchase", r.purchase());
    m.put("events", Inputs.counts(report));
    m.put("customers", r.customers());
    List<Object> cohorts = new ArrayList<>();
    for (Cohort c : r.cohorts()) {
      Map<String, Object> cm = new LinkedHashMap<>();
      cm.put("cohort", c.period());
      cm.put("customers", c.customers());
      List<Object> cells = new ArrayList<>();
      for (CohortCell cell : c.retention()) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("offset", cell.offset());
        x.put("active", cell.active());
        x.put("rate", c.rate(cell.offset()));
        cells.add(x);
      }
      cm.put("retention", cells);
      cohorts.add(cm);
    }
    m.put("cohorts", cohorts);
    List<Object> churn = new ArrayList<>();
    for (ChurnPeriod p : r.churn()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("period", p.period());
      x.put("activeBefore", p.activeBefore());
      x.put("retained", p.retained());
      x.put("churned", p.churned());
      x.put("churnRate", orNull(p.churnRate()));
      x.put("retentionRate", orNull(p.retentionRate()));
      churn.add(x);
    }
    m.put("churn", churn);
    m.put("purchasers", r.purchasers());
    m.put("repeatPurchasers", r.repeatPurchasers());
    m.put("repeatPurchaseRate", orNull(r.repeatPurchaseRate()));
    return m;
  }

  private static Double orNull(OptionalDouble d) {
    return d.isPresent() ? d.getAsDouble() : null;
  }
}
