package io.cxs.core.customer;

import static com.google.common.base.Preconditions.checkArgument;

import io.cxs.core.internal.JsonValues;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A resolved customer's profile: every identity it is known by, its traits, its consent
 * decisions and the identity-resolution merges that formed it.
 *
 * <p>Traits are JSON values (string, number, boolean, list, map). For each trait the value from
 * the newest {@code identify} wins, so {@link #traitTimes()} says when each was set.
 *
 * @param id the customer id
 * @param identities every identity, sorted, without duplicates; never empty
 * @param traits trait values by name, sorted by name
 * @param traitTimes when each trait in {@code traits} was set; same keys as {@code traits}
 * @param consents the newest decision per purpose and channel
 * @param createdAt the timestamp of the first event seen for this customer
 * @param updatedAt the timestamp of the newest profile change (trait or consent); the engine sets
 *     it to the newest of {@code createdAt}, the trait times and the consent times
 * @param merges the merges that formed this customer, oldest first
 * @since 0.1
 */
public record Customer(CustomerId id, List<Identity> identities, Map<String, Object> traits,
    Map<String, Instant> traitTimes, List<Consent> consents, Instant createdAt, Instant updatedAt,
    List<MergeRecord> merges) {

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if there is no identity, a trait has no time (or a time no
   *     trait), two consents share a scope, or {@code updatedAt} is before {@code createdAt}
   */
  public Customer {
    Objects.requireNonNull(id, "id");
    identities = List.copyOf(new TreeSet<>(Objects.requireNonNull(identities, "identities")));
    checkArgument(!identities.isEmpty(), "customer %s must have at least one identity", id);
    traits = JsonValues.copyOf(traits, "traits");
    traitTimes = Collections.unmodifiableMap(new TreeMap<>(
        Objects.requireNonNull(traitTimes, "traitTimes")));
    checkArgument(traits.keySet().equals(traitTimes.keySet()),
        "customer %s: traitTimes keys %s must equal traits keys %s", id, traitTimes.keySet(),
        traits.keySet());
    consents = List.copyOf(consents);
    for (int i = 0; i < consents.size(); i++) {
      for (int j = i + 1; j < consents.size(); j++) {
        checkArgument(!consents.get(i).sameScope(consents.get(j)),
            "customer %s has two consents for purpose '%s' channel %s", id,
            consents.get(i).purpose(), consents.get(i).channel());
      }
    }
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    checkArgument(!updatedAt.isBefore(createdAt),
        "customer %s: updatedAt %s is before createdAt %s", id, updatedAt, createdAt);
    merges = List.copyOf(merges);
  }

  /**
   * @param id the customer id
   * @param identity its first identity
   * @param at when it was first seen
   * @return a customer with one identity and nothing else
   */
  public static Customer of(CustomerId id, Identity identity, Instant at) {
    return new Customer(id, List.of(identity), Map.of(), Map.of(), List.of(), at, at, List.of());
  }

  /**
   * @param name a trait name
   * @return its value, or empty if the customer has no such trait
   */
  public Optional<Object> trait(String name) {
    return Optional.ofNullable(traits.get(name));
  }

  /**
   * @param kind a kind of identity
   * @return the first identity of that kind (in sort order), or empty
   */
  public Optional<Identity> identity(IdentityKind kind) {
    return identities.stream().filter(i -> i.kind() == kind).findFirst();
  }

  /**
   * Whether the customer may be contacted for a purpose on a channel: the channel-specific
   * decision if there is one, else the purpose-wide decision; without either, no.
   *
   * @param purpose the purpose, such as {@code "marketing"}
   * @param channel the channel of the contact
   * @return true only if the applicable decision is {@link ConsentStatus#GRANTED}
   */
  public boolean allows(String purpose, io.cxs.core.touchpoint.Channel channel) {
    Optional<Consent> specific = consents.stream()
        .filter(c -> c.purpose().equals(purpose) && c.channel().equals(Optional.of(channel)))
        .findFirst();
    if (specific.isPresent()) {
      return specific.get().status().allows();
    }
    return consents.stream()
        .filter(c -> c.purpose().equals(purpose) && c.channel().isEmpty())
        .anyMatch(c -> c.status().allows());
  }
}
