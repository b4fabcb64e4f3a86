package io.cxs.metrics.clv;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * The recency-frequency-monetary summary of one customer's calibration period, as the
 * probabilistic customer-base models use it (Fader, Hardie and Lee 2005):
 *
 * <ul>
 *   <li>{@code frequency} x = number of <em>repeat</em> purchase days (distinct days with a
 *       purchase, minus the first one);
 *   <li>{@code recency} t<sub>x</sub> = time from the first to the last purchase day, 0 when x = 0;
 *   <li>{@code age} T = time from the first purchase day to the end of the calibration period;
 *   <li>{@code monetaryValue} m<sub>x</sub> = mean value of the x repeat purchase days (the values
 *       of one day summed; the first purchase excluded), 0 when x = 0.
 * </ul>
 *
 * <p>Times are in the {@link PeriodUnit} the summary was built with. Immutable.
 *
 * @param customerId the customer; non-blank
 * @param frequency x, at least 0
 * @param recency t<sub>x</sub>, finite, in [0, age], and 0 when frequency is 0
 * @param age T, finite and at least 0
 * @param monetaryValue m<sub>x</sub>, finite and at least 0
 * @since 0.1
 */
public record RfmSummary(String customerId, int frequency, double recency, double age, double monetaryValue) {

  /**
   * @throws NullPointerException if {@code customerId} is null
   * @throws IllegalArgumentException if a component is outside the range documented above; the
   *     message names the component and its value
   */
  public RfmSummary {
    Objects.requireNonNull(customerId, "customerId");
    checkArgument(!customerId.isBlank(), "customerId must not be blank but was '%s'", customerId);
    checkArgument(frequency >= 0, "frequency must be at least 0 but was %s", frequency);
    checkArgument(Double.isFinite(age) && age >= 0, "age must be finite and at least 0 but was %s", age);
    checkArgument(
        Double.isFinite(recency) && recency >= 0 && recency <= age,
        "recency must be in [0, age=%s] but was %s",
        age,
        recency);
    checkArgument(
        frequency > 0 || recency == 0,
        "recency must be 0 when frequency is 0 but was %s",
        recency);
    checkArgument(
        Double.isFinite(monetaryValue) && monetaryValue >= 0,
        "monetaryValue must be finite and at least 0 but was %s",
        monetaryValue);
  }

  /**
   * @return a summary without a monetary value (0), for the purchase-count models
   * @throws IllegalArgumentException as the canonical constructor
   */
  public static RfmSummary of(String customerId, int frequency, double recency, double age) {
    return new RfmSummary(customerId, frequency, recency, age, 0);
  }
}
