package io.cxs.journey.map;

import io.cxs.core.customer.CustomerId;
import io.cxs.journey.timeline.Customers;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The result of {@link JourneyMap#run}: one {@link StageReport} per stage, and each customer's
 * current stage. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class JourneyMapReport {
  private final String name;
  private final long customers;
  private final List<StageReport> stages;
  private final Customers index;
  private final byte[] current;

  JourneyMapReport(String name, long customers, List<StageReport> stages, Customers index,
      byte[] current) {
    this.name = name;
    this.customers = customers;
    this.stages = List.copyOf(stages);
    this.index = index;
    this.current = current;
  }

  /** @return the journey's name */
  public String name() {
    return name;
  }

  /** @return the customers with at least one touchpoint */
  public long customers() {
    return customers;
  }

  /** @return one report per stage, in journey order */
  public List<StageReport> stages() {
    return stages;
  }

  /**
   * A customer's current stage: the stage of their most recent touchpoint that belongs to any
   * stage.
   *
   * @param id a customer id
   * @return the stage's name, or empty if the customer has no touchpoint in any stage
   */
  public Optional<String> currentStage(CustomerId id) {
    Objects.requireNonNull(id, "id");
    OptionalInt o = index.ordinal(id);
    if (o.isEmpty() || o.getAsInt() >= current.length || current[o.getAsInt()] < 0) {
      return Optional.empty();
    }
    return Optional.of(stages.get(current[o.getAsInt()]).name());
  }

  @Override
  public String toString() {
    return "JourneyMapReport[" + name + ", customers=" + customers + ", stages=" + stages + "]";
  }
}
