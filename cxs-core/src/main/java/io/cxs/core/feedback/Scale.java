package io.cxs.core.feedback;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Locale;
import java.util.Optional;

/**
 * The answer scale of a survey question: whole numbers from {@code min} to {@code max}.
 *
 * @param min the lowest answer
 * @param max the highest answer; greater than {@code min}, at most 100 above it
 * @since 0.1
 */
public record Scale(int min, int max) {
  /** Net Promoter Score: "How likely are you to recommend us?" 0 (not at all) to 10 (extremely). */
  public static final Scale NPS = new Scale(0, 10);
  /** Customer satisfaction: 1 (very dissatisfied) to 5 (very satisfied). */
  public static final Scale CSAT = new Scale(1, 5);
  /** Customer effort score, the 7-point agreement form: 1 (strongly disagree it was easy) to 7. */
  public static final Scale CES = new Scale(1, 7);
  /** Customer effort score, the 5-point form. */
  public static final Scale CES_5 = new Scale(1, 5);
  /** Star ratings of reviews: 1 to 5. */
  public static final Scale STARS = new Scale(1, 5);

  /**
   * @throws IllegalArgumentException unless {@code min < max <= min + 100} and both are in
   *     [-100, 1000]
   */
  public Scale {
    checkArgument(min >= -100 && max <= 1000 && min < max && max - min <= 100,
        "scale must satisfy min < max <= min + 100 within [-100, 1000] but was [%s, %s]", min, max);
  }

  /**
   * @param min the lowest answer
   * @param max the highest answer
   * @return the scale
   */
  public static Scale of(int min, int max) {
    return new Scale(min, max);
  }

  /** @return true if {@code score} is a valid answer on this scale */
  public boolean contains(int score) {
    return score >= min && score <= max;
  }

  /** @return the number of points on the scale */
  public int points() {
    return max - min + 1;
  }

  /**
   * The default scale of a well-known survey name: {@code nps} → {@link #NPS}, {@code csat} →
   * {@link #CSAT}, {@code ces} → {@link #CES}, {@code ces5} → {@link #CES_5}.
   *
   * @param survey a survey name, case-insensitive
   * @return the scale, or empty if the survey is not well known
   */
  public static Optional<Scale> forSurvey(String survey) {
    switch (survey.trim().toLowerCase(Locale.ROOT)) {
      case "nps":
        return Optional.of(NPS);
      case "csat":
        return Optional.of(CSAT);
      case "ces":
        return Optional.of(CES);
      case "ces5":
        return Optional.of(CES_5);
      default:
        return Optional.empty();
    }
  }
}
