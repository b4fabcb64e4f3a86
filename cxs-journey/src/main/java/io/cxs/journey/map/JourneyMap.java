package io.cxs.journey.map;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import io.cxs.core.Cxs;
import io.cxs.core.spi.FeedbackStore;
import io.cxs.journey.timeline.TimelineScan;
import io.cxs.metrics.sentiment.LexiconSentimentAnalyzer;
import io.cxs.metrics.sentiment.SentimentAnalyzer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A journey map: the stages of a journey in order (such as awareness → consideration → purchase
 * → onboarding → service → loyalty), the touchpoints expected in each, the moments of truth and
 * target durations between stages. {@link #run} reports how customers actually went through it.
 *
 * <pre>{@code
 * JourneyMap map = JourneyMap.builder("shop")
 *     .stage(Stage.of("consideration", "Product Viewed", "Product Added"))
 *     .stage(Stage.of("purchase", "Checkout Started", "Order Completed")
 *         .withMomentsOfTruth("Order Completed").withTargetFromPrevious(Duration.ofDays(2)))
 *     .build();
 * JourneyMapReport report = map.run(cxs);
 * }</pre>
 *
 * <p>Each stage's feedback includes the sentiment of the comments given there, found by the
 * map's {@link Builder#sentimentAnalyzer SentimentAnalyzer} (by default
 * {@link LexiconSentimentAnalyzer#ofDefaults()}).
 *
 * <p>An event name belongs to at most one stage. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class JourneyMap {
  /** The most stages a map may have. */
  public static final int MAX_STAGES = 100;

  private final String name;
  private final List<Stage> stages;
  private final SentimentAnalyzer sentimentAnalyzer;

  private JourneyMap(String name, List<Stage> stages, SentimentAnalyzer sentimentAnalyzer) {
    this.name = name;
    this.stages = List.copyOf(stages);
    this.sentimentAnalyzer = sentimentAnalyzer;
  }

  /**
   * @param name the journey's name
   * @return a builder
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** @return the journey's name */
  public String name() {
    return name;
  }

  /** @return the stages, in journey order */
  public List<Stage> stages() {
    return stages;
  }

  /** @return the analyzer that finds the sentiment of each stage's comments */
  public SentimentAnalyzer sentimentAnalyzer() {
    return sentimentAnalyzer;
  }

  /**
   * @param cxs the engine
   * @return the report over its touchpoints and feedback
   */
  public JourneyMapReport run(Cxs cxs) {
    return run(TimelineScan.of(cxs), cxs.feedback());
  }

  /**
   * Reports the map in one touchpoint scan and one feedback scan.
   *
   * @param scan the customers' timelines
   * @param feedback the feedback, resolved with the scan's resolver
   * @return the report
   */
  public JourneyMapReport run(TimelineScan scan, FeedbackStore feedback) {
    Objects.requireNonNull(scan, "scan");
    Objects.requireNonNull(feedback, "feedback");
    return new JourneyMapper(this).run(scan, feedback);
  }

  @Override
  public String toString() {
    return "JourneyMap[" + name + ", stages=" + stages + "]";
  }

  /**
   * Collects the stages of a {@link JourneyMap}, in order.
   *
   * @since 0.1
   */
  public static final class Builder {
    private final String name;
    private final List<Stage> stages = new ArrayList<>();
    private SentimentAnalyzer sentimentAnalyzer;

    private Builder(String name) {
      Objects.requireNonNull(name, "name");
      checkArgument(!name.isBlank(), "journey name must not be blank but was '%s'", name);
      this.name = name;
    }

    /**
     * @param stage the next stage
     * @return this builder
     * @throws IllegalArgumentException if a stage of that name, or one of its touchpoints, or
     *     its tag is already in the map
     * @throws IllegalStateException if the map already has {@link #MAX_STAGES} stages
     */
    public Builder stage(Stage stage) {
      Objects.requireNonNull(stage, "stage");
      checkState(stages.size() < MAX_STAGES, "a journey map has at most %s stages", MAX_STAGES);
      Set<String> events = new HashSet<>();
      for (Stage s : stages) {
        checkArgument(!s.name().equals(stage.name()), "stage '%s' is already in the map",
            stage.name());
        checkArgument(s.tag().isEmpty() || !s.tag().equals(stage.tag()),
            "journey stage tag '%s' is already used by stage '%s'",
            stage.tag().map(Enum::name).orElse(""), s.name());
        events.addAll(s.touchpoints());
      }
      for (String e : stage.touchpoints()) {
        checkArgument(!events.contains(e), "touchpoint '%s' of stage '%s' is already in another "
            + "stage", e, stage.name());
      }
      stages.add(stage);
      return this;
    }

    /**
     * Sets the analyzer that finds the sentiment of the comments given at each stage, instead of
     * {@link LexiconSentimentAnalyzer#ofDefaults()}.
     *
     * @param analyzer the analyzer
     * @return this builder
     * @throws IllegalStateException if the analyzer was already set
     * @since 0.1
     */
    public Builder sentimentAnalyzer(SentimentAnalyzer analyzer) {
      Objects.requireNonNull(analyzer, "analyzer");
      checkState(sentimentAnalyzer == null, "sentimentAnalyzer was already set to %s",
          sentimentAnalyzer);
      sentimentAnalyzer = analyzer;
      return this;
    }

    /**
     * @return the map
     * @throws IllegalStateException if it has no stage
     */
    public JourneyMap build() {
      checkState(!stages.isEmpty(), "journey map '%s' needs at least one stage", name);
      return new JourneyMap(name, stages, sentimentAnalyzer == null
          ? LexiconSentimentAnalyzer.ofDefaults() : sentimentAnalyzer);
    }
  }
}
