package io.cxs.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxs.core.StorageException;
import io.cxs.core.customer.Customer;
import io.cxs.core.customer.CustomerId;
import io.cxs.core.customer.Identity;
import io.cxs.core.feedback.Feedback;
import io.cxs.core.feedback.Scale;
import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.Touchpoint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

final class FaultyStoresTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Identity ANN = Identity.userId("ann");

  private final CustomerStore customers = CustomerStore.inMemory();
  private final TouchpointStore touchpoints = TouchpointStore.inMemory();
  private final FeedbackStore feedback = FeedbackStore.inMemory();

  private static Touchpoint tp(String id) {
    return Touchpoint.of(id, ANN, Channel.WEB, "A", T0);
  }

  @Test
  void failingWrite_beforeTheWrite_writesNothingAndCountsWritesOverAllStores() {
    FaultyStores faults = FaultyStores.failingWrite(3, FaultyStores.Mode.BEFORE_WRITE);
    TouchpointStore t = faults.touchpoints(touchpoints);
    FeedbackStore f = faults.feedback(feedback);
    CustomerStore c = faults.customers(customers);

    assertThat(t.add(tp("e1"))).isTrue();
    c.put(Customer.of(CustomerId.of("ann"), ANN, T0));
    assertThat(t.contains("e1")).isTrue(); // reads are not counted
    assertThatThrownBy(() -> f.add(Feedback.survey("f1", ANN, T0, "nps", Scale.NPS, 9)))
        .isInstanceOf(StorageException.class)
        .hasMessage("FeedbackStore.add: injected fault at write 3 (FeedbackStore.add) before the"
            + " write");
    assertThat(feedback.count()).isZero();
    assertThat(faults.failed()).contains("write 3 (FeedbackStore.add) before the write");

    // only once
    assertThat(f.add(Feedback.survey("f1", ANN, T0, "nps", Scale.NPS, 9))).isTrue();
    assertThat(faults.writes()).isEqualTo(4);
  }

  @Test
  void failingWrite_afterTheWrite_writesThenThrows() {
    FaultyStores faults = FaultyStores.failingWrite(1, FaultyStores.Mode.AFTER_WRITE);
    TouchpointStore t = faults.touchpoints(touchpoints);

    assertThatThrownBy(() -> t.addAll(List.of(tp("e1"), tp("e2"))))
        .isInstanceOf(StorageException.class)
        .extracting(e -> ((StorageException) e).operation()).isEqualTo("TouchpointStore.addAll");
    assertThat(touchpoints.count()).isEqualTo(2);
    assertThat(t.add(tp("e1"))).isFalse();
  }

  @Test
  void none_countsWritesAndNeverFails() {
    FaultyStores faults = FaultyStores.none();
    CustomerStore c = faults.customers(customers);
    for (int i = 0; i < 5; i++) {
      c.put(Customer.of(CustomerId.of("c" + i), Identity.userId("c" + i), T0));
    }
    assertThat(c.delete(CustomerId.of("c0"))).isTrue();
    assertThat(c.count()).isEqualTo(4);
    assertThat(faults.writes()).isEqualTo(6);
    assertThat(faults.failed()).isEmpty();
  }

  @Test
  void failingWrite_nBelowOne_isRejected() {
    assertThatThrownBy(() -> FaultyStores.failingWrite(0, FaultyStores.Mode.AFTER_WRITE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n must be at least 1 but was 0");
  }
}
