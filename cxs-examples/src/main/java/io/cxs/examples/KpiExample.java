package io.cxs.examples;

import io.cxs.core.Cxs;
import io.cxs.core.feedback.FeedbackKind;
import io.cxs.core.feedback.Scale;
import io.cxs.core.ingest.FeedbackEvent;
import io.cxs.core.touchpoint.Channel;
import io.cxs.metrics.kpi.Dimension;
import io.cxs.metrics.kpi.Kpi;
import io.cxs.metrics.kpi.KpiQuery;
import io.cxs.metrics.kpi.KpiReport;
import io.cxs.metrics.kpi.LiveKpis;
import io.cxs.metrics.kpi.NpsResult;
import io.cxs.metrics.CalendarPeriod;
import io.cxs.metrics.kpi.PeriodChange;
import io.cxs.metrics.kpi.PeriodResult;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

/**
 * NPS per channel per week with confidence intervals and the significance of week-over-week
 * changes, then the same KPIs kept live as feedback arrives. Run with
 * {@code java -cp cxs.jar io.cxs.examples.KpiExample}.
 */
public final class KpiExample {
  private KpiExample() {}

  /**
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  /**
   * Ingests three weeks of generated NPS answers on two channels and prints the KPIs.
   *
   * @param out where to print
   * @return the weekly report by channel
   */
  public static KpiReport run(PrintStream out) {
    try (Cxs cxs = Cxs.builder().build()) {
      KpiQuery weeklyByChannel = KpiQuery.builder()
          .period(CalendarPeriod.WEEK)
          .by(Dimension.channel())
          .build();
      LiveKpis live = weeklyByChannel.live(cxs);

      Random random = new Random(7);
      Instant monday = Instant.parse("2026-01-05T09:00:00Z");
      for (int week = 0; week < 3; week++) {
        for (int i = 0; i < 200; i++) {
          // The web experience gets worse in the third week.
          boolean web = i % 2 == 0;
          int score = Math.min(10, random.nextInt(11) + (web && week == 2 ? 0 : 3));
          cxs.ingest(new FeedbackEvent("w" + week + "-" + i, Optional.of("c-" + i),
              Optional.empty(), monday.plusSeconds(week * 7 * 86_400L + i * 60L),
              FeedbackKind.SURVEY, "nps", Scale.NPS, OptionalInt.of(score), Optional.empty(),
              Optional.empty(), web ? Channel.WEB : Channel.EMAIL, Optional.empty()));
        }
      }

      KpiReport report = weeklyByChannel.run(cxs);
      NpsResult overall = report.overall().nps();
      out.printf(Locale.ROOT, "NPS %.1f (95%% CI %.1f to %.1f, n = %d)%n", overall.score(),
          overall.ci95().lower(), overall.ci95().upper(), overall.responses());
      report.periodsByGroup().forEach((channel, weeks) -> {
        for (PeriodResult w : weeks) {
          NpsResult n = w.kpis().nps();
          out.printf(Locale.ROOT, "  %-6s %s  NPS %6.1f ± %.1f%n", channel, w.period(), n.score(),
              n.marginOfError());
        }
        List<PeriodChange> trend = report.trend(Kpi.NPS, channel);
        for (PeriodChange c : trend) {
          out.printf(Locale.ROOT, "  %-6s %s → %s  %+.1f points, p = %.4f%s%n", channel, c.from(),
              c.to(), c.change().difference(), c.change().pValue(),
              c.change().significant() ? "  (significant)" : "");
        }
      });
      out.printf(Locale.ROOT, "live listener saw %d answers%n",
          live.report().overall().nps().responses());
      live.close();
      return report;
    }
  }
}
