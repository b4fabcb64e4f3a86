package io.cxs.examples.cli;

import io.cxs.core.Cxs;
import io.cxs.core.ingest.IngestReport;
import io.cxs.core.ingest.LineError;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Loading event files for the subcommands, with rejected lines reported on stderr. */
final class Inputs {
  private Inputs() {}

  /**
   * Ingests a JSON Lines file into an engine, printing rejected lines and a progress note for
   * anything slow to {@code err}.
   */
  static IngestReport ingest(Cxs cxs, Path events, PrintStream err) {
    long start = System.nanoTime();
    IngestReport report = cxs.ingestJsonLines(events);
    for (LineError e : report.errors()) {
      err.println("cxs: rejected " + e);
    }
    if (report.rejected() > report.errors().size()) {
      err.println("cxs: ... and " + (report.rejected() - report.errors().size())
          + " more rejected lines");
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    if (ms > 1000) {
      err.printf("cxs: read %,d lines from %s in %,d ms%n", report.lines(), events, ms);
    }
    return report;
  }

  /** @return the report's counts in the shape {@code {"accepted":N,"duplicates":N,"rejected":N}} */
  /**
   * Ingests the file if one is given, else reports nothing ingested.
   *
   * @return the report, all zero without a file
   */
  static IngestReport ingest(Cxs cxs, Optional<Path> events, PrintStream err) {
    return events.isPresent() ? ingest(cxs, events.get(), err)
        : new IngestReport(0, 0, 0, List.of());
  }

  static Map<String, Object> counts(IngestReport report) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("accepted", report.accepted());
    m.put("duplicates", report.duplicates());
    m.put("rejected", report.rejected());
    return m;
  }
}
