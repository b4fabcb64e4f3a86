package io.cxs.journey.personalize;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * One recommended item.
 *
 * @param sku the item
 * @param score how strongly it is recommended; higher is better, comparable within one list only
 * @param reason why, in words (such as {@code "bought with X1 by 12 customers"})
 * @since 0.1
 */
public record Recommendation(String sku, double score, String reason) {

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code sku} is blank or {@code score} is not finite
   */
  public Recommendation {
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(reason, "reason");
    checkArgument(!sku.isBlank(), "sku must not be blank but was '%s'", sku);
    checkArgument(Double.isFinite(score), "score must be finite but was %s", score);
  }
}
