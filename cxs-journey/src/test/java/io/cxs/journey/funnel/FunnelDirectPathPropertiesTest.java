package io.cxs.journey.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxs.core.Cxs;
import io.cxs.core.ingest.IdentifyEvent;
import io.cxs.core.ingest.TrackEvent;
import io.cxs.core.spi.PlainBatches;
import io.cxs.core.touchpoint.Channel;
import io.cxs.journey.timeline.TimelineScan;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The in-memory store's batches let the common funnel (required steps matched by name) read
 * their arrays directly; any other batch takes the general path. Both must give the same report:
 * counts, conversions, median and p90 times, time to convert, breakdown and dropped customers.
 */
final class FunnelDirectPathPropertiesTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final String[] NAMES = {"A", "B", "C", "D", "E"};
  private static final Channel[] CHANNELS = {Channel.WEB, Channel.EMAIL, Channel.IN_STORE};

  @Property(tries = 300)
  void directPath_givesTheGeneralPathsReport(@ForAll long seed) {
    Random rnd = new Random(seed);
    Cxs cxs = Cxs.builder().build();
    int customers = 1 + rnd.nextInt(8);
    for (int c = 0; c < customers; c++) {
      if (rnd.nextInt(3) == 0) {
        cxs.ingest(IdentifyEvent.link("i" + c, "u" + c, "a" + c, T0, Map.of()));
      }
    }
    int events = rnd.nextInt(80);
    for (int e = 0; e < events; e++) {
      int c = rnd.nextInt(customers);
      Instant at = T0.plusSeconds(rnd.nextInt(6 * 3600));
      String name = NAMES[rnd.nextInt(NAMES.length)];
      Channel channel = CHANNELS[rnd.nextInt(CHANNELS.length)];
      cxs.ingest(rnd.nextInt(4) == 0
          ? TrackEvent.anonymous("t" + e, "a" + c, name, at, channel)
          : TrackEvent.of("t" + e, "u" + c, name, at, channel));
    }
    Funnel.Builder b = Funnel.builder().window(Duration.ofMinutes(1 + rnd.nextInt(180)));
    int steps = 1 + rnd.nextInt(4);
    for (int k = 0; k < steps; k++) {
      b.step(NAMES[rnd.nextInt(4)]);
    }
    if (rnd.nextBoolean()) {
      b.breakdown(Breakdown.firstChannel());
    }
    Funnel funnel = b.build();

    FunnelReport direct = funnel.run(TimelineScan.of(cxs));
    FunnelReport general = funnel.run(
        TimelineScan.of(PlainBatches.touchpoints(cxs.touchpoints()), cxs.resolver()));

    assertThat(direct.steps()).isEqualTo(general.steps());
    assertThat(direct.customers()).isEqualTo(general.customers());
    assertThat(direct.medianSecondsToConvert()).isEqualTo(general.medianSecondsToConvert());
    assertThat(direct.segments()).isEqualTo(general.segments());
    for (int k = 1; k < steps; k++) {
      assertThat(direct.droppedAt(k)).isEqualTo(general.droppedAt(k));
    }
  }
}
