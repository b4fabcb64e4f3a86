package io.cxs.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cxs.core.Cxs;
import io.cxs.core.ingest.IngestReport;
import io.cxs.core.ingest.LineError;
import java.io.PrintStream;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** What the funnel, paths and journey verbs share: loading events, parsing options, JSON. */
final class JourneyCommands {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JourneyCommands() {}

  /**
   * Ingests the source's events file, if any, into the engine, reporting rejected lines on
   * {@code err}.
   */
  static Cxs load(Engines.Engine engine, Engines.Source source, PrintStream err) {
    Cxs cxs = engine.cxs();
    if (source.events().isEmpty()) {
      err.println("using " + engine.description() + ": " + cxs.touchpoints().count()
          + " touchpoints, " + cxs.feedback().count() + " feedback");
      return cxs;
    }
    IngestReport report = cxs.ingestJsonLines(source.events().get());
    for (LineError e : report.errors()) {
      err.println("line " + e.line() + ": " + e.message());
    }
    if (report.rejected() > report.errors().size()) {
      err.println("... and " + (report.rejected() - report.errors().size()) + " more rejected lines");
    }
    err.println("read " + report.lines() + " lines: " + report.accepted() + " accepted, "
        + report.duplicates() + " duplicates, " + report.rejected() + " rejected");
    return cxs;
  }

  /** Parses an ISO-8601 duration such as {@code P7D} or {@code PT30M}. */
  static Duration duration(String option, String value) {
    try {
      Duration d = Duration.parse(value);
      if (d.isNegative() || d.isZero()) {
        throw new UsageException("option --" + option + " must be positive but was '" + value + "'");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new UsageException("option --" + option
          + " must be an ISO-8601 duration such as P7D or PT30M but was '" + value + "'");
    }
  }

  /** Splits a comma-separated list, trimming items and rejecting empty ones. */
  static List<String> list(String option, String value) {
    List<String> out = new ArrayList<>();
    for (String s : value.split(",", -1)) {
      String t = s.trim();
      if (t.isEmpty()) {
        throw new UsageException("option --" + option + " has an empty item in '" + value + "'");
      }
      out.add(t);
    }
    return out;
  }

  static void putOptional(ObjectNode node, String field, OptionalDouble value) {
    if (value.isPresent()) {
      node.put(field, value.getAsDouble());
    } else {
      node.putNull(field);
    }
  }

  static void print(PrintStream out, Object json) throws Exception {
    out.println(JSON.writeValueAsString(json));
  }
}
