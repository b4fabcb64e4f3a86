package io.cxs.metrics.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

final class SentimentPropertiesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LexiconSentimentAnalyzer ANALYZER = LexiconSentimentAnalyzer.ofDefaults();

  /** Text made of lexicon, rule and filler words with punctuation, so that rules fire. */
  @Provide
  Arbitrary<String> comments() {
    Arbitrary<String> word = Arbitraries.of("good", "terrible", "late", "fast", "not", "never",
        "didn't", "very", "extremely", "slightly", "but", "however", "delivery", "the", "was",
        "LOVE", "Rude", ",", ".", "!", "?", " ", "’", "'", "—");
    return word.list().ofMaxSize(40).map(ws -> String.join(" ", ws));
  }

  @Property
  void analyze_anyString_scoresInRangeWithAConsistentLabel(@ForAll String text) {
    check(text);
  }

  @Property
  void analyze_opinionatedText_scoresInRangeWithAConsistentLabel(
      @ForAll("comments") String text) {
    check(text);
    assertThat(ANALYZER.analyze(text.toUpperCase(java.util.Locale.ROOT)))
        .isEqualTo(ANALYZER.analyze(text));
  }

  private static void check(String text) {
    Sentiment s = ANALYZER.analyze(text);
    assertThat(s.score()).isBetween(-1.0, 1.0);
    assertThat(s.label()).isEqualTo(s.score() <= Sentiment.DEFAULT_NEGATIVE_AT_MOST
        ? Sentiment.Label.NEGATIVE
        : s.score() >= Sentiment.DEFAULT_POSITIVE_AT_LEAST
            ? Sentiment.Label.POSITIVE : Sentiment.Label.NEUTRAL);
    assertThat(ANALYZER.analyze(text)).isEqualTo(s);
  }

  @Provide
  Arbitrary<List<Double>> scores() {
    return Arbitraries.doubles().between(-1, 1).list().ofMaxSize(50);
  }

  private static SentimentAggregate aggregate(List<Double> scores) {
    SentimentAggregate a = SentimentAggregate.empty();
    for (double s : scores) {
      a = a.add(Sentiment.of(s));
    }
    return a;
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  @Property
  void merge_ofParts_equalsTheWhole(@ForAll("scores") List<Double> a,
      @ForAll("scores") List<Double> b, @ForAll("scores") List<Double> c) {
    assertThat(aggregate(a).merge(aggregate(b))).isEqualTo(aggregate(concat(a, b)));
    assertThat(aggregate(a).merge(aggregate(b)).result())
        .isEqualTo(aggregate(concat(a, b)).result());
    assertThat(aggregate(a).merge(aggregate(b)).merge(aggregate(c)))
        .isEqualTo(aggregate(a).merge(aggregate(b).merge(aggregate(c))));
    assertThat(aggregate(a).merge(aggregate(b))).isEqualTo(aggregate(b).merge(aggregate(a)));
    assertThat(aggregate(a).merge(SentimentAggregate.empty())).isEqualTo(aggregate(a));
    assertThat(SentimentAggregate.empty().merge(aggregate(a))).isEqualTo(aggregate(a));
  }

  @Property
  void result_isInRange(@ForAll("scores") List<Double> a) {
    SentimentResult r = aggregate(a).result();
    assertThat(r.comments()).isEqualTo(a.size());
    assertThat(r.mean()).isBetween(r.ci95().lower(), r.ci95().upper());
    assertThat(r.ci95().lower()).isGreaterThanOrEqualTo(-1.0);
    assertThat(r.ci95().upper()).isLessThanOrEqualTo(1.0);
    assertThat(r.netScore()).isBetween(-100.0, 100.0);
    double exact = a.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    assertThat(Math.abs(r.mean() - exact)).isLessThanOrEqualTo(SentimentAggregate.RESOLUTION);
  }

  @Property(tries = 200)
  void result_roundTripsThroughJson(@ForAll("scores") List<Double> a) throws Exception {
    SentimentResult r = aggregate(a).result();
    assertThat(JSON.readValue(JSON.writeValueAsString(r), SentimentResult.class)).isEqualTo(r);
    SentimentAggregate g = aggregate(a);
    assertThat(JSON.readValue(JSON.writeValueAsString(g), SentimentAggregate.class)).isEqualTo(g);
  }
}
