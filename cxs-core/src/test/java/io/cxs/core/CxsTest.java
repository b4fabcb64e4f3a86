package io.cxs.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxs.core.customer.Consent;
import io.cxs.core.customer.ConsentStatus;
import io.cxs.core.customer.Customer;
import io.cxs.core.customer.CustomerId;
import io.cxs.core.customer.CustomerView;
import io.cxs.core.customer.Identity;
import io.cxs.core.customer.MergeRecord;
import io.cxs.core.feedback.Feedback;
import io.cxs.core.ingest.FeedbackEvent;
import io.cxs.core.ingest.IdentifyEvent;
import io.cxs.core.ingest.IngestReport;
import io.cxs.core.ingest.TrackEvent;
import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.Touchpoint;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class CxsTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private final Cxs cxs = Cxs.builder().build();

  private static Instant at(long minutes) {
    return T0.plusSeconds(60 * minutes);
  }

  @Test
  void ingest_anonymousThenIdentified_isOneCustomerWithOneTimeline() {
    cxs.ingest(TrackEvent.anonymous("m1", "a-9", "Product Viewed", at(0), Channel.WEB));
    assertThat(cxs.customerOf(Identity.anonymousId("a-9")))
        .contains(CustomerId.of("anonymous_id:a-9"));
    cxs.ingest(IdentifyEvent.link("m2", "c-42", "a-9", at(5), Map.of("email", "ann@example.com")));
    cxs.ingest(TrackEvent.of("m3", "c-42", "Order Completed", at(10), Channel.MOBILE_APP));

    CustomerView view = cxs.customer(CustomerId.of("c-42")).orElseThrow();
    assertThat(view.touchpoints()).extracting(Touchpoint::eventId).containsExactly("m1", "m3");
    assertThat(view.customer().identities()).containsExactlyInAnyOrder(Identity.userId("c-42"),
        Identity.anonymousId("a-9"), Identity.email("ann@example.com"));
    assertThat(view.lastChannel()).contains(Channel.MOBILE_APP);
    assertThat(view.customer().createdAt()).isEqualTo(at(0));
    assertThat(cxs.customers().find(CustomerId.of("anonymous_id:a-9"))).isEmpty();
    assertThat(cxs.customerOf(Identity.anonymousId("a-9"))).contains(CustomerId.of("c-42"));
    assertThat(cxs.customer(Identity.anonymousId("a-9"))).contains(view);
  }

  @Test
  void ingest_merge_isRecordedWithWhoWhenWhy() {
    List<MergeRecord> heard = new ArrayList<>();
    cxs.onMerge(heard::add);
    cxs.ingest(TrackEvent.anonymous("m1", "a-9", "Viewed", at(0), Channel.WEB));
    cxs.ingest(IdentifyEvent.link("m2", "c-42", "a-9", at(5), Map.of()));
    List<MergeRecord> merges = cxs.customers().find(CustomerId.of("c-42")).orElseThrow().merges();
    assertThat(merges).hasSize(1);
    MergeRecord m = merges.get(0);
    assertThat(m.into()).isEqualTo(CustomerId.of("c-42"));
    assertThat(m.merged()).isEqualTo(CustomerId.of("anonymous_id:a-9"));
    assertThat(m.via()).isEqualTo(Identity.anonymousId("a-9"));
    assertThat(m.messageId()).isEqualTo("m2");
    assertThat(m.at()).isEqualTo(at(5));
    assertThat(m.reason()).contains("identify");
    assertThat(heard).containsExactly(m);
  }

  @Test
  void ingest_sharedEmail_mergesTwoCustomers() {
    cxs.ingest(IdentifyEvent.of("m1", "u-2", at(0), Map.of("email", "Ann@Example.com")));
    cxs.ingest(new IdentifyEvent("m2", Optional.empty(), Optional.of("a-1"), at(1),
        Map.of("email", "ann@example.COM "), List.of()));
    assertThat(cxs.customerOf(Identity.anonymousId("a-1"))).contains(CustomerId.of("u-2"));
    assertThat(cxs.customers().count()).isEqualTo(1);
  }

  @Test
  void ingest_twoUserIdsLinked_smallestUserIdNamesTheCustomer() {
    cxs.ingest(IdentifyEvent.of("m1", "zed", at(0), Map.of("phone", "+1 (555) 010-0000")));
    cxs.ingest(IdentifyEvent.of("m2", "abe", at(1), Map.of("phone", "+15550100000")));
    assertThat(cxs.customerOf(Identity.userId("zed"))).contains(CustomerId.of("abe"));
  }

  @Test
  void ingest_duplicateMessageId_isStoredOnce() {
    TrackEvent e = TrackEvent.of("m1", "c-1", "Viewed", at(0), Channel.WEB);
    assertThat(cxs.ingest(e)).isEqualTo(IngestOutcome.ACCEPTED);
    assertThat(cxs.ingest(e)).isEqualTo(IngestOutcome.DUPLICATE);
    FeedbackEvent f = FeedbackEvent.survey("f1", "c-1", at(1), "nps", 9);
    assertThat(cxs.ingest(f)).isEqualTo(IngestOutcome.ACCEPTED);
    assertThat(cxs.ingest(f)).isEqualTo(IngestOutcome.DUPLICATE);
    IdentifyEvent i = IdentifyEvent.of("i1", "c-1", at(2), Map.of("plan", "pro"));
    assertThat(cxs.ingest(i)).isEqualTo(IngestOutcome.ACCEPTED);
    assertThat(cxs.ingest(i)).isEqualTo(IngestOutcome.DUPLICATE);
    assertThat(cxs.touchpoints().count()).isEqualTo(1);
    assertThat(cxs.feedback().count()).isEqualTo(1);
  }

  @Test
  void ingest_olderIdentifyArrivingLate_doesNotOverwriteNewerTraits() {
    cxs.ingest(IdentifyEvent.of("m2", "c-1", at(10), Map.of("plan", "pro")));
    cxs.ingest(IdentifyEvent.of("m1", "c-1", at(5), Map.of("plan", "free", "city", "Oslo")));
    Customer c = cxs.customers().find(CustomerId.of("c-1")).orElseThrow();
    assertThat(c.traits()).isEqualTo(Map.of("plan", "pro", "city", "Oslo"));
    assertThat(c.traitTimes().get("plan")).isEqualTo(at(10));
    assertThat(c.createdAt()).isEqualTo(at(5));
    assertThat(c.updatedAt()).isEqualTo(at(10));
  }

  @Test
  void ingest_consent_newestDecisionWinsPerScope() {
    cxs.ingest(new IdentifyEvent("m1", Optional.of("c-1"), Optional.empty(), at(0), Map.of(),
        List.of(Consent.of("marketing", Channel.EMAIL, ConsentStatus.GRANTED, at(0)))));
    cxs.ingest(new IdentifyEvent("m2", Optional.of("c-1"), Optional.empty(), at(9), Map.of(),
        List.of(Consent.of("marketing", Channel.EMAIL, ConsentStatus.REVOKED, at(9)))));
    Customer c = cxs.customers().find(CustomerId.of("c-1")).orElseThrow();
    assertThat(c.consents()).hasSize(1);
    assertThat(c.allows("marketing", Channel.EMAIL)).isFalse();
    assertThat(c.allows("marketing", Channel.SMS)).isFalse();
  }

  @Test
  void erase_removesCustomerEverywhere() {
    cxs.ingest(TrackEvent.anonymous("m1", "a-9", "Viewed", at(0), Channel.WEB));
    cxs.ingest(IdentifyEvent.link("m2", "c-42", "a-9", at(1), Map.of("email", "ann@example.com")));
    cxs.ingest(FeedbackEvent.survey("m3", "c-42", at(2), "nps", 3));
    cxs.ingest(TrackEvent.of("m4", "bob", "Viewed", at(3), Channel.WEB));

    assertThat(cxs.erase(CustomerId.of("c-42"))).isTrue();
    assertThat(cxs.customer(CustomerId.of("c-42"))).isEmpty();
    assertThat(cxs.customerOf(Identity.anonymousId("a-9"))).isEmpty();
    assertThat(cxs.customerOf(Identity.email("ann@example.com"))).isEmpty();
    assertThat(cxs.touchpoints().find("m1")).isEmpty();
    assertThat(cxs.feedback().find("m3")).isEmpty();
    assertThat(cxs.touchpoints().find("m4")).isPresent();
    assertThat(cxs.erase(CustomerId.of("c-42"))).isFalse();
  }

  @Test
  void erase_tellsErasureListenersTheErasedProfile() {
    List<Customer> erased = new ArrayList<>();
    cxs.onErase(c -> {
      throw new IllegalStateException("a failing listener does not stop the others");
    });
    cxs.onErase(erased::add);
    cxs.ingest(IdentifyEvent.link("m1", "c-42", "a-9", at(0), Map.of()));
    cxs.erase(CustomerId.of("c-42"));
    cxs.erase(CustomerId.of("c-42"));
    assertThat(erased).hasSize(1);
    assertThat(erased.get(0).identities()).contains(Identity.anonymousId("a-9"));
  }

  @Test
  void listener_thatThrows_doesNotStopIngestion() {
    List<Feedback> heard = new ArrayList<>();
    cxs.onFeedback(f -> {
      throw new IllegalStateException("boom");
    });
    ListenerRegistration reg = cxs.onFeedback(heard::add);
    assertThat(cxs.ingest(FeedbackEvent.survey("f1", "c-1", at(0), "nps", 10)))
        .isEqualTo(IngestOutcome.ACCEPTED);
    reg.close();
    cxs.ingest(FeedbackEvent.survey("f2", "c-1", at(1), "nps", 10));
    assertThat(heard).extracting(Feedback::eventId).containsExactly("f1");
  }

  @Test
  void ingestJsonLines_keepsValidLinesAndReportsBadOnesByLineNumber() {
    String lines = String.join("\n",
        "{\"type\":\"identify\",\"messageId\":\"m1\",\"userId\":\"c-42\",\"anonymousId\":\"a-9\",\"timestamp\":\"2026-03-01T10:00:00Z\",\"traits\":{\"email\":\"ann@example.com\"}}",
        "{\"type\":\"track\",\"messageId\":\"m2\",\"userId\":\"c-42\",\"event\":\"Product Viewed\",\"timestamp\":\"2026-03-01T10:01:00Z\",\"context\":{\"channel\":\"web\"},\"properties\":{\"sku\":\"X1\",\"price\":19.99}}",
        "not json",
        "",
        "{\"type\":\"feedback\",\"messageId\":\"m3\",\"userId\":\"c-42\",\"timestamp\":\"2026-03-02T09:00:00Z\",\"survey\":\"nps\",\"score\":11}",
        "{\"type\":\"track\",\"messageId\":\"m2\",\"userId\":\"c-42\",\"event\":\"Product Viewed\",\"timestamp\":\"2026-03-01T10:01:00Z\"}",
        "{\"type\":\"track\",\"messageId\":\"m4\",\"userId\":\"c-42\",\"event\":\"X\",\"timestamp\":\"yesterday\"}",
        "{\"type\":\"feedback\",\"messageId\":\"m5\",\"anonymousId\":\"a-9\",\"timestamp\":\"2026-03-02T09:00:00Z\",\"survey\":\"nps\",\"score\":9,\"comment\":\"Fast\"}");
    IngestReport report = cxs.ingestJsonLines(new StringReader(lines));
    assertThat(report.accepted()).isEqualTo(3);
    assertThat(report.duplicates()).isEqualTo(1);
    assertThat(report.rejected()).isEqualTo(3);
    assertThat(report.errors()).extracting(e -> e.line() + ":" + e.field())
        .containsExactly("3:json", "5:score", "7:timestamp");
    assertThat(report.errors().get(1).message()).contains("[0, 10]").contains("11");
    assertThat(report.errors().get(2).message()).contains("'yesterday'");
    CustomerView v = cxs.customer(CustomerId.of("c-42")).orElseThrow();
    assertThat(v.touchpoints()).hasSize(1);
    assertThat(v.touchpoints().get(0).properties()).containsEntry("sku", "X1");
    assertThat(v.feedback()).extracting(Feedback::eventId).containsExactly("m5");
  }

  @Test
  void builder_optionSetTwice_isRejected() {
    Cxs.Builder b = Cxs.builder().clock(java.time.Clock.systemUTC());
    assertThatThrownBy(() -> b.clock(java.time.Clock.systemUTC()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("clock was already set");
  }

  @Test
  void build_overExistingStores_rebuildsIdentityGraph() {
    cxs.ingest(IdentifyEvent.link("m1", "c-42", "a-9", at(0), Map.of()));
    Cxs again = Cxs.builder().customerStore(cxs.customers()).touchpointStore(cxs.touchpoints())
        .feedbackStore(cxs.feedback()).build();
    assertThat(again.customerOf(Identity.anonymousId("a-9"))).contains(CustomerId.of("c-42"));
  }

  @Test
  void ingest_afterClose_isRejected() {
    cxs.close();
    assertThatThrownBy(() -> cxs.ingest(TrackEvent.of("m1", "c", "X", at(0), Channel.WEB)))
        .isInstanceOf(IllegalStateException.class).hasMessage("cxs is closed");
  }

  @Test
  void events_withoutAnyId_areRejectedNamingTheField() {
    assertThatThrownBy(() -> new TrackEvent("m1", Optional.empty(), Optional.empty(), "X", at(0),
        Channel.WEB, Optional.empty(), Map.of(), Optional.empty()))
        .isInstanceOfSatisfying(InvalidEventException.class,
            e -> assertThat(e.field()).isEqualTo("userId"))
        .hasMessageContaining("m1");
  }
}
