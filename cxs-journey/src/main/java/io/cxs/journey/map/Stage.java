package io.cxs.journey.map;

import static com.google.common.base.Preconditions.checkArgument;

import io.cxs.core.touchpoint.JourneyStage;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One stage of a {@link JourneyMap}. A touchpoint belongs to the stage if its event name is one
 * of {@code touchpoints}, or if it carries the journey stage {@code tag}.
 *
 * @param name the stage's name; non-blank
 * @param touchpoints the event names expected in this stage
 * @param tag the {@link JourneyStage} whose tagged touchpoints and feedback belong here, if any
 * @param momentsOfTruth the events that decide how the customer feels about the stage; each
 *     must be one of {@code touchpoints}
 * @param targetFromPrevious how long customers should take to get here from the previous stage
 * @since 0.1
 */
public record Stage(String name, List<String> touchpoints, Optional<JourneyStage> tag,
    List<String> momentsOfTruth, Optional<Duration> targetFromPrevious) {

  /**
   * @throws IllegalArgumentException if {@code name} is blank, the stage has neither touchpoints
   *     nor a tag, a moment of truth is not a touchpoint, or the target is not positive
   */
  public Stage {
    Objects.requireNonNull(name, "name");
    touchpoints = List.copyOf(touchpoints);
    Objects.requireNonNull(tag, "tag");
    momentsOfTruth = List.copyOf(momentsOfTruth);
    Objects.requireNonNull(targetFromPrevious, "targetFromPrevious");
    checkArgument(!name.isBlank(), "stage name must not be blank but was '%s'", name);
    checkArgument(!touchpoints.isEmpty() || tag.isPresent(),
        "stage '%s' must have touchpoints or a journey stage tag", name);
    for (String m : momentsOfTruth) {
      checkArgument(touchpoints.contains(m),
          "moment of truth '%s' of stage '%s' must be one of its touchpoints %s", m, name,
          touchpoints);
    }
    targetFromPrevious.ifPresent(d -> checkArgument(!d.isNegative() && !d.isZero(),
        "targetFromPrevious of stage '%s' must be positive but was %s", name, d));
  }

  /**
   * @param name the stage's name
   * @param touchpoints the event names expected in this stage
   * @return a stage without tag, moments of truth or target
   */
  public static Stage of(String name, String... touchpoints) {
    return new Stage(name, List.of(touchpoints), Optional.empty(), List.of(), Optional.empty());
  }

  /** @return a copy with this journey stage tag */
  public Stage withTag(JourneyStage tag) {
    return new Stage(name, touchpoints, Optional.of(tag), momentsOfTruth, targetFromPrevious);
  }

  /** @return a copy with these moments of truth */
  public Stage withMomentsOfTruth(String... events) {
    return new Stage(name, touchpoints, tag, List.of(events), targetFromPrevious);
  }

  /** @return a copy with this target duration from the previous stage */
  public Stage withTargetFromPrevious(Duration target) {
    return new Stage(name, touchpoints, tag, momentsOfTruth, Optional.of(target));
  }
}
