package io.cxs.metrics.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cxs.metrics.sentiment.Sentiment.Label;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class LexiconSentimentAnalyzerTest {
  private final LexiconSentimentAnalyzer analyzer = LexiconSentimentAnalyzer.ofDefaults();

  private double score(String text) {
    return analyzer.analyze(text).score();
  }

  private Label label(String text) {
    return analyzer.analyze(text).label();
  }

  /** The documented normalisation {@code S / √(S² + 1)}. */
  private static double normalised(double s) {
    return s / Math.sqrt(s * s + 1);
  }

  @Test
  void analyze_positiveSentences_arePositive() {
    assertThat(label("Fast delivery, friendly staff.")).isEqualTo(Label.POSITIVE);
    assertThat(label("I love this shop")).isEqualTo(Label.POSITIVE);
    assertThat(label("The agent was helpful and resolved it quickly")).isEqualTo(Label.POSITIVE);
  }

  @Test
  void analyze_negativeSentences_areNegative() {
    assertThat(label("Terrible service, the courier was rude")).isEqualTo(Label.NEGATIVE);
    assertThat(label("Package arrived late and broken")).isEqualTo(Label.NEGATIVE);
    assertThat(label("Still waiting for my refund")).isEqualTo(Label.NEGATIVE);
  }

  @Test
  void analyze_singleWord_followsTheDocumentedFormula() {
    assertThat(score("good")).isCloseTo(normalised(0.6), within(1e-12));
    assertThat(score("terrible")).isCloseTo(normalised(-0.9), within(1e-12));
    assertThat(score("good good")).isCloseTo(normalised(1.2), within(1e-12));
  }

  @Test
  void analyze_negation_flipsAndDampens() {
    assertThat(score("not good")).isCloseTo(normalised(-0.75 * 0.6), within(1e-12));
    assertThat(label("Support was never helpful")).isEqualTo(Label.NEGATIVE);
    assertThat(label("The app didn't work")).isEqualTo(Label.NEGATIVE);
    assertThat(label("The app didn’t work")).isEqualTo(Label.NEGATIVE);
    assertThat(label("the app didnt work")).isEqualTo(Label.NEGATIVE);
    assertThat(label("Not bad at all")).isEqualTo(Label.POSITIVE);
    assertThat(label("No problems with the delivery")).isEqualTo(Label.POSITIVE);
    assertThat(Math.abs(score("not good"))).isLessThan(score("good"));
  }

  @Test
  void analyze_negation_endsWithTheClause() {
    assertThat(label("Not what I ordered, but the support was great")).isEqualTo(Label.POSITIVE);
    assertThat(score("no, good")).isCloseTo(score("good"), within(1e-12));
    assertThat(score("not not good")).isCloseTo(score("good"), within(1e-12));
  }

  @Test
  void analyze_intensifiers_strengthenAndDowntonersWeaken() {
    assertThat(score("very good")).isCloseTo(normalised(1.3 * 0.6), within(1e-12));
    assertThat(score("extremely good")).isGreaterThan(score("very good"));
    assertThat(score("very good")).isGreaterThan(score("good"));
    assertThat(score("slightly late")).isGreaterThan(score("late")).isNegative();
    assertThat(score("extremely rude")).isLessThan(score("rude"));
    assertThat(score("not very good")).isCloseTo(normalised(-0.75 * 1.3 * 0.6), within(1e-12));
    assertThat(score("very the good")).isCloseTo(score("good"), within(1e-12));
  }

  @Test
  void analyze_contrast_weighsTheClauseAfterButMore() {
    assertThat(score("great product but late delivery"))
        .isCloseTo(normalised(0.5 * 0.8 + 1.5 * -0.5), within(1e-12));
    assertThat(label("The product is great but the delivery was terrible"))
        .isEqualTo(Label.NEGATIVE);
    assertThat(label("Delivery was late, but the support was very helpful"))
        .isEqualTo(Label.POSITIVE);
    assertThat(score("late. But great")).isCloseTo(normalised(-0.5 + 1.5 * 0.8), within(1e-12));
  }

  @Test
  void analyze_caseAndPunctuation_doNotMatter() {
    assertThat(score("TERRIBLE!!! Rude, RUDE staff...")).isEqualTo(score("terrible rude rude staff"));
    assertThat(score("\"Helpful\" (very)")).isCloseTo(score("helpful"), within(1e-12));
    assertThat(score("NOT happy")).isEqualTo(score("not happy"));
    assertThat(label("ABSOLUTELY FANTASTIC")).isEqualTo(Label.POSITIVE);
  }

  @Test
  void analyze_emptyOrNoOpinion_isNeutralZero() {
    for (String text : new String[] {"", "   ", "...!?", "I ordered a blue jumper on Tuesday",
        "12345", "not very"}) {
      assertThat(analyzer.analyze(text)).as(text).isEqualTo(Sentiment.neutral());
    }
  }

  @Test
  void analyze_manyOpinions_approachButStayWithinOne() {
    String text = "great ".repeat(10_000);
    assertThat(score(text)).isGreaterThan(0.999).isLessThanOrEqualTo(1.0);
    assertThat(score("awful ".repeat(10_000))).isLessThan(-0.999).isGreaterThanOrEqualTo(-1.0);
  }

  @Test
  void builder_wordScores_addAndSilenceWords() {
    LexiconSentimentAnalyzer custom = LexiconSentimentAnalyzer.builder()
        .wordScores(Map.of("sluggish", -0.5, "refund", 0.0))
        .build();
    assertThat(custom.analyze("sluggish").label()).isEqualTo(Label.NEGATIVE);
    assertThat(custom.analyze("refund").label()).isEqualTo(Label.NEUTRAL);
    assertThat(analyzer.analyze("refund").label()).isEqualTo(Label.NEGATIVE);
    assertThat(analyzer.analyze("sluggish")).isEqualTo(Sentiment.neutral());
    assertThat(custom.wordScores()).containsEntry("sluggish", -0.5).containsEntry("good", 0.6);
  }

  @Test
  void builder_thresholds_changeTheLabels() {
    LexiconSentimentAnalyzer strict = LexiconSentimentAnalyzer.builder()
        .thresholds(-0.6, 0.6)
        .build();
    assertThat(strict.analyze("good").label()).isEqualTo(Label.NEUTRAL);
    assertThat(strict.analyze("very very good").label()).isEqualTo(Label.POSITIVE);
    assertThat(strict.analyze("good").score()).isEqualTo(score("good"));
  }

  @Test
  void builder_badWords_nameTheWordAndValue() {
    assertThatThrownBy(() -> LexiconSentimentAnalyzer.builder().wordScores(Map.of("Good", 0.5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("word must be one lower-case token").hasMessageContaining("'Good'");
    assertThatThrownBy(() -> LexiconSentimentAnalyzer.builder().wordScores(Map.of("so so", 0.1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'so so'");
    assertThatThrownBy(() -> LexiconSentimentAnalyzer.builder().wordScores(Map.of("very", 0.1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("word must not be a negator, intensifier or contrast word but was 'very'");
    assertThatThrownBy(() -> LexiconSentimentAnalyzer.builder().wordScores(Map.of("meh", 1.5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("score of word 'meh' must be in [-1, 1] but was 1.5");
  }

  @Test
  void builder_optionsSetTwice_areRejected() {
    LexiconSentimentAnalyzer.Builder b = LexiconSentimentAnalyzer.builder()
        .thresholds(-0.1, 0.1)
        .wordScores(Map.of("meh", -0.1));
    assertThatThrownBy(() -> b.thresholds(-0.2, 0.2)).isInstanceOf(IllegalStateException.class)
        .hasMessage("thresholds were already set to [-0.1, 0.1]");
    assertThatThrownBy(() -> b.wordScores(Map.of())).isInstanceOf(IllegalStateException.class)
        .hasMessage("wordScores was already set to 1 words");
  }

  @Test
  void builder_badThresholds_nameTheValue() {
    assertThatThrownBy(() -> LexiconSentimentAnalyzer.builder().thresholds(0.1, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("negativeAtMost must be in [-1, 0) but was 0.1");
    assertThatThrownBy(() -> LexiconSentimentAnalyzer.builder().thresholds(-0.1, 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("positiveAtLeast must be in (0, 1] but was 1.5");
  }

  @Test
  void lexicon_defaults_doNotOverlapTheRuleWords() {
    Map<String, Double> words = Lexicon.defaults();
    assertThat(words).hasSizeGreaterThan(200);
    assertThat(words.keySet()).doesNotContainAnyElementsOf(Lexicon.NEGATORS)
        .doesNotContainAnyElementsOf(Lexicon.CONTRASTS)
        .doesNotContainAnyElementsOf(Lexicon.MODIFIERS.keySet());
    assertThat(words.values()).allSatisfy(v -> assertThat(v).isBetween(-1.0, 1.0));
  }

  @Test
  void sentiment_invalid_isRejectedWithTheValue() {
    assertThatThrownBy(() -> new Sentiment(1.5, Label.POSITIVE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("score must be in [-1, 1] but was 1.5");
    assertThatThrownBy(() -> new Sentiment(0.2, Label.NEGATIVE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("score must be negative for label NEGATIVE but was 0.2");
    assertThat(Sentiment.of(0.05).label()).isEqualTo(Label.POSITIVE);
    assertThat(Sentiment.of(0.0499).label()).isEqualTo(Label.NEUTRAL);
    assertThat(Sentiment.of(-0.05).label()).isEqualTo(Label.NEGATIVE);
  }
}
