package io.cxs.journey.action;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import io.cxs.core.customer.Customer;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules for contacting customers, applied to every outbound action:
 *
 * <ul>
 *   <li><b>consent</b>: {@link Customer#allows(String, io.cxs.core.touchpoint.Channel)} for the
 *       action's purpose and channel, always;
 *   <li><b>frequency cap</b>: at most {@link #maxMessages()} outbound actions (sent or being
 *       delivered), across all channels, in any window of {@link #capPeriod()} ending now;
 *   <li><b>quiet hours</b>: an action that falls in {@code [quietFrom, quietTo)} local time is
 *       deferred to {@code quietTo}; the window may span midnight. Local time is in the
 *       customer's {@code timezone} trait (an IANA zone id such as {@code Europe/Berlin}) if it
 *       has a valid one, else in {@link #zone()}.
 * </ul>
 *
 * Immutable and thread-safe.
 *
 * @param maxMessages the cap; at least 1
 * @param capPeriod the cap window; positive
 * @param quietFrom start of quiet hours, if any
 * @param quietTo end of quiet hours; present exactly when {@code quietFrom} is
 * @param zone the default zone for quiet hours
 * @since 0.1
 */
public record ContactPolicy(int maxMessages, Duration capPeriod, Optional<LocalTime> quietFrom,
    Optional<LocalTime> quietTo, ZoneId zone) {

  /** The default cap: at most 2 outbound messages per {@link #DEFAULT_CAP_PERIOD}. */
  public static final int DEFAULT_MAX_MESSAGES = 2;
  /** The default cap window: 7 days. */
  public static final Duration DEFAULT_CAP_PERIOD = Duration.ofDays(7);

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code maxMessages < 1}, {@code capPeriod} is not
   *     positive, only one of the quiet bounds is present, or they are equal
   */
  public ContactPolicy {
    Objects.requireNonNull(capPeriod, "capPeriod");
    Objects.requireNonNull(quietFrom, "quietFrom");
    Objects.requireNonNull(quietTo, "quietTo");
    Objects.requireNonNull(zone, "zone");
    checkArgument(maxMessages >= 1, "maxMessages must be at least 1 but was %s", maxMessages);
    checkArgument(!capPeriod.isNegative() && !capPeriod.isZero(),
        "capPeriod must be positive but was %s", capPeriod);
    checkArgument(quietFrom.isPresent() == quietTo.isPresent(),
        "quiet hours need both bounds but were %s to %s", quietFrom, quietTo);
    checkArgument(quietFrom.isEmpty() || !quietFrom.equals(quietTo),
        "quiet hours must not start and end at the same time %s", quietFrom);
  }

  /** @return 2 messages in 7 days, no quiet hours, UTC */
  public static ContactPolicy ofDefaults() {
    return new ContactPolicy(DEFAULT_MAX_MESSAGES, DEFAULT_CAP_PERIOD, Optional.empty(),
        Optional.empty(), ZoneOffset.UTC);
  }

  /** @return a builder starting from the defaults */
  public static Builder custom() {
    return new Builder();
  }

  /**
   * @param customer the customer
   * @param action an outbound action
   * @return why consent forbids it, or empty if the customer allows it (or it is internal)
   */
  public Optional<String> consentBlock(Customer customer, ActionSpec action) {
    if (action.channel().isEmpty() || customer.allows(action.purpose(), action.channel().get())) {
      return Optional.empty();
    }
    return Optional.of("no consent for purpose '" + action.purpose() + "' on channel "
        + action.channel().get());
  }

  /**
   * @param timeline the customer's action records
   * @param now the time of the new message
   * @return why the cap forbids another outbound message now, or empty
   */
  public Optional<String> capBlock(List<ActionRecord> timeline, Instant now) {
    Instant from = now.minus(capPeriod);
    int n = 0;
    for (ActionRecord r : timeline) {
      if (r.outbound() && (r.status() == ActionStatus.SENT || r.status() == ActionStatus.PENDING)
          && r.at().isAfter(from) && !r.at().isAfter(now)) {
        n++;
      }
    }
    return n >= maxMessages
        ? Optional.of("frequency cap: " + n + " messages in the last " + capPeriod + " (max "
            + maxMessages + ")")
        : Optional.empty();
  }

  /**
   * @param customer the customer
   * @param now a time
   * @return the end of the quiet hours if {@code now} falls in them, else empty
   */
  public Optional<Instant> quietUntil(Customer customer, Instant now) {
    if (quietFrom.isEmpty()) {
      return Optional.empty();
    }
    ZoneId z = zoneOf(customer);
    ZonedDateTime local = now.atZone(z);
    LocalTime t = local.toLocalTime();
    LocalTime from = quietFrom.get();
    LocalTime to = quietTo.get();
    boolean quiet = from.isBefore(to)
        ? !t.isBefore(from) && t.isBefore(to)
        : !t.isBefore(from) || t.isBefore(to);
    if (!quiet) {
      return Optional.empty();
    }
    ZonedDateTime end = local.with(to);
    if (!end.isAfter(local)) {
      end = end.plusDays(1).with(to);
    }
    return Optional.of(end.toInstant());
  }

  private ZoneId zoneOf(Customer customer) {
    Optional<Object> tz = customer.trait("timezone");
    if (tz.isPresent() && tz.get() instanceof String) {
      try {
        return ZoneId.of((String) tz.get());
      } catch (DateTimeException e) {
        return zone;
      }
    }
    return zone;
  }

  /**
   * Builds a {@link ContactPolicy}; each option may be set once.
   *
   * @since 0.1
   */
  public static final class Builder {
    private Integer maxMessages;
    private Duration capPeriod;
    private LocalTime quietFrom;
    private LocalTime quietTo;
    private ZoneId zone;

    private Builder() {}

    /**
     * @param max the most outbound messages per customer in {@code period}
     * @param period the window
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder frequencyCap(int max, Duration period) {
      checkState(maxMessages == null, "frequency cap was already set to %s per %s", maxMessages,
          capPeriod);
      maxMessages = max;
      capPeriod = Objects.requireNonNull(period, "period");
      return this;
    }

    /**
     * @param from start of quiet hours, local time
     * @param to end of quiet hours, local time; before {@code from} for a window over midnight
     * @param zone the default zone, for customers without a {@code timezone} trait
     * @return this builder
     * @throws IllegalStateException if already set
     */
    public Builder quietHours(LocalTime from, LocalTime to, ZoneId zone) {
      checkState(quietFrom == null, "quiet hours were already set to %s to %s", quietFrom, quietTo);
      quietFrom = Objects.requireNonNull(from, "from");
      quietTo = Objects.requireNonNull(to, "to");
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /**
     * @return the policy
     * @throws IllegalArgumentException if an option is invalid
     */
    public ContactPolicy build() {
      return new ContactPolicy(maxMessages == null ? DEFAULT_MAX_MESSAGES : maxMessages,
          capPeriod == null ? DEFAULT_CAP_PERIOD : capPeriod, Optional.ofNullable(quietFrom),
          Optional.ofNullable(quietTo), zone == null ? ZoneOffset.UTC : zone);
    }
  }
}
