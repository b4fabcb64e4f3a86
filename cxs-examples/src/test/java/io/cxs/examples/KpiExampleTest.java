package io.cxs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxs.metrics.kpi.Kpi;
import io.cxs.metrics.kpi.KpiReport;
import io.cxs.metrics.kpi.PeriodChange;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

final class KpiExampleTest {

  @Test
  void run_findsTheSignificantWebDrop() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    KpiReport report = KpiExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(report.overall().nps().responses()).isEqualTo(600);
    List<PeriodChange> web = report.trend(Kpi.NPS, "web");
    assertThat(web).hasSize(2);
    assertThat(web.get(1).change().difference()).isLessThan(0);
    assertThat(web.get(1).change().significant()).isTrue();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("live listener saw 600 answers");
  }
}
