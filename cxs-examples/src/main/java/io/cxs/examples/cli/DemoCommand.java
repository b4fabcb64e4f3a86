package io.cxs.examples.cli;

import io.cxs.core.Cxs;
import io.cxs.examples.ActionsExample;
import io.cxs.journey.funnel.Funnel;
import io.cxs.journey.funnel.FunnelReport;
import io.cxs.journey.funnel.FunnelStepResult;
import io.cxs.metrics.clv.BgNbdModel;
import io.cxs.metrics.clv.ModelFit;
import io.cxs.metrics.clv.ModelFitException;
import io.cxs.metrics.clv.PeriodUnit;
import io.cxs.metrics.clv.RfmSummaries;
import io.cxs.metrics.clv.RfmSummary;
import io.cxs.metrics.clv.Transaction;
import io.cxs.metrics.kpi.CesResult;
import io.cxs.metrics.kpi.CsatResult;
import io.cxs.metrics.kpi.Dimension;
import io.cxs.metrics.CalendarPeriod;
import io.cxs.metrics.kpi.KpiQuery;
import io.cxs.metrics.kpi.KpiReport;
import io.cxs.metrics.kpi.NpsResult;
import io.cxs.metrics.kpi.PeriodResult;
import io.cxs.metrics.retention.Cohort;
import io.cxs.metrics.stats.Comparison;
import io.cxs.metrics.CalendarPeriod;
import io.cxs.metrics.retention.RetentionAnalysis;
import io.cxs.metrics.retention.RetentionReport;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import io.cxs.core.IngestOutcome;
import io.cxs.core.customer.CustomerView;
import io.cxs.core.customer.IdentityKind;
import io.cxs.core.feedback.Feedback;
import io.cxs.core.ingest.Event;
import io.cxs.core.json.EventWriter;
import io.cxs.core.spi.FeedbackBatch;
import io.cxs.core.spi.ScanDictionary;
import io.cxs.core.spi.TouchpointBatch;
import io.cxs.core.touchpoint.Touchpoint;
import io.cxs.examples.demo.ShopSimulator;
import java.io.BufferedWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code cxs demo [--customers N] [--seed S] [--write FILE.jsonl]}: simulates a shop, ingests
 * it, and prints a human-readable tour of what cxs sees.
 */
final class DemoCommand implements Subcommand {

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public String usage() {
    return "demo [--customers N] [--seed S] [--write FILE.jsonl]   simulate a shop and tour it";
  }

  @Override
  public int run(Args args, PrintStream out, PrintStream err) throws Exception {
    int customers = args.intOption("customers", 5000);
    long seed = args.intOption("seed", 2026);
    Optional<String> write = args.optional("write");
    args.finish();
    if (customers < 1 || customers > 5_000_000) {
      throw new UsageException("--customers must be in [1, 5000000] but was " + customers);
    }
    long start = System.nanoTime();
    err.printf("cxs demo: simulating %,d visitors (seed %d)...%n", customers, seed);
    ShopSimulator shop = new ShopSimulator(customers, seed);
    long[] counts = new long[3];
    try (Cxs cxs = Cxs.builder().build();
        BufferedWriter file = write.isPresent()
            ? Files.newBufferedWriter(Path.of(write.get()), StandardCharsets.UTF_8) : null) {
      shop.forEach((Event e) -> {
        counts[cxs.ingest(e) == IngestOutcome.ACCEPTED ? 0 : 1]++;
        if (file != null) {
          try {
            EventWriter.write(e, file);
            file.write('\n');
          } catch (java.io.IOException x) {
            throw new java.io.UncheckedIOException(x);
          }
        }
      });
      double seconds = (System.nanoTime() - start) / 1e9;
      report(cxs, counts, seconds, out);
      write.ifPresent(f -> err.println("cxs demo: wrote the events to " + f
          + "; try: cxs profile --events " + f));
    }
    return 0;
  }

  private static void report(Cxs cxs, long[] counts, double seconds, PrintStream out) {
    long[] identified = {0};
    long[] merges = {0};
    cxs.customers().forEach(c -> {
      if (c.identity(IdentityKind.USER_ID).isPresent()) {
        identified[0]++;
      }
      merges[0] += c.merges().size();
    });
    out.println("cxs demo: a simulated online shop");
    out.println("=================================");
    out.printf("Ingested %,d events in %.1f s (%,d duplicates delivered twice were stored once).%n",
        counts[0], seconds, counts[1]);
    out.printf("Customers: %,d resolved, %,d identified; %,d anonymous visitors merged into the"
        + " customer they became.%n", cxs.customers().count(), identified[0], merges[0]);

    Map<String, Long> byChannel = new TreeMap<>();
    Map<String, Long> byName = new TreeMap<>();
    double[] revenue = {0};
    long[] orders = {0};
    cxs.touchpoints().scan((TouchpointBatch b) -> {
      ScanDictionary d = b.dictionary();
      long[] ch = new long[d.channelCount()];
      long[] nm = new long[d.nameCount()];
      for (int r = 0; r < b.size(); r++) {
        ch[b.channel(r)]++;
        nm[b.name(r)]++;
        double a = b.amount(r);
        if (!Double.isNaN(a)) {
          revenue[0] += a;
          orders[0]++;
        }
      }
      for (int i = 0; i < ch.length; i++) {
        if (ch[i] > 0) {
          byChannel.merge(d.channel(i).name(), ch[i], Long::sum);
        }
      }
      for (int i = 0; i < nm.length; i++) {
        if (nm[i] > 0) {
          byName.merge(d.name(i), nm[i], Long::sum);
        }
      }
    });
    out.printf("%nTouchpoints: %,d%n", cxs.touchpoints().count());
    byChannel.forEach((k, v) -> out.printf("  %-12s %,10d%n", k, v));
    Funnel.Builder builder = Funnel.builder().window(Duration.ofDays(7));
    ShopSimulator.FUNNEL.forEach(builder::step);
    FunnelReport funnel = builder.build().run(cxs);
    out.printf("%nFunnel, 7-day window, per resolved customer (%,d customers):%n",
        funnel.customers());
    for (FunnelStepResult step : funnel.steps()) {
      out.printf("  %-18s %,8d  %5.1f%% of start  %5.1f%% of previous%s%n", step.name(),
          step.count(), 100 * step.conversionFromStart(), 100 * step.conversionFromPrevious(),
          step.medianSecondsFromPrevious().isPresent() && step.count() > 0
              ? String.format("  median %s after the previous step",
                  Duration.ofSeconds((long) step.medianSecondsFromPrevious().getAsDouble()))
              : "");
    }
    out.printf("Orders: %,d, revenue $%,.2f, average order $%.2f%n", orders[0], revenue[0],
        orders[0] == 0 ? 0.0 : revenue[0] / orders[0]);

    long[] complaints = {0};
    cxs.feedback().scan((FeedbackBatch b) -> {
      for (int r = 0; r < b.size(); r++) {
        if (b.kind(r) == io.cxs.core.feedback.FeedbackKind.COMPLAINT.ordinal()) {
          complaints[0]++;
        }
      }
    });
    out.printf("%nFeedback: %,d pieces, %,d complaints.%n", cxs.feedback().count(), complaints[0]);
    KpiReport kpis = KpiQuery.builder().period(CalendarPeriod.QUARTER).by(Dimension.channel()).build()
        .run(cxs);
    NpsResult nps = kpis.overall().nps();
    out.printf("NPS %+.1f (95%% CI %+.1f to %+.1f) from %,d answers: %,d promoters, %,d passives,"
        + " %,d detractors; %,d skipped, not counted%n", nps.score(), nps.ci95().lower(),
        nps.ci95().upper(), nps.responses(), nps.promoters(), nps.passives(), nps.detractors(),
        nps.skipped());
    CsatResult csat = kpis.overall().csat();
    if (csat.responses() > 0) {
      out.printf("CSAT %.1f%% satisfied (95%% CI %.1f%% to %.1f%%) from %,d answers after support"
          + " contacts%n", csat.score(), csat.ci95().lower(), csat.ci95().upper(), csat.responses());
    }
    CesResult ces = kpis.overall().ces();
    if (ces.responses() > 0) {
      out.printf("CES mean %.2f of 7 (95%% CI %.2f to %.2f) from %,d answers%n", ces.mean(),
          ces.ci95().lower(), ces.ci95().upper(), ces.responses());
    }
    List<PeriodResult> quarters = kpis.periods();
    if (quarters.size() >= 2) {
      PeriodResult q1 = quarters.get(0);
      PeriodResult q2 = quarters.get(1);
      Optional<Comparison> change = q2.kpis().nps().changeFrom(q1.kpis().nps());
      change.ifPresent(c -> out.printf("NPS %s %+.1f -> %s %+.1f: change %+.1f points, p = %.3f"
          + " (%s)%n", q1.period(), q1.kpis().nps().score(), q2.period(), q2.kpis().nps().score(),
          c.difference(), c.pValue(),
          c.significant() ? "significant at 5%" : "not significant at 5%"));
    }

    RetentionAnalysis retention = RetentionAnalysis.builder(CalendarPeriod.MONTH).build();
    RetentionReport cohorts = retention.analyze(cxs.touchpoints(), cxs.resolver());
    out.printf("%nMonthly purchase cohorts (share of each cohort buying again n months later):%n");
    for (Cohort c : cohorts.cohorts().subList(0, Math.min(6, cohorts.cohorts().size()))) {
      StringBuilder row = new StringBuilder();
      for (int k = 1; k <= 3 && k < c.retention().size(); k++) {
        row.append(String.format("  +%d: %5.1f%%", k, 100 * c.rate(k)));
      }
      out.printf("  %s  %,6d buyers%s%n", c.period(), c.customers(), row);
    }
    cohorts.repeatPurchaseRate().ifPresent(r ->
        out.printf("Repeat-purchase rate: %.1f%% of buyers bought on two or more days%n", 100 * r));

    List<Transaction> purchases = retention.purchases(cxs.touchpoints(), cxs.resolver());
    LocalDate end = LocalDate.of(2026, 6, 30);
    List<RfmSummary> summaries = RfmSummaries.fromTransactions(purchases, end, PeriodUnit.WEEKS);
    if (summaries.size() >= 50) {
      try {
        ModelFit<BgNbdModel> fit = BgNbdModel.fit(summaries);
        BgNbdModel m = fit.model();
        out.printf("%nCustomer value (BG/NBD fitted on %,d buyers up to %s): r=%.3f alpha=%.3f"
            + " %s%n", summaries.size(), end, m.r(), m.alpha(), m.a() > 1e6
                ? String.format("and a dropout probability after each purchase of %.2f for"
                    + " everyone (a, b at the boundary)", m.a() / (m.a() + m.b()))
                : String.format("a=%.3f b=%.3f", m.a(), m.b()));
        summaries.stream()
            .sorted((x, y) -> Double.compare(m.expectedPurchases(y, 12), m.expectedPurchases(x, 12)))
            .limit(3)
            .forEach(c -> out.printf("  %s  P(alive) %.2f, expected purchases in 12 weeks %.2f%n",
                c.customerId(), m.probabilityAlive(c), m.expectedPurchases(c, 12)));
      } catch (ModelFitException | ArithmeticException e) {
        out.printf("%nCustomer value: BG/NBD could not be fitted or scored here (%s)%n",
            e.getMessage());
      }
    }

    Optional<CustomerView> sample = ProfileCommand.find(cxs, "c-000007")
        .or(() -> ProfileCommand.find(cxs, "c-000000"));
    sample.ifPresent(v -> {
      out.printf("%nOne customer's 360 view: %s (%s)%n", v.customer().id(),
          v.customer().trait("email").orElse("no e-mail"));
      out.printf("  identities: %s%n", v.customer().identities());
      for (Touchpoint t : v.touchpoints()) {
        out.printf("  %s  %-10s %-18s%s%n", t.timestamp(), t.channel(), t.name(),
            t.value().map(m -> "  " + m).orElse(""));
      }
      for (Feedback f : v.feedback()) {
        out.printf("  %s  said %s %s%s%n", f.timestamp(), f.survey(),
            f.score().isPresent() ? String.valueOf(f.score().getAsInt()) : "(no score)",
            f.comment().map(c -> " \"" + c + "\"").orElse(""));
      }
    });

    out.printf("%nActing on it: a cart-abandonment journey and a detractor follow-up, on a"
        + " virtual clock%n");
    ActionsExample.run(out);
  }
}
