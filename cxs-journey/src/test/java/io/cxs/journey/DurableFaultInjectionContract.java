package io.cxs.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxs.core.Cxs;
import io.cxs.core.IngestOutcome;
import io.cxs.core.ingest.IdentifyEvent;
import io.cxs.core.jdbc.TestDatabases;
import io.cxs.core.spi.FaultyStores;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The crash (#13): the engine is abandoned at the failed write, as when the process dies there,
 * and a new engine over the same durable data (stores opened anew, with empty caches) gets the
 * redelivery of the whole stream. Its answers must be a clean run's: every event before the
 * fault was ingested, the failed one either took effect or not, and the redelivery brings the
 * rest.
 */
abstract class DurableFaultInjectionContract extends FaultInjectionContract {

  @Test
  @DisplayName("a new engine over a clean run's stores gives the clean answers, before and after a redelivery")
  void restart_afterCleanRun_sameAnswers() {
    String tenant = TestDatabases.uniqueTenant();
    Cxs first = open(tenant).engine();
    STREAM.forEach(first::ingest);

    Cxs second = open(tenant).engine();
    SameAnswers.assertSame("a restarted engine's answers", Snapshot.of(second), clean());
    STREAM.forEach(second::ingest);
    SameAnswers.assertSame("a restarted engine's answers after a redelivery",
        Snapshot.of(second), clean());
  }

  @Test
  @DisplayName("after a restart, an identify redelivered with other content under its message id is still a duplicate, as it is without one")
  void restart_identifyRedeliveredWithOtherContent_isStillADuplicate() {
    String tenant = TestDatabases.uniqueTenant();
    Cxs first = open(tenant).engine();
    STREAM.forEach(first::ingest);
    IdentifyEvent original = (IdentifyEvent) STREAM.get(1);
    Map<String, Object> traits = new HashMap<>(original.traits());
    traits.put("vip", true);
    IdentifyEvent altered = new IdentifyEvent(original.messageId(), original.userId(),
        original.anonymousId(), original.timestamp(), traits, original.consents());
    assertThat(first.ingest(altered)).isEqualTo(IngestOutcome.DUPLICATE);

    Cxs second = open(tenant).engine();
    assertThat(second.ingest(altered)).isEqualTo(IngestOutcome.DUPLICATE);
    SameAnswers.assertSame("a restarted engine's answers after the redelivery",
        Snapshot.of(second), clean());
  }

  @TestFactory
  @DisplayName("a new engine over the same stores, after a crash at any one failed write and a redelivery of the stream, gives a clean run's answers")
  Stream<DynamicContainer> crash_oneFailedWrite_redeliveryRecovers() {
    return Stream.of(FaultyStores.Mode.values()).map(mode -> DynamicContainer.dynamicContainer(
        "a write that fails " + modeText(mode),
        IntStream.rangeClosed(1, writes()).mapToObj(n ->
            DynamicTest.dynamicTest("write " + n + " fails " + modeText(mode), () -> {
              String tenant = TestDatabases.uniqueTenant();
              FaultyStores faults = FaultyStores.failingWrite(n, mode);
              Cxs crashing = faulty(open(tenant), faults).engine();
              int k = ingestThroughFault(crashing, faults, true);

              Cxs restarted = open(tenant).engine();
              STREAM.forEach(restarted::ingest);
              assertRecovered(Snapshot.of(restarted), faults, k, true);
            }))));
  }
}
