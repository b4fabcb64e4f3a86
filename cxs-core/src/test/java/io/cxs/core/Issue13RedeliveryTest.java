package io.cxs.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxs.core.customer.Customer;
import io.cxs.core.customer.CustomerId;
import io.cxs.core.customer.Identity;
import io.cxs.core.ingest.FeedbackEvent;
import io.cxs.core.ingest.IdentifyEvent;
import io.cxs.core.ingest.IngestReport;
import io.cxs.core.ingest.TrackEvent;
import io.cxs.core.spi.CustomerStore;
import io.cxs.core.spi.TouchpointStore;
import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.Touchpoint;
import java.io.StringReader;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: a fault between the event insert and the profile write could not be repaired by
 * redelivery, because the retry was a duplicate and the profile or merge was never written.
 */
final class Issue13RedeliveryTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  /** A customer store whose writes fail while {@link #failing} is set, before writing. */
  private static final class FlakyCustomers implements CustomerStore {
    final CustomerStore delegate = CustomerStore.inMemory();
    final AtomicBoolean failing = new AtomicBoolean();
    final AtomicInteger failures = new AtomicInteger();

    private void maybeFail(String op) {
      if (failing.get()) {
        failures.incrementAndGet();
        throw new StorageException("CustomerStore." + op, "injected", new RuntimeException());
      }
    }

    @Override
    public Optional<Customer> find(CustomerId id) {
      return delegate.find(id);
    }

    @Override
    public void put(Customer customer) {
      maybeFail("put");
      delegate.put(customer);
    }

    @Override
    public void replace(Customer merged, Collection<CustomerId> removed) {
      maybeFail("replace");
      delegate.replace(merged, removed);
    }

    @Override
    public boolean delete(CustomerId id) {
      return delegate.delete(id);
    }

    @Override
    public void forEach(Consumer<? super Customer> action) {
      delegate.forEach(action);
    }

    @Override
    public long count() {
      return delegate.count();
    }
  }

  @Test
  void ingest_profileWriteFailed_redeliveryWritesTheCustomer() {
    FlakyCustomers store = new FlakyCustomers();
    Cxs cxs = Cxs.builder().customerStore(store).build();
    TrackEvent visit = TrackEvent.anonymous("m1", "a-1", "Product Viewed", T0, Channel.WEB);
    store.failing.set(true);
    assertThatThrownBy(() -> cxs.ingest(visit)).isInstanceOf(StorageException.class);
    store.failing.set(false);
    // the event is stored, but nobody resolves through a link the store never got
    assertThat(cxs.touchpoints().contains("m1")).isTrue();
    assertThat(cxs.customerOf(Identity.anonymousId("a-1"))).isEmpty();

    assertThat(cxs.ingest(visit)).isEqualTo(IngestOutcome.ACCEPTED);
    assertThat(cxs.customerOf(Identity.anonymousId("a-1"))).isPresent();
    assertThat(cxs.customers().count()).isEqualTo(1);
    // once complete, a further redelivery is a plain duplicate
    assertThat(cxs.ingest(visit)).isEqualTo(IngestOutcome.DUPLICATE);
  }

  @Test
  void ingest_mergeWriteFailed_redeliveryMergesAndTellsTheListeners() {
    FlakyCustomers store = new FlakyCustomers();
    Cxs cxs = Cxs.builder().customerStore(store).build();
    cxs.ingest(TrackEvent.anonymous("m1", "a-1", "Product Viewed", T0, Channel.WEB));
    cxs.ingest(TrackEvent.of("m2", "u-1", "Order Completed", T0.plusSeconds(60), Channel.WEB));
    TrackEvent both = new TrackEvent("m3", Optional.of("u-1"), Optional.of("a-1"), "Login",
        T0.plusSeconds(120), Channel.WEB, Optional.empty(), Map.of(), Optional.empty());
    List<Object> heard = new java.util.ArrayList<>();
    cxs.onMerge(heard::add);
    cxs.onTouchpoint(heard::add);
    store.failing.set(true);
    assertThatThrownBy(() -> cxs.ingest(both)).isInstanceOf(StorageException.class);
    store.failing.set(false);
    assertThat(cxs.customers().count()).isEqualTo(2);
    assertThat(heard).isEmpty();

    assertThat(cxs.ingest(both)).isEqualTo(IngestOutcome.ACCEPTED);
    assertThat(cxs.customers().count()).isEqualTo(1);
    assertThat(cxs.customerOf(Identity.anonymousId("a-1"))).contains(CustomerId.of("u-1"));
    assertThat(heard).hasSize(2);
  }

  @Test
  void ingest_afterACrash_aNewEngineRepairsOnRedelivery() {
    CustomerStore customers = CustomerStore.inMemory();
    TouchpointStore touchpoints = TouchpointStore.inMemory();
    // the "crash": the event reached the touchpoint store, the profile write never happened
    TrackEvent visit = TrackEvent.anonymous("m1", "a-1", "Product Viewed", T0, Channel.WEB);
    touchpoints.add(visit.toTouchpoint());
    Cxs restarted = Cxs.builder().customerStore(customers).touchpointStore(touchpoints).build();
    assertThat(restarted.ingest(visit)).isEqualTo(IngestOutcome.ACCEPTED);
    assertThat(restarted.customer(Identity.anonymousId("a-1")).orElseThrow().touchpoints())
        .extracting(Touchpoint::eventId).containsExactly("m1");
  }

  @Test
  void ingest_feedbackOfANewUser_lostAcknowledgement_isRepaired() {
    AtomicBoolean loseAck = new AtomicBoolean(true);
    Cxs[] holder = new Cxs[1];
    io.cxs.core.spi.FeedbackStore inner = io.cxs.core.spi.FeedbackStore.inMemory();
    io.cxs.core.spi.FeedbackStore lossy = new io.cxs.core.spi.FeedbackStore() {
      @Override
      public boolean add(io.cxs.core.feedback.Feedback f) {
        boolean added = inner.add(f);
        if (loseAck.getAndSet(false)) {
          throw new StorageException("FeedbackStore.add", "connection lost after commit",
              new RuntimeException());
        }
        return added;
      }

      @Override
      public int addAll(Collection<io.cxs.core.feedback.Feedback> feedback) {
        return inner.addAll(feedback);
      }

      @Override
      public boolean contains(String eventId) {
        return inner.contains(eventId);
      }

      @Override
      public Optional<io.cxs.core.feedback.Feedback> find(String eventId) {
        return inner.find(eventId);
      }

      @Override
      public List<io.cxs.core.feedback.Feedback> timeline(Identity subject) {
        return inner.timeline(subject);
      }

      @Override
      public int delete(Identity subject) {
        return inner.delete(subject);
      }

      @Override
      public long count() {
        return inner.count();
      }

      @Override
      public void scan(Consumer<? super io.cxs.core.spi.FeedbackBatch> visitor) {
        inner.scan(visitor);
      }
    };
    holder[0] = Cxs.builder().feedbackStore(lossy).build();
    FeedbackEvent answer = FeedbackEvent.survey("f1", "u-9", T0, "nps", 9);
    assertThatThrownBy(() -> holder[0].ingest(answer)).isInstanceOf(StorageException.class);
    assertThat(holder[0].customerOf(Identity.userId("u-9"))).isEmpty();
    assertThat(holder[0].ingest(answer)).isEqualTo(IngestOutcome.ACCEPTED);
    assertThat(holder[0].customer(CustomerId.of("u-9")).orElseThrow().feedback()).hasSize(1);
  }

  @Test
  void ingest_identifyWhoseWriteFailed_isNotTakenForADuplicate() {
    FlakyCustomers store = new FlakyCustomers();
    Cxs cxs = Cxs.builder().customerStore(store).build();
    IdentifyEvent id = IdentifyEvent.link("i1", "u-1", "a-1", T0, Map.of("plan", "pro"));
    store.failing.set(true);
    assertThatThrownBy(() -> cxs.ingest(id)).isInstanceOf(StorageException.class);
    store.failing.set(false);
    assertThat(cxs.ingest(id)).isEqualTo(IngestOutcome.ACCEPTED);
    assertThat(cxs.customer(CustomerId.of("u-1")).orElseThrow().customer().traits())
        .containsEntry("plan", "pro");
  }

  @Test
  void ingestJsonLines_storeFails_stopsWithTheLineAndWhatWasIngested() {
    FlakyCustomers store = new FlakyCustomers();
    Cxs cxs = Cxs.builder().customerStore(store).build();
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 5; i++) {
      lines.append("{\"type\":\"track\",\"messageId\":\"m").append(i)
          .append("\",\"userId\":\"u").append(i)
          .append("\",\"event\":\"Visit\",\"timestamp\":\"2026-03-01T10:00:00Z\"}\n");
    }
    lines.insert(0, "not json\n");
    AtomicInteger writes = new AtomicInteger();
    cxs.onTouchpoint(t -> {
      if (writes.incrementAndGet() == 3) {
        store.failing.set(true);
      }
    });
    assertThatThrownBy(() -> cxs.ingestJsonLines(new StringReader(lines.toString())))
        .isInstanceOfSatisfying(IngestFailedException.class, e -> {
          assertThat(e.line()).isEqualTo(5);
          assertThat(e.before().accepted()).isEqualTo(3);
          assertThat(e.before().rejected()).isEqualTo(1);
          assertThat(e.getMessage()).contains("line 5").contains("3 accepted");
        });
    store.failing.set(false);
    IngestReport again = cxs.ingestJsonLines(new StringReader(lines.toString()));
    assertThat(again.accepted()).isEqualTo(2);
    assertThat(again.duplicates()).isEqualTo(3);
    assertThat(cxs.customers().count()).isEqualTo(5);
  }
}
