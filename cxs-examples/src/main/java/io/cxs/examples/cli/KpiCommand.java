package io.cxs.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxs.core.Cxs;
import io.cxs.core.ingest.IngestReport;
import io.cxs.metrics.kpi.CesResult;
import io.cxs.metrics.kpi.CsatResult;
import io.cxs.metrics.kpi.Dimension;
import io.cxs.metrics.kpi.Kpi;
import io.cxs.metrics.kpi.KpiQuery;
import io.cxs.metrics.kpi.KpiReport;
import io.cxs.metrics.kpi.KpiResults;
import io.cxs.metrics.kpi.NpsResult;
import io.cxs.metrics.CalendarPeriod;
import io.cxs.metrics.kpi.PeriodChange;
import io.cxs.metrics.kpi.PeriodResult;
import io.cxs.metrics.stats.Interval;
import java.io.PrintStream;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * {@code cxs kpi}: NPS, CSAT (with net satisfaction) and CES of a JSON Lines export, overall, per
 * period, and optionally per channel, stage or survey, with 95% intervals and the significance of
 * period-over-period changes.
 */
final class KpiCommand implements Subcommand {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public String name() {
    return "kpi";
  }

  @Override
  public String usage() {
    return "kpi " + Engines.SOURCE_USAGE + " [--period day|week|month|quarter]"
        + " [--by channel|stage|survey] [--zone Z] [--min-sample N]";
  }

  @Override
  public int run(Args args, PrintStream out, PrintStream err) throws Exception {
    Engines.Source source = Engines.source(args);
    String periodName = args.optional("period").orElse("week");
    CalendarPeriod period = CalendarPeriod.fromCode(periodName).orElseThrow(() -> new UsageException(
        "option --period must be day, week, month or quarter but was '" + periodName + "'"));
    KpiQuery.Builder query = KpiQuery.builder().period(period);
    args.optional("by").ifPresent(by -> query.by(Dimension.fromCode(by)
        .filter(d -> d.traitName().isEmpty() && !d.equals(Dimension.touchpoint()))
        .orElseThrow(() -> new UsageException(
            "option --by must be channel, stage or survey but was '" + by + "'"))));
    args.optional("zone").ifPresent(z -> {
      try {
        query.zone(ZoneId.of(z));
      } catch (DateTimeException e) {
        throw new UsageException("option --zone must be a time zone such as UTC or "
            + "Europe/Berlin but was '" + z + "'");
      }
    });
    int minSample = args.intOption("min-sample", KpiQuery.DEFAULT_MINIMUM_SAMPLE);
    if (minSample < 1) {
      throw new UsageException("option --min-sample must be at least 1 but was " + minSample);
    }
    query.minimumSample(minSample);
    args.finish();
    KpiQuery q = query.build();

    try (Engines.Engine engine = Engines.open(source.db())) {
      Cxs cxs = engine.cxs();
      IngestReport ingest = Inputs.ingest(cxs, source.events(), err);
      KpiReport report = q.run(cxs);
      if (report.ignoredResponses() > 0) {
        err.println(report.ignoredResponses()
            + " answers on a KPI survey but another scale were left out");
      }
      out.println(JSON.writeValueAsString(toJson(report, ingest)));
      return 0;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  static ObjectNode toJson(KpiReport report, IngestReport ingest) {
    ObjectNode root = JSON.createObjectNode();
    putKpis(root, report.overall());
    ArrayNode periods = root.putArray("periods");
    for (PeriodResult p : report.periods()) {
      periods.add(period(p));
    }
    ArrayNode trend = root.putArray("trend");
    for (PeriodChange c : report.trend(Kpi.NPS)) {
      ObjectNode t = trend.addObject();
      t.put("kpi", "nps");
      t.put("from", c.from());
      t.put("to", c.to());
      t.put("difference", round(c.change().difference(), 2));
      t.put("standardError", round(c.change().standardError(), 2));
      t.put("pValue", round(c.change().pValue(), 4));
      t.put("significant", c.change().significant());
    }
    if (report.query().dimension().isPresent()) {
      ObjectNode groups = root.putObject("groups");
      root.put("by", report.query().dimension().get().code());
      Map<String, List<PeriodResult>> byGroup = report.periodsByGroup();
      report.groups().forEach((g, r) -> {
        ObjectNode node = groups.putObject(g);
        putKpis(node, r);
        ArrayNode ps = node.putArray("periods");
        for (PeriodResult p : byGroup.getOrDefault(g, List.of())) {
          ps.add(period(p));
        }
      });
    }
    ObjectNode input = root.putObject("input");
    input.put("accepted", ingest.accepted());
    input.put("duplicates", ingest.duplicates());
    input.put("rejected", ingest.rejected());
    input.put("ignoredAnswers", report.ignoredResponses());
    root.put("zone", report.zone().getId());
    return root;
  }

  private static ObjectNode period(PeriodResult p) {
    ObjectNode node = JSON.createObjectNode();
    node.put("period", p.period());
    node.put("start", p.start().toString());
    putKpis(node, p.kpis());
    return node;
  }

  /** Writes NPS, CSAT and CES results as the {@code nps}, {@code csat} and {@code ces} fields. */
  static void putKpis(ObjectNode node, KpiResults r) {
    NpsResult n = r.nps();
    ObjectNode nps = node.putObject("nps");
    nps.put("responses", n.responses());
    nps.put("promoters", n.promoters());
    nps.put("passives", n.passives());
    nps.put("detractors", n.detractors());
    nps.put("skipped", n.skipped());
    nps.put("score", round(n.score(), 2));
    interval(nps, "ci95", n.ci95());
    nps.put("marginOfError", round(n.marginOfError(), 2));
    nps.put("sampleSizeSufficient", n.sampleSizeSufficient());
    CsatResult c = r.csat();
    ObjectNode csat = node.putObject("csat");
    csat.put("responses", c.responses());
    csat.put("satisfied", c.satisfied());
    csat.put("neutral", c.neutral());
    csat.put("dissatisfied", c.dissatisfied());
    csat.put("skipped", c.skipped());
    csat.put("score", round(c.score(), 2));
    interval(csat, "ci95", c.ci95());
    csat.put("netSatisfaction", round(c.netSatisfaction(), 2));
    interval(csat, "netCi95", c.netCi95());
    csat.put("sampleSizeSufficient", c.sampleSizeSufficient());
    CesResult e = r.ces();
    ObjectNode ces = node.putObject("ces");
    ces.put("responses", e.responses());
    ces.put("skipped", e.skipped());
    ces.put("mean", round(e.mean(), 3));
    interval(ces, "ci95", e.ci95());
    ces.put("lowEffort", e.lowEffort());
    ces.put("lowEffortShare", round(e.lowEffortShare(), 2));
    ces.put("sampleSizeSufficient", e.sampleSizeSufficient());
  }

  private static void interval(ObjectNode node, String name, Interval i) {
    ArrayNode a = node.putArray(name);
    a.add(round(i.lower(), 2));
    a.add(round(i.upper(), 2));
  }

  static double round(double x, int digits) {
    double f = Math.pow(10, digits);
    double r = Math.round(x * f) / f;
    return r == 0 ? 0.0 : r;
  }
}
