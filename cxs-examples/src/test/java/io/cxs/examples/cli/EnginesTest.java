package io.cxs.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxs.core.customer.CustomerId;
import io.cxs.core.customer.CustomerView;
import io.cxs.core.customer.Identity;
import io.cxs.core.ingest.IngestReport;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class EnginesTest {
  private static final String EVENTS = String.join("\n",
      "{\"type\":\"track\",\"messageId\":\"m1\",\"anonymousId\":\"a-9\",\"event\":\"Product Viewed\",\"timestamp\":\"2026-03-01T10:00:00Z\"}",
      "{\"type\":\"identify\",\"messageId\":\"m2\",\"userId\":\"c-42\",\"anonymousId\":\"a-9\",\"timestamp\":\"2026-03-01T10:01:00Z\",\"traits\":{\"email\":\"ann@example.com\"}}",
      "{\"type\":\"feedback\",\"messageId\":\"m3\",\"userId\":\"c-42\",\"timestamp\":\"2026-03-02T09:00:00Z\",\"survey\":\"nps\",\"score\":9}");

  @Test
  void open_h2File_persistsAcrossRunsWithIdentityGraph(@TempDir Path dir) {
    Optional<String> db = Optional.of("jdbc:h2:" + dir.resolve("cxs").toAbsolutePath());
    try (Engines.Engine engine = Engines.open(db)) {
      IngestReport r = engine.cxs().ingestJsonLines(new StringReader(EVENTS));
      assertThat(r.accepted()).isEqualTo(3);
      assertThat(engine.description()).startsWith("jdbc:h2:");
    }
    try (Engines.Engine engine = Engines.open(db)) {
      assertThat(engine.cxs().ingestJsonLines(new StringReader(EVENTS)).duplicates())
          .isGreaterThanOrEqualTo(2);
      assertThat(engine.cxs().customerOf(Identity.anonymousId("a-9")))
          .contains(CustomerId.of("c-42"));
      CustomerView ann = engine.cxs().customer(CustomerId.of("c-42")).orElseThrow();
      assertThat(ann.touchpoints()).hasSize(1);
      assertThat(ann.feedback()).hasSize(1);
      assertThat(ann.customer().trait("email")).contains("ann@example.com");
      engine.cxs().customer(CustomerId.of("c-42"));
      assertThat(engine.cacheStatistics().hitCount()).isPositive();
    }
  }

  @Test
  void open_withoutDb_isInMemory() {
    try (Engines.Engine engine = Engines.open(Optional.empty())) {
      assertThat(engine.description()).isEqualTo("memory");
      assertThat(engine.cxs().ingestJsonLines(new StringReader(EVENTS)).accepted()).isEqualTo(3);
    }
  }

  @Test
  void open_unsupportedUrl_isAUsageErrorWithoutPassword() {
    assertThatThrownBy(() -> Engines.open(Optional.of("jdbc:mysql://h/db?password=secret")))
        .isInstanceOf(UsageException.class)
        .hasMessage("option --db must be a jdbc:h2: or jdbc:postgresql: URL but was"
            + " 'jdbc:mysql://h/db?password=***'");
  }
}
