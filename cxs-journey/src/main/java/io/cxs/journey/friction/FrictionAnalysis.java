package io.cxs.journey.friction;

import io.cxs.core.customer.CustomerId;
import io.cxs.core.customer.IdentityKind;
import io.cxs.core.customer.IdentityResolver;
import io.cxs.core.feedback.FeedbackKind;
import io.cxs.core.spi.FeedbackBatch;
import io.cxs.core.spi.FeedbackStore;
import io.cxs.core.spi.ScanDictionary;
import io.cxs.journey.funnel.FunnelReport;
import io.cxs.journey.map.JourneyMapReport;
import io.cxs.journey.map.StageReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Ranks friction points (see {@link FrictionPoint} for the score). Stateless.
 *
 * <pre>{@code
 * List<FrictionPoint> worst = FrictionAnalysis.stages(map.run(cxs));
 * }</pre>
 *
 * @since 0.1
 */
public final class FrictionAnalysis {
  private FrictionAnalysis() {}

  /**
   * Ranks the stages of a journey map report: a stage's dropped customers are those for whom it
   * was the furthest stage (none for the last stage, where the journey is complete), and its
   * feedback is the feedback attributed to it by the report.
   *
   * @param report a journey map report
   * @return the stages, highest score first (ties in journey order)
   */
  public static List<FrictionPoint> stages(JourneyMapReport report) {
    Objects.requireNonNull(report, "report");
    List<FrictionPoint> out = new ArrayList<>();
    List<StageReport> stages = report.stages();
    for (int i = 0; i < stages.size(); i++) {
      StageReport s = stages.get(i);
      long dropped = i == stages.size() - 1 ? 0 : s.left();
      out.add(FrictionPoint.of("stage", s.name(), s.reached(), dropped, s.feedback().responses(),
          s.feedback().negative(), s.feedback().complaints()));
    }
    return rank(out);
  }

  /**
   * Ranks the steps (from the second) of a funnel report. A step's dropped customers are
   * {@link FunnelReport#droppedAt}; its feedback is all feedback those customers gave, found in
   * one feedback scan.
   *
   * @param report a funnel report
   * @param feedback the feedback store
   * @param resolver maps the feedback's identities to customers, as for the funnel
   * @return the steps, highest score first (ties in funnel order)
   */
  public static List<FrictionPoint> steps(FunnelReport report, FeedbackStore feedback,
      IdentityResolver resolver) {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(feedback, "feedback");
    Objects.requireNonNull(resolver, "resolver");
    int n = report.steps().size();
    Map<CustomerId, Integer> droppedAt = new HashMap<>();
    for (int k = 1; k < n; k++) {
      for (CustomerId id : report.droppedAt(k)) {
        droppedAt.put(id, k);
      }
    }
    long[][] fb = new long[n][3];
    // codes keep their meaning for the whole scan, and later batches may bring new ones
    int[][] stepOfSubject = {new int[0]};
    feedback.scan(b -> {
      ScanDictionary d = b.dictionary();
      int[] stepOf = stepOfSubject[0];
      if (stepOf.length < d.subjectCount()) {
        int from = stepOf.length;
        stepOf = Arrays.copyOf(stepOf, d.subjectCount());
        for (int s = from; s < stepOf.length; s++) {
          var subject = d.subject(s);
          CustomerId id = resolver.customerOf(subject).orElseGet(() -> CustomerId.of(
              subject.kind() == IdentityKind.USER_ID ? subject.value() : subject.key()));
          stepOf[s] = droppedAt.getOrDefault(id, -1);
        }
        stepOfSubject[0] = stepOf;
      }
      for (int r = 0; r < b.size(); r++) {
        int subject = b.subject(r);
        int k = subject < stepOf.length ? stepOf[subject] : -1;
        if (k < 0) {
          continue;
        }
        if (b.kind(r) == FeedbackKind.COMPLAINT.ordinal()) {
          fb[k][2]++;
        }
        int score = b.score(r);
        if (score != FeedbackBatch.NO_SCORE) {
          fb[k][0]++;
          int min = b.scaleMin(r);
          int max = b.scaleMax(r);
          if (min == 0 && max == 10 ? score <= 6 : (score - min) * 2 < (max - min)) {
            fb[k][1]++;
          }
        }
      }
    });
    List<FrictionPoint> out = new ArrayList<>();
    for (int k = 1; k < n; k++) {
      var step = report.steps().get(k);
      out.add(FrictionPoint.of("step", step.name(), step.count() + step.dropOff(), step.dropOff(),
          fb[k][0], fb[k][1], fb[k][2]));
    }
    return rank(out);
  }

  private static List<FrictionPoint> rank(List<FrictionPoint> points) {
    List<FrictionPoint> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparingDouble(FrictionPoint::score).reversed());
    return List.copyOf(sorted);
  }
}
