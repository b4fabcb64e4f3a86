package io.cxs.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxs.core.Cxs;
import io.cxs.core.customer.CustomerId;
import io.cxs.journey.funnel.Breakdown;
import io.cxs.journey.funnel.Funnel;
import io.cxs.journey.funnel.FunnelReport;
import io.cxs.journey.funnel.FunnelStep;
import io.cxs.journey.funnel.FunnelStepResult;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code cxs funnel}: an ordered funnel over a JSON Lines export. Steps ending in {@code ?} are
 * optional. A step or exclusion may require property values in brackets,
 * {@code Order Completed[category=shoes,qty=2]} (see {@link StepSyntax}). Prints {@code {"customers":N,"entered":N,"steps":[{"name","count",
 * "conversionFromStart","conversionFromPrevious","dropOff","medianSecondsFromPrevious",
 * "p90SecondsFromPrevious"}, …]}}, with {@code "segments"} for a breakdown and
 * {@code "dropped"} (ids per step) with {@code --dropped}.
 */
final class FunnelCommand implements Subcommand {
  @Override
  public String name() {
    return "funnel";
  }

  @Override
  public String usage() {
    return "funnel " + Engines.SOURCE_USAGE + " --steps \"A,B[key=value],C?,D\" [--window P7D]"
        + " [--strict] [--exclude \"X,Y[key=value]\"] [--breakdown firstChannel|trait:KEY] [--dropped]";
  }

  @Override
  public Set<String> flags() {
    return Set.of("strict", "dropped");
  }

  @Override
  public int run(Args args, PrintStream out, PrintStream err) throws Exception {
    Engines.Source source = Engines.source(args);
    List<String> steps = StepSyntax.split("steps", args.required("steps"));
    Funnel.Builder b = Funnel.builder()
        .window(JourneyCommands.duration("window", args.optional("window").orElse("P7D")));
    for (int i = 0; i < steps.size(); i++) {
      String s = steps.get(i);
      boolean optional = s.endsWith("?") && s.length() > 1;
      String text = optional ? s.substring(0, s.length() - 1).trim() : s;
      FunnelStep step = FunnelStep.of(text, StepSyntax.predicate("steps", text));
      if (optional && i == 0) {
        throw new UsageException("option --steps: the first step must not be optional but was '"
            + s + "'");
      }
      b.step(optional ? step.asOptional() : step);
    }
    if (args.flag("strict")) {
      b.strictOrder();
    }
    Optional<String> exclude = args.optional("exclude");
    if (exclude.isPresent()) {
      for (String e : StepSyntax.split("exclude", exclude.get())) {
        b.exclude(StepSyntax.predicate("exclude", e));
      }
    }
    Optional<String> breakdown = args.optional("breakdown");
    boolean dropped = args.flag("dropped");
    args.finish();
    if (steps.size() > Funnel.MAX_STEPS) {
      throw new UsageException("option --steps has " + steps.size() + " steps; at most "
          + Funnel.MAX_STEPS + " are allowed");
    }

    try (Engines.Engine engine = Engines.open(source.db())) {
      Cxs cxs = JourneyCommands.load(engine, source, err);
      if (breakdown.isPresent()) {
        String d = breakdown.get();
        if (d.equals("firstChannel")) {
          b.breakdown(Breakdown.firstChannel());
        } else if (d.startsWith("trait:") && d.length() > "trait:".length()) {
          b.breakdown(Breakdown.trait(cxs.customers(), d.substring("trait:".length())));
        } else {
          throw new UsageException(
              "option --breakdown must be firstChannel or trait:KEY but was '" + d + "'");
        }
      }
      FunnelReport report = b.build().run(cxs);
      JourneyCommands.print(out, toJson(report, dropped));
      return 0;
    }
  }

  static ObjectNode toJson(FunnelReport report, boolean dropped) {
    ObjectNode root = JourneyCommands.JSON.createObjectNode();
    root.put("customers", report.customers());
    root.put("entered", report.entered());
    ArrayNode steps = root.putArray("steps");
    for (FunnelStepResult s : report.steps()) {
      ObjectNode n = steps.addObject();
      n.put("name", s.name());
      if (s.optional()) {
        n.put("optional", true);
      }
      n.put("count", s.count());
      n.put("conversionFromStart", s.conversionFromStart());
      n.put("conversionFromPrevious", s.conversionFromPrevious());
      n.put("dropOff", s.dropOff());
      JourneyCommands.putOptional(n, "medianSecondsFromPrevious", s.medianSecondsFromPrevious());
      JourneyCommands.putOptional(n, "p90SecondsFromPrevious", s.p90SecondsFromPrevious());
    }
    JourneyCommands.putOptional(root, "medianSecondsToConvert", report.medianSecondsToConvert());
    if (report.breakdown().isPresent()) {
      root.put("breakdown", report.breakdown().get());
      ObjectNode seg = root.putObject("segments");
      for (Map.Entry<String, List<Long>> e : report.segments().entrySet()) {
        ArrayNode counts = seg.putArray(e.getKey());
        e.getValue().forEach(counts::add);
      }
    }
    if (dropped) {
      ObjectNode d = root.putObject("dropped");
      for (int k = 1; k < report.steps().size(); k++) {
        ArrayNode ids = d.putArray(report.steps().get(k).name());
        report.droppedAt(k).stream().map(CustomerId::value).sorted().forEach(ids::add);
      }
    }
    return root;
  }
}
