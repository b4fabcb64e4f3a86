package io.cxs.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxs.core.Cxs;
import io.cxs.journey.path.PathAnalysis;
import io.cxs.journey.path.PathCount;
import io.cxs.journey.path.PathReport;
import io.cxs.journey.path.SankeyLink;
import io.cxs.journey.path.SankeyNode;
import java.io.PrintStream;
import java.util.Optional;

/**
 * {@code cxs paths}: paths after ({@code --from}) or before ({@code --to}) an event. Prints
 * {@code {"anchor","direction","customers","next"|"previous":[{"event","customers"}],
 * "paths":[{"events":[…],"customers"}],"sankey":{"nodes":[…],"links":[…]}}}.
 */
final class PathsCommand implements Subcommand {
  @Override
  public String name() {
    return "paths";
  }

  @Override
  public String usage() {
    return "paths " + Engines.SOURCE_USAGE + " (--from EVENT | --to EVENT) [--depth 4] [--top 20]"
        + " [--max-nodes 10]";
  }

  @Override
  public int run(Args args, PrintStream out, PrintStream err) throws Exception {
    Engines.Source source = Engines.source(args);
    Optional<String> from = args.optional("from");
    Optional<String> to = args.optional("to");
    int depth = args.intOption("depth", PathAnalysis.DEFAULT_DEPTH);
    int top = args.intOption("top", PathAnalysis.DEFAULT_TOP);
    int maxNodes = args.intOption("max-nodes", PathAnalysis.DEFAULT_MAX_NODES_PER_STEP);
    args.finish();
    if (from.isPresent() == to.isPresent()) {
      throw new UsageException("give exactly one of --from and --to");
    }
    PathAnalysis analysis;
    try {
      analysis = (from.isPresent() ? PathAnalysis.after(from.get()) : PathAnalysis.before(to.get()))
          .depth(depth).top(top).maxNodesPerStep(maxNodes).build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    try (Engines.Engine engine = Engines.open(source.db())) {
      Cxs cxs = JourneyCommands.load(engine, source, err);
      JourneyCommands.print(out, toJson(analysis.run(cxs)));
      return 0;
    }
  }

  static ObjectNode toJson(PathReport r) {
    ObjectNode root = JourneyCommands.JSON.createObjectNode();
    root.put("anchor", r.anchor());
    root.put("direction", r.after() ? "after" : "before");
    root.put("customers", r.customers());
    ArrayNode adj = root.putArray(r.after() ? "next" : "previous");
    for (PathCount p : r.adjacent()) {
      adj.addObject().put("event", p.events().get(0)).put("customers", p.customers());
    }
    ArrayNode paths = root.putArray("paths");
    for (PathCount p : r.paths()) {
      ObjectNode n = paths.addObject();
      ArrayNode ev = n.putArray("events");
      p.events().forEach(ev::add);
      n.put("customers", p.customers());
    }
    ObjectNode sankey = root.putObject("sankey");
    ArrayNode nodes = sankey.putArray("nodes");
    for (SankeyNode n : r.nodes()) {
      nodes.addObject().put("id", n.id()).put("position", n.position()).put("event", n.event())
          .put("customers", n.customers());
    }
    ArrayNode links = sankey.putArray("links");
    for (SankeyLink l : r.links()) {
      links.addObject().put("source", l.source()).put("target", l.target())
          .put("customers", l.customers());
    }
    return root;
  }
}
