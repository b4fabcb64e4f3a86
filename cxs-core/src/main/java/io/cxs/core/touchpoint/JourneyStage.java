package io.cxs.core.touchpoint;

import java.util.Locale;
import java.util.Optional;

/**
 * The stages of the customer journey, in journey order.
 *
 * @since 0.1
 */
public enum JourneyStage {
  /** The customer learns the brand or product exists. */
  AWARENESS,
  /** The customer researches and compares. */
  CONSIDERATION,
  /** The customer buys. */
  PURCHASE,
  /** The customer starts using what was bought: delivery, setup, first use. */
  ONBOARDING,
  /** The customer gets help: support, returns, repairs. */
  SERVICE,
  /** The customer comes back and buys again. */
  LOYALTY,
  /** The customer recommends the brand to others. */
  ADVOCACY;

  /** @return the lower-case name used in JSON, such as {@code consideration} */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param code a stage name, case-insensitive
   * @return the stage, or empty if the name is no stage
   */
  public static Optional<JourneyStage> fromCode(String code) {
    for (JourneyStage s : values()) {
      if (s.name().equalsIgnoreCase(code.trim())) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
