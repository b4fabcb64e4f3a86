package io.cxs.examples;

import io.cxs.core.Cxs;
import io.cxs.core.ingest.IdentifyEvent;
import io.cxs.core.ingest.TrackEvent;
import io.cxs.core.touchpoint.Channel;
import io.cxs.journey.funnel.Breakdown;
import io.cxs.journey.funnel.Funnel;
import io.cxs.journey.funnel.FunnelReport;
import io.cxs.journey.funnel.FunnelStepResult;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A checkout funnel in a few lines: a visitor browses anonymously on the web, logs in, and buys
 * in the app; identity resolution makes that one conversion. Run with
 * {@code java -cp cxs.jar io.cxs.examples.FunnelExample}.
 */
public final class FunnelExample {
  private FunnelExample() {}

  /**
   * Builds the data, runs the funnel and prints it.
   *
   * @param out where the report goes
   * @return the report
   */
  public static FunnelReport run(PrintStream out) {
    Instant t = Instant.parse("2026-03-01T10:00:00Z");
    Cxs cxs = Cxs.builder().build();
    cxs.ingest(TrackEvent.anonymous("m1", "a-9", "Product Viewed", t, Channel.WEB));
    cxs.ingest(TrackEvent.anonymous("m2", "a-9", "Product Added", t.plusSeconds(60), Channel.WEB));
    cxs.ingest(IdentifyEvent.link("m3", "c-42", "a-9", t.plusSeconds(90), Map.of()));
    cxs.ingest(TrackEvent.of("m4", "c-42", "Order Completed", t.plusSeconds(300),
        Channel.MOBILE_APP));
    cxs.ingest(TrackEvent.of("m5", "c-7", "Product Viewed", t, Channel.MOBILE_APP));

    Funnel funnel = Funnel.builder()
        .step("Product Viewed").step("Product Added").step("Order Completed")
        .window(Duration.ofDays(7))
        .breakdown(Breakdown.firstChannel())
        .build();
    FunnelReport report = funnel.run(cxs);

    for (FunnelStepResult s : report.steps()) {
      out.printf("%-16s %3d  %5.1f%% of start%n", s.name(), s.count(),
          100 * s.conversionFromStart());
    }
    out.println("dropped before adding to cart: " + report.droppedAt(1));
    out.println("by first channel: " + report.segments());
    return report;
  }

  /**
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }
}
