package io.cxs.metrics.sentiment;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The default {@link SentimentAnalyzer}: a rule-based scorer over a small English lexicon of
 * customer-experience words (about 260 words such as <i>fast</i>, <i>helpful</i>, <i>refund</i>,
 * <i>late</i>, <i>rude</i>, <i>broken</i>), written for cxs, with rules for negation,
 * intensifiers and contrast in the manner of VADER (Hutto &amp; Gilbert 2014, "VADER: A
 * Parsimonious Rule-based Model for Sentiment Analysis of Social Media Text").
 *
 * <pre>{@code
 * SentimentAnalyzer analyzer = LexiconSentimentAnalyzer.builder()
 *     .wordScores(Map.of("sluggish", -0.5, "refund", 0.0))
 *     .build();
 * analyzer.analyze("Support was not helpful");  // NEGATIVE
 * }</pre>
 *
 * <h2>Scoring</h2>
 * <ol>
 *   <li><b>Tokens.</b> The text is lower-cased ({@link Locale#ROOT}); a token is a run of letters
 *       and digits, with apostrophes inside a word kept ({@code didn't}, also typed {@code didn’t}
 *       or {@code didnt}). {@code . ! ?} and line breaks end a <i>sentence</i>;
 *       {@code , ; :}, dashes ({@code – —}), sentence ends and contrast words end a
 *       <i>clause</i>. Everything else separates tokens.
 *   <li><b>Opinion words.</b> Each token found in the lexicon is an opinion word {@code i} with a
 *       valence {@code v_i} in [-1, 1]; other tokens count only as the modifiers below.
 *   <li><b>Intensity</b> {@code k_i = min(2, max(0, 1 + Σ b))}, summing the boosts {@code b} of
 *       the intensifiers and downtoners directly before word {@code i} (negators may stand
 *       between): {@code very} +0.3, {@code extremely} +0.5, {@code slightly} −0.5, and so on.
 *   <li><b>Negation</b> {@code n_i = −0.75} if an odd number of negators ({@code not, no, never,
 *       without, hardly}, any word ending in {@code n't} …) precede word {@code i} in its
 *       clause, else 1: "not good" is moderately negative, "not bad" moderately positive.
 *   <li><b>Contrast</b> {@code c_i = 0.5} for a word before the last {@code but}/{@code however}
 *       of its sentence, {@code 1.5} for one after it, and 1 in sentences without one: "great
 *       product but late delivery" leans negative.
 *   <li><b>Score.</b> {@code S = Σ c_i · k_i · n_i · v_i}, normalised to
 *       {@code score = S / √(S² + 1)} in (−1, 1) (VADER's normalisation of its compound score,
 *       for valences in [-1, 1]). One clear opinion word scores about ±0.5, a few in a row
 *       approach ±1. Text without opinion words (including the empty string) scores 0.
 *   <li><b>Label.</b> {@code score ≤ negativeAtMost} is negative, {@code score ≥
 *       positiveAtLeast} positive, anything between neutral; the defaults are
 *       {@value Sentiment#DEFAULT_NEGATIVE_AT_MOST} and
 *       {@value Sentiment#DEFAULT_POSITIVE_AT_LEAST} (VADER's convention).
 * </ol>
 * Sarcasm, emoji, multi-word expressions and languages other than English are not recognised.
 *
 * <p>Immutable, deterministic and thread-safe; it never logs the text.
 *
 * @since 0.1
 */
public final class LexiconSentimentAnalyzer implements SentimentAnalyzer {
  /** The negation factor {@code n} applied to a negated opinion word. */
  public static final double NEGATION_FACTOR = -0.75;
  /** The contrast weight of opinion words before the last contrast word of their sentence. */
  public static final double BEFORE_CONTRAST_WEIGHT = 0.5;
  /** The contrast weight of opinion words after the last contrast word of their sentence. */
  public static final double AFTER_CONTRAST_WEIGHT = 1.5;
  /** The largest intensity {@code k}. */
  public static final double MAX_INTENSITY = 2.0;

  private static final LexiconSentimentAnalyzer DEFAULTS =
      new LexiconSentimentAnalyzer(Lexicon.defaults(), Sentiment.DEFAULT_NEGATIVE_AT_MOST,
          Sentiment.DEFAULT_POSITIVE_AT_LEAST);

  private final Map<String, Double> words;
  private final double negativeAtMost;
  private final double positiveAtLeast;

  private LexiconSentimentAnalyzer(Map<String, Double> words, double negativeAtMost,
      double positiveAtLeast) {
    this.words = words;
    this.negativeAtMost = negativeAtMost;
    this.positiveAtLeast = positiveAtLeast;
  }

  /** @return the analyzer with the built-in lexicon and the default thresholds */
  public static LexiconSentimentAnalyzer ofDefaults() {
    return DEFAULTS;
  }

  /** @return a builder, starting from the built-in lexicon and the default thresholds */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the lexicon: each opinion word (lower case) and its valence in [-1, 1] */
  public Map<String, Double> wordScores() {
    return words;
  }

  /** @return the negative threshold, in [-1, 0) */
  public double negativeAtMost() {
    return negativeAtMost;
  }

  /** @return the positive threshold, in (0, 1] */
  public double positiveAtLeast() {
    return positiveAtLeast;
  }

  /**
   * Scores a text as the class documentation describes.
   *
   * @param text the text, possibly empty
   * @return its sentiment; {@link Sentiment#neutral()} for text without opinion words
   * @throws NullPointerException if {@code text} is null
   */
  @Override
  public Sentiment analyze(String text) {
    Objects.requireNonNull(text, "text");
    double s = sum(text);
    if (s == 0) {
      return Sentiment.neutral();
    }
    // S / √(S² + 1), written so that a huge S gives ±1 instead of overflowing to NaN
    double score = Math.copySign(1 / Math.sqrt(1 + 1 / (s * s)), s);
    return Sentiment.of(Math.max(-1, Math.min(1, score)), negativeAtMost, positiveAtLeast);
  }

  /** @return {@code S}, the weighted sum of the text's opinion words */
  double sum(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    int len = t.length();
    double total = 0;
    // per sentence: opinion before the last contrast word, and since it
    double before = 0;
    double after = 0;
    boolean contrasted = false;
    // per clause
    int negations = 0;
    // per run of modifiers
    double boost = 0;
    StringBuilder token = new StringBuilder();
    int i = 0;
    while (i <= len) {
      int cp = i < len ? t.codePointAt(i) : '\n';
      int width = Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        token.appendCodePoint(cp);
        i += width;
        continue;
      }
      if ((cp == '\'' || cp == '\u2019') && token.length() > 0 && i + 1 < len
          && Character.isLetter(t.codePointAt(i + 1))) {
        token.append('\'');
        i += width;
        continue;
      }
      if (token.length() > 0) {
        String w = token.toString();
        token.setLength(0);
        String bare = w.indexOf('\'') < 0 ? w : w.replace("'", "");
        if (Lexicon.CONTRASTS.contains(w)) {
          before += after;
          after = 0;
          contrasted = true;
          negations = 0;
          boost = 0;
        } else if (Lexicon.NEGATORS.contains(bare) || w.endsWith("n't")) {
          negations++;
        } else if (Lexicon.MODIFIERS.containsKey(w)) {
          boost += Lexicon.MODIFIERS.get(w);
        } else {
          Double v = words.get(w);
          if (v != null) {
            double k = Math.min(MAX_INTENSITY, Math.max(0, 1 + boost));
            double n = (negations & 1) == 1 ? NEGATION_FACTOR : 1;
            after += k * n * v;
          }
          boost = 0;
        }
      }
      if (cp == '.' || cp == '!' || cp == '?' || cp == '\n' || cp == '\r') {
        total += contrasted
            ? BEFORE_CONTRAST_WEIGHT * before + AFTER_CONTRAST_WEIGHT * after : after;
        before = 0;
        after = 0;
        contrasted = false;
        negations = 0;
        boost = 0;
      } else if (cp == ',' || cp == ';' || cp == ':' || cp == '\u2013' || cp == '\u2014') {
        negations = 0;
        boost = 0;
      }
      i += width;
    }
    return total;
  }

  @Override
  public String toString() {
    return "LexiconSentimentAnalyzer[" + words.size() + " words, negativeAtMost="
        + negativeAtMost + ", positiveAtLeast=" + positiveAtLeast + "]";
  }

  /**
   * Configures a {@link LexiconSentimentAnalyzer}. Each option may be set once.
   *
   * @since 0.1
   */
  public static final class Builder {
    private Map<String, Double> wordScores;
    private double negativeAtMost = Sentiment.DEFAULT_NEGATIVE_AT_MOST;
    private double positiveAtLeast = Sentiment.DEFAULT_POSITIVE_AT_LEAST;
    private boolean thresholdsSet;

    private Builder() {}

    /**
     * Adds words to the built-in lexicon or changes their valence; a valence of 0 silences a
     * built-in word (such as {@code refund} in a refunds queue).
     *
     * @param scores each word (one lower-case token of letters, digits and inner apostrophes)
     *     and its valence in [-1, 1]
     * @return this builder
     * @throws IllegalStateException if the word scores were already set
     * @throws IllegalArgumentException if a word is not one lower-case token, is a negator,
     *     intensifier or contrast word, or a valence is outside [-1, 1]
     */
    public Builder wordScores(Map<String, Double> scores) {
      Objects.requireNonNull(scores, "scores");
      checkState(wordScores == null, "wordScores was already set to %s words",
          wordScores == null ? 0 : wordScores.size());
      Map<String, Double> checked = new HashMap<>();
      scores.forEach((w, v) -> {
        Objects.requireNonNull(w, "word");
        Objects.requireNonNull(v, "score");
        checkArgument(isToken(w),
            "word must be one lower-case token of letters, digits and inner apostrophes but was"
                + " '%s'", w);
        checkArgument(!Lexicon.NEGATORS.contains(w) && !w.endsWith("n't")
            && !Lexicon.MODIFIERS.containsKey(w) && !Lexicon.CONTRASTS.contains(w),
            "word must not be a negator, intensifier or contrast word but was '%s'", w);
        checkArgument(v >= -1 && v <= 1, "score of word '%s' must be in [-1, 1] but was %s", w,
            v);
        checked.put(w, v);
      });
      wordScores = Map.copyOf(checked);
      return this;
    }

    /**
     * @param negativeAtMost scores at or below it are negative, in [-1, 0)
     * @param positiveAtLeast scores at or above it are positive, in (0, 1]
     * @return this builder
     * @throws IllegalStateException if the thresholds were already set
     * @throws IllegalArgumentException if a threshold is out of range
     */
    public Builder thresholds(double negativeAtMost, double positiveAtLeast) {
      checkState(!thresholdsSet, "thresholds were already set to [%s, %s]", this.negativeAtMost,
          this.positiveAtLeast);
      Sentiment.checkThresholds(negativeAtMost, positiveAtLeast);
      this.negativeAtMost = negativeAtMost;
      this.positiveAtLeast = positiveAtLeast;
      thresholdsSet = true;
      return this;
    }

    /** @return the analyzer */
    public LexiconSentimentAnalyzer build() {
      Map<String, Double> words = Lexicon.defaults();
      if (wordScores != null) {
        Map<String, Double> merged = new HashMap<>(words);
        merged.putAll(wordScores);
        words = Map.copyOf(merged);
      }
      return new LexiconSentimentAnalyzer(words, negativeAtMost, positiveAtLeast);
    }

    private static boolean isToken(String w) {
      if (w.isEmpty() || !w.equals(w.toLowerCase(Locale.ROOT))
          || !Character.isLetterOrDigit(w.codePointAt(0))
          || !Character.isLetterOrDigit(w.codePointBefore(w.length()))) {
        return false;
      }
      return w.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '\'');
    }
  }
}
