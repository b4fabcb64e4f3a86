package io.cxs.metrics.rfm;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Named customer segments from R, F and M scores (1–5, 5 best). The rules are tried in this order
 * and the first that matches wins, so every score triple has exactly one segment:
 *
 * <table>
 *   <caption>Segment rules</caption>
 *   <tr><th>segment</th><th>rule</th></tr>
 *   <tr><td>{@link #CHAMPIONS}</td><td>R ≥ 4, F ≥ 4, M ≥ 4</td></tr>
 *   <tr><td>{@link #LOYAL}</td><td>R ≥ 3, F ≥ 4</td></tr>
 *   <tr><td>{@link #CANNOT_LOSE_THEM}</td><td>R ≤ 2, F ≥ 4, M ≥ 4</td></tr>
 *   <tr><td>{@link #AT_RISK}</td><td>R ≤ 2, F ≥ 3</td></tr>
 *   <tr><td>{@link #NEW}</td><td>R = 5, F = 1</td></tr>
 *   <tr><td>{@link #POTENTIAL_LOYALISTS}</td><td>R ≥ 4, F ≥ 2</td></tr>
 *   <tr><td>{@link #PROMISING}</td><td>R = 4, F = 1</td></tr>
 *   <tr><td>{@link #NEED_ATTENTION}</td><td>R = 3</td></tr>
 *   <tr><td>{@link #HIBERNATING}</td><td>R = 2</td></tr>
 *   <tr><td>{@link #LOST}</td><td>R = 1</td></tr>
 * </table>
 *
 * @since 0.1
 */
public enum RfmSegment {
  /** Bought recently, often, and spent the most. */
  CHAMPIONS,
  /** Buy often and still recently. */
  LOYAL,
  /** Used to buy often and spend much, but not for a long time. */
  CANNOT_LOSE_THEM,
  /** Used to buy often, but not for a while. */
  AT_RISK,
  /** Bought once, very recently. */
  NEW,
  /** Recent, with a few purchases. */
  POTENTIAL_LOYALISTS,
  /** Recent, with one purchase. */
  PROMISING,
  /** Middling recency, few purchases. */
  NEED_ATTENTION,
  /** Not recent, few purchases. */
  HIBERNATING,
  /** The least recent, few purchases. */
  LOST;

  /**
   * @param r the recency score, 1–5
   * @param f the frequency score, 1–5
   * @param m the monetary score, 1–5
   * @return the segment of the first rule in the table above that matches
   * @throws IllegalArgumentException if a score is outside 1–5
   */
  public static RfmSegment of(int r, int f, int m) {
    checkScore("r", r);
    checkScore("f", f);
    checkScore("m", m);
    if (r >= 4 && f >= 4 && m >= 4) {
      return CHAMPIONS;
    } else if (r >= 3 && f >= 4) {
      return LOYAL;
    } else if (r <= 2 && f >= 4 && m >= 4) {
      return CANNOT_LOSE_THEM;
    } else if (r <= 2 && f >= 3) {
      return AT_RISK;
    } else if (r == 5 && f == 1) {
      return NEW;
    } else if (r >= 4 && f >= 2) {
      return POTENTIAL_LOYALISTS;
    } else if (r == 4) {
      return PROMISING;
    } else if (r == 3) {
      return NEED_ATTENTION;
    } else if (r == 2) {
      return HIBERNATING;
    }
    return LOST;
  }

  static void checkScore(String name, int score) {
    checkArgument(score >= 1 && score <= 5, "%s score must be in [1, 5] but was %s", name, score);
  }
}
