package io.cxs.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cxs.core.Cxs;
import io.cxs.core.customer.CustomerId;
import io.cxs.core.ingest.IdentifyEvent;
import io.cxs.core.ingest.TrackEvent;
import io.cxs.core.jdbc.Dialect;
import io.cxs.core.jdbc.DriverManagerDataSource;
import io.cxs.core.jdbc.JdbcSchema;
import io.cxs.core.jdbc.JdbcStores;
import io.cxs.core.touchpoint.Channel;
import io.cxs.core.touchpoint.Money;
import io.cxs.journey.action.ActionRequest;
import io.cxs.journey.action.ActionSpec;
import io.cxs.journey.action.ContactPolicy;
import io.cxs.journey.action.EventPattern;
import io.cxs.journey.action.Orchestrator;
import io.cxs.journey.action.Rule;
import io.cxs.journey.funnel.Funnel;
import io.cxs.journey.funnel.FunnelReport;
import io.cxs.metrics.clv.BgNbdModel;
import io.cxs.metrics.clv.PeriodUnit;
import io.cxs.metrics.clv.RfmSummaries;
import io.cxs.metrics.clv.RfmSummary;
import io.cxs.metrics.clv.Transaction;
import io.cxs.metrics.kpi.Dimension;
import io.cxs.metrics.kpi.Kpi;
import io.cxs.metrics.CalendarPeriod;
import io.cxs.metrics.kpi.KpiQuery;
import io.cxs.metrics.kpi.KpiReport;
import io.cxs.metrics.kpi.NpsResult;
import io.cxs.metrics.kpi.PeriodChange;
import io.cxs.metrics.CalendarPeriod;
import io.cxs.metrics.retention.RetentionAnalysis;
import io.cxs.metrics.retention.RetentionReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's snippets, as written there (with the data they need around them). */
final class ReadmeSnippetsTest {
  private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

  private static Cxs shop() {
    Cxs cxs = Cxs.builder().build();
    cxs.ingest(TrackEvent.anonymous("m1", "a-9", "Product Viewed", T, Channel.WEB));
    cxs.ingest(TrackEvent.anonymous("m2", "a-9", "Product Added", T.plusSeconds(60), Channel.WEB));
    cxs.ingest(IdentifyEvent.link("m3", "c-42", "a-9", T.plusSeconds(90), Map.of()));
    cxs.ingest(TrackEvent.of("m4", "c-42", "Order Completed", T.plusSeconds(300), Channel.MOBILE_APP)
        .withValue(Money.of("20", "EUR")));
    cxs.ingest(TrackEvent.of("m5", "c-42", "Order Completed", T.plusSeconds(40 * 86400L),
        Channel.MOBILE_APP).withValue(Money.of("30", "EUR")));
    cxs.ingest(TrackEvent.of("m6", "c-7", "Product Viewed", T, Channel.MOBILE_APP));
    return cxs;
  }

  @Test
  void kpis() {
    Cxs cxs = shop();
    cxs.ingest(io.cxs.core.ingest.FeedbackEvent.survey("f1", "c-42", T, "nps", 10)
        .withChannel(Channel.WEB));
    cxs.ingest(io.cxs.core.ingest.FeedbackEvent.survey("f2", "c-7", T.plusSeconds(8 * 86400L),
        "nps", 3).withChannel(Channel.WEB));
    KpiQuery weekly = KpiQuery.builder().period(CalendarPeriod.WEEK).by(Dimension.channel()).build();
    KpiReport report = weekly.run(cxs);
    NpsResult nps = report.overall().nps();
    List<PeriodChange> trend = report.trend(Kpi.NPS, "web");
    assertThat(nps.score()).isEqualTo(0.0);
    assertThat(nps.responses()).isEqualTo(2);
    assertThat(trend).hasSize(1);
  }

  @Test
  void funnel() {
    Cxs cxs = shop();
    FunnelReport report = Funnel.builder()
        .step("Product Viewed").step("Product Added").step("Order Completed")
        .window(Duration.ofDays(7))
        .build().run(cxs);
    assertThat(report.steps()).extracting(s -> s.count()).containsExactly(2L, 1L, 1L);
    assertThat(report.droppedAt(1)).containsExactly(CustomerId.of("c-7"));
  }

  @Test
  void funnelWithProperties() {
    Cxs cxs = shop();
    cxs.ingest(TrackEvent.of("m7", "c-7", "Order Completed", T.plusSeconds(600), Channel.WEB)
        .withProperties(Map.of("category", "shoes")));
    cxs.ingest(TrackEvent.of("m8", "c-7", "Refund", T.plusSeconds(900), Channel.WEB)
        .withProperties(Map.of("reason", "too small")));
    FunnelReport shoes = Funnel.builder()
        .step("Product Viewed")
        .step(io.cxs.journey.funnel.FunnelStep.of("Shoes ordered",
            io.cxs.journey.funnel.EventPredicate.of("Order Completed").withProperty("category", "shoes")))
        .exclude(io.cxs.journey.funnel.EventPredicate.of("Refund").withProperty("reason", "damaged"))
        .window(Duration.ofDays(7))
        .parallelism(2)
        .build().run(cxs);
    // c-42 ordered without a category; c-7 ordered shoes (its refund is not "damaged")
    assertThat(shoes.steps()).extracting(s -> s.count()).containsExactly(2L, 1L);
  }

  @Test
  void sentiment() {
    Cxs cxs = shop();
    cxs.ingest(new io.cxs.core.ingest.FeedbackEvent("f1", java.util.Optional.of("c-42"),
        java.util.Optional.empty(), T.plusSeconds(120), io.cxs.core.feedback.FeedbackKind.SURVEY,
        "csat", io.cxs.core.feedback.Scale.CSAT, java.util.OptionalInt.of(2),
        java.util.Optional.of("Support was not helpful and delivery was sluggish"),
        java.util.Optional.empty(), Channel.WEB,
        java.util.Optional.of(io.cxs.core.touchpoint.JourneyStage.PURCHASE)));
    io.cxs.metrics.sentiment.SentimentAnalyzer analyzer =
        io.cxs.metrics.sentiment.LexiconSentimentAnalyzer.builder()
            .wordScores(Map.of("sluggish", -0.5))
            .build();
    assertThat(analyzer.analyze("Support was not helpful").label())
        .isEqualTo(io.cxs.metrics.sentiment.Sentiment.Label.NEGATIVE);
    io.cxs.journey.map.JourneyMap map = io.cxs.journey.map.JourneyMap.builder("shop")
        .stage(io.cxs.journey.map.Stage.of("purchase", "Product Added", "Order Completed"))
        .sentimentAnalyzer(analyzer)
        .build();
    io.cxs.metrics.sentiment.SentimentResult sentiment =
        map.run(cxs).stages().get(0).feedback().sentiment();
    assertThat(sentiment.comments()).isEqualTo(1);
    assertThat(sentiment.negative()).isEqualTo(1);
    assertThat(sentiment.mean()).isLessThan(0);
  }

  @Test
  void retention() {
    Cxs cxs = shop();
    RetentionReport report = RetentionAnalysis.builder(CalendarPeriod.MONTH)
        .zone(ZoneId.of("Europe/Berlin"))
        .build()
        .analyze(cxs.touchpoints(), cxs.resolver());
    assertThat(report.cohorts().get(0).period()).isEqualTo("2026-03");
    assertThat(report.cohorts().get(0).rate(1)).isEqualTo(1.0);
  }

  @Test
  void customerValue() throws Exception {
    List<Transaction> transactions = new ArrayList<>();
    Path sample = Path.of(getClass().getResource("/cdnow/CDNOW_sample.txt").toURI());
    for (String line : Files.readAllLines(sample)) {
      String[] f = line.trim().split("\\s+");
      transactions.add(new Transaction(f[1], LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE),
          Double.parseDouble(f[4])));
    }
    List<RfmSummary> customers = RfmSummaries.fromTransactions(transactions,
        LocalDate.of(1997, 9, 30), PeriodUnit.WEEKS);
    BgNbdModel model = BgNbdModel.fit(customers).model();
    assertThat(model.r()).isCloseTo(0.243, within(0.002));
    assertThat(model.probabilityAlive(customers.get(0))).isBetween(0.0, 1.0);
    assertThat(model.expectedPurchases(customers.get(0), 39)).isPositive();
  }

  @Test
  void actions() {
    Cxs cxs = shop();
    List<ActionRequest> mailer = new ArrayList<>();
    Orchestrator orchestrator = Orchestrator.builder(cxs)
        .rule(Rule.named("cart-abandonment")
            .when(EventPattern.touchpoint("Product Added"))
            .notFollowedBy(EventPattern.touchpoint("Order Completed"), Duration.ofHours(1))
            .then(ActionSpec.message("email", Channel.EMAIL, "marketing",
                Map.of("template", "cart-reminder")))
            .build())
        .handler(request -> mailer.add(request))
        .policy(ContactPolicy.custom().frequencyCap(2, Duration.ofDays(7)).build())
        .build()
        .start();
    orchestrator.close();
    assertThat(mailer).isEmpty();
  }

  @Test
  void durableStorage(@TempDir Path dir) {
    DataSource ds = DriverManagerDataSource.of("jdbc:h2:" + dir.resolve("cxs"));
    JdbcSchema.migrate(ds, Dialect.H2);
    JdbcStores stores = JdbcStores.builder(ds).tenant("acme").customerCacheSize(50_000).build();
    Cxs cxs = Cxs.builder().customerStore(stores.customers())
        .touchpointStore(stores.touchpoints()).feedbackStore(stores.feedback())
        .eraser(stores.eraser())                            // erase in one transaction
        .build();
    cxs.ingest(TrackEvent.of("m1", "c-42", "Order Completed", T, Channel.WEB));
    cxs.ingest(TrackEvent.of("m2", "c-7", "Order Completed", T, Channel.WEB));
    Cxs again = Cxs.builder().customerStore(stores.customers())
        .touchpointStore(stores.touchpoints()).feedbackStore(stores.feedback()).build();
    assertThat(again.customer(CustomerId.of("c-42")).orElseThrow().touchpoints()).hasSize(1);
    assertThat(cxs.erase(CustomerId.of("c-42"))).isTrue();
    assertThat(stores.touchpoints().find("m1")).isEmpty();
    assertThat(stores.customers().find(CustomerId.of("c-42"))).isEmpty();
    assertThat(stores.touchpoints().find("m2")).isPresent();
  }
}
