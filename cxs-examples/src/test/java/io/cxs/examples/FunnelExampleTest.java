package io.cxs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxs.core.customer.CustomerId;
import io.cxs.journey.funnel.FunnelReport;
import io.cxs.journey.funnel.FunnelStepResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

final class FunnelExampleTest {

  @Test
  void run_countsTheLoggedInVisitorAsOneConversion() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    FunnelReport r = FunnelExample.run(new PrintStream(buf, true, StandardCharsets.UTF_8));

    assertThat(r.steps()).extracting(FunnelStepResult::count).containsExactly(2L, 1L, 1L);
    assertThat(r.droppedAt(1)).containsExactly(CustomerId.of("c-7"));
    assertThat(r.segments().get("web")).isEqualTo(List.of(1L, 1L, 1L));
    assertThat(buf.toString(StandardCharsets.UTF_8)).contains("Order Completed");
  }
}
