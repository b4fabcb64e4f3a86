package io.cxs.metrics.sentiment;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The default English word lists of {@link LexiconSentimentAnalyzer}, written for cxs and aimed
 * at customer-experience text (delivery, support, product quality, billing). Scores are in
 * [-1, 1]: ±0.9–1.0 for the strongest words, ±0.5–0.7 for clear opinions, ±0.1–0.4 for mild or
 * context-dependent ones.
 */
final class Lexicon {
  private Lexicon() {}

  /** Words that flip the opinion words after them in the same clause. */
  static final Set<String> NEGATORS = Set.of("not", "no", "never", "none", "nobody", "nothing",
      "neither", "nor", "nowhere", "without", "cannot", "hardly", "barely", "scarcely", "dont",
      "doesnt", "didnt", "isnt", "wasnt", "arent", "werent", "wont", "wouldnt", "cant", "couldnt",
      "shouldnt", "havent", "hasnt", "hadnt", "aint", "neednt");

  /** Words after which the rest of the sentence weighs more than what came before. */
  static final Set<String> CONTRASTS = Set.of("but", "however");

  /** Intensifiers (positive) and downtoners (negative): added to 1 to scale the next opinion. */
  static final Map<String, Double> MODIFIERS = Map.ofEntries(
      Map.entry("very", 0.3), Map.entry("really", 0.3), Map.entry("so", 0.3),
      Map.entry("too", 0.3), Map.entry("truly", 0.3), Map.entry("seriously", 0.3),
      Map.entry("most", 0.3), Map.entry("such", 0.2), Map.entry("especially", 0.2),
      Map.entry("particularly", 0.2), Map.entry("super", 0.4), Map.entry("highly", 0.4),
      Map.entry("totally", 0.4), Map.entry("completely", 0.4), Map.entry("remarkably", 0.4),
      Map.entry("amazingly", 0.4), Map.entry("terribly", 0.4), Map.entry("awfully", 0.4),
      Map.entry("extremely", 0.5), Map.entry("incredibly", 0.5), Map.entry("absolutely", 0.5),
      Map.entry("utterly", 0.5), Map.entry("exceptionally", 0.5), Map.entry("quite", 0.1),
      Map.entry("pretty", 0.1), Map.entry("fairly", -0.2), Map.entry("rather", -0.2),
      Map.entry("kinda", -0.3), Map.entry("somewhat", -0.4), Map.entry("bit", -0.4),
      Map.entry("little", -0.4), Map.entry("mildly", -0.4), Map.entry("slightly", -0.5),
      Map.entry("marginally", -0.5));

  private static final String[][] WORDS = {
      {"1.0", "worst"},
      {"0.9", "love loved loves loving amazing excellent outstanding fantastic perfect perfectly"
          + " wonderful brilliant superb awesome exceptional flawless delighted best"},
      {"0.8", "great impressed impressive superior phenomenal terrific marvelous marvellous"
          + " incredible thrilled ecstatic"},
      {"0.7", "happy helpful friendly smooth efficient reliable professional excited beautiful"
          + " lovely enjoyed enjoy enjoying recommended gorgeous"},
      {"0.6", "good satisfied pleased polite courteous knowledgeable responsive convenient"
          + " seamless effortless appreciate appreciated glad recommend caring attentive"
          + " thankful grateful pleasant"},
      {"0.5", "nice fast quick prompt speedy easy intuitive comfortable useful resolved solved"
          + " fun wow patient generous painless helped enjoyable better improved"},
      {"0.4", "thanks thank fixed works work worked accurate affordable worth loyal valuable"
          + " bargain secure safe welcoming"},
      {"0.3", "decent clear simple clean fresh quality working sorted handy okay"},
      {"0.2", "fine fair ok reasonable"},
      {"-0.2", "wait cold sorry"},
      {"-0.3", "refund refunds cancel cancelled canceled waiting waited hard meh excuse weak"
          + " pricey"},
      {"-0.4", "delay issue issues error errors bug bugs confused difficult complicated"
          + " expensive complain mediocre lacking lack noisy unclear unfortunately sadly"
          + " excuses"},
      {"-0.5", "late delayed delays slow slower missing lost wrong problem problems complaint"
          + " complaints confusing sad inconvenient impossible stuck inaccurate incorrect shame"
          + " stale leak leaking scratched dented torn flimsy hassle spam joke"},
      {"-0.6", "bad poor poorly badly buggy crash crashed crashes fail failed fails annoying"
          + " annoyed upset mad unfriendly careless ignored mess messy dirty overpriced avoid"
          + " cracked complained worse"},
      {"-0.7", "broken damaged defective faulty disappointed disappointing disappointment"
          + " frustrating frustrated frustration unhelpful unprofessional unreliable unhappy"
          + " ridiculous waste wasted misleading unsafe dangerous regret shocking failure"
          + " junk trash unresponsive overcharged"},
      {"-0.8", "rude useless pathetic unacceptable incompetent angry unusable worthless lied"
          + " liar dishonest outrageous insulting shameful sucks crap rubbish garbage"
          + " nightmare"},
      {"-0.9", "terrible awful horrible horrendous hate hated hates disgusting appalling"
          + " atrocious furious scam fraud"},
  };

  /** @return the default word scores */
  static Map<String, Double> defaults() {
    Map<String, Double> out = new HashMap<>();
    for (String[] group : WORDS) {
      double score = Double.parseDouble(group[0]);
      for (String w : group[1].split(" ")) {
        if (out.put(w, score) != null) {
          throw new IllegalStateException("word '" + w + "' is listed twice in the lexicon");
        }
      }
    }
    return Map.copyOf(out);
  }
}
