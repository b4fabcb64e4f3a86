package io.cxs.core.feedback;

import java.util.Locale;
import java.util.Optional;

/**
 * What kind of feedback a customer gave.
 *
 * @since 0.1
 */
public enum FeedbackKind {
  /** An answer to a survey question on a scale (NPS, CSAT, CES or custom). */
  SURVEY,
  /** A product or service review, usually with a star rating. */
  REVIEW,
  /** A complaint; may have no score. */
  COMPLAINT;

  /** @return the lower-case name used in JSON */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param code a kind name, case-insensitive
   * @return the kind, or empty if the name is no kind
   */
  public static Optional<FeedbackKind> fromCode(String code) {
    for (FeedbackKind k : values()) {
      if (k.name().equalsIgnoreCase(code.trim())) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
