package io.cxs.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxs.core.customer.CustomerId;
import io.cxs.core.customer.CustomerView;
import io.cxs.core.ingest.FeedbackEvent;
import io.cxs.core.ingest.IdentifyEvent;
import io.cxs.core.ingest.IngestReport;
import io.cxs.core.ingest.TrackEvent;
import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.Money;
import io.cxs.core.touchpoint.Touchpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's and the {@link Cxs} javadoc's snippets, as written there. */
final class ReadmeSnippetsTest {

  @Test
  void quickStart() {
    Cxs cxs = Cxs.builder().build();
    Instant now = Instant.now();
    cxs.ingest(TrackEvent.anonymous("m1", "a-9", "Product Viewed", now, Channel.WEB));
    cxs.ingest(IdentifyEvent.link("m2", "c-42", "a-9", now, Map.of("email", "ann@example.com")));
    cxs.ingest(TrackEvent.of("m3", "c-42", "Order Completed", now, Channel.MOBILE_APP)
        .withValue(Money.of("19.99", "EUR")));
    cxs.ingest(FeedbackEvent.survey("m4", "c-42", now, "nps", 9));

    CustomerView ann = cxs.customer(CustomerId.of("c-42")).orElseThrow();
    assertThat(ann.touchpoints()).extracting(Touchpoint::eventId).containsExactly("m1", "m3");
    assertThat(ann.customer().merges()).hasSize(1);
    assertThat(ann.feedback()).hasSize(1);
  }

  @Test
  void jsonLines(@TempDir Path dir) throws Exception {
    Path events = dir.resolve("events.jsonl");
    Files.writeString(events, "{\"type\":\"track\",\"messageId\":\"m2\",\"userId\":\"c-42\","
        + "\"event\":\"Product Viewed\",\"timestamp\":\"2026-03-01T10:01:00Z\"}\nnot json\n");
    Cxs cxs = Cxs.builder().build();
    IngestReport report = cxs.ingestJsonLines(events);
    assertThat(report.accepted()).isEqualTo(1);
    assertThat(report.rejected()).isEqualTo(1);
    assertThat(report.errors().get(0).line()).isEqualTo(2);
  }
}
