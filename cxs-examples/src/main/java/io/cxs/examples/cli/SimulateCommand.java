package io.cxs.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cxs.core.Cxs;
import io.cxs.core.InvalidEventException;
import io.cxs.core.ingest.Event;
import io.cxs.core.json.EventReader;
import io.cxs.journey.action.ActionRecord;
import io.cxs.journey.action.ActionStatus;
import io.cxs.journey.action.ManualScheduler;
import io.cxs.journey.action.Orchestrator;
import io.cxs.journey.action.Scheduler;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cxs simulate --events FILE.jsonl --rules RULES.json}: replays the events in timestamp
 * order through the rules on a virtual clock (each event is ingested when the clock reaches its
 * timestamp; timers due in between run first), with a handler that accepts every action, and
 * prints every action that would be sent and every suppression with its reason, as JSON. The
 * RULES.json shape is described in {@link RulesFile}. With {@code --db} the replayed events are
 * also stored in that database (duplicates by message id are skipped); the simulation itself,
 * its virtual clock, timers and action log, stays in memory, so a run never fires real timers.
 */
final class SimulateCommand implements Subcommand {
  /** Guard against rules that reschedule forever. */
  private static final int MAX_TIMERS_AFTER_LAST_EVENT = 10_000_000;

  @Override
  public String name() {
    return "simulate";
  }

  @Override
  public String usage() {
    return "simulate --events FILE.jsonl --rules RULES.json " + Engines.DB_USAGE;
  }

  @Override
  public int run(Args args, PrintStream out, PrintStream err) throws Exception {
    Path events = args.existingFile("events");
    Path rulesPath = args.existingFile("rules");
    Optional<String> db = args.optional(Engines.DB_OPTION);
    args.finish();
    RulesFile rules = RulesFile.read(rulesPath);

    List<Event> parsed = new ArrayList<>();
    long rejected = 0;
    try (BufferedReader in = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
      long lineNo = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        try {
          parsed.add(EventReader.parse(line));
        } catch (InvalidEventException | IllegalArgumentException e) {
          rejected++;
          err.println(events.getFileName() + ":" + lineNo + ": " + e.getMessage());
        }
      }
    }
    parsed.sort(Comparator.comparing(Event::timestamp)); // stable: file order within a timestamp

    Instant start = parsed.isEmpty() ? Instant.EPOCH : parsed.get(0).timestamp();
    ManualScheduler scheduler = Scheduler.manual(start);
    long duplicates = 0;
    try (Engines.Engine engine = Engines.open(db, scheduler.clock())) {
      Cxs cxs = engine.cxs();
      Orchestrator.Builder ob = Orchestrator.builder(cxs).rules(rules.rules).policy(rules.policy)
          .scheduler(scheduler).handler(request -> { });
      rules.maxLateness.ifPresent(ob::maxLateness);
      try (Orchestrator orchestrator = ob.build().start()) {
        for (Event e : parsed) {
          if (e.timestamp().isAfter(scheduler.now())) {
            scheduler.advanceTo(e.timestamp());
          }
          if (cxs.ingest(e) == io.cxs.core.IngestOutcome.DUPLICATE) {
            duplicates++;
          }
          scheduler.runDue();
        }
        scheduler.drain(MAX_TIMERS_AFTER_LAST_EVENT);
        write(out, parsed.size() - duplicates, duplicates, rejected,
            orchestrator.actionLog().all());
      }
    }
    err.println("simulated " + parsed.size() + " events (" + duplicates + " duplicates, "
        + rejected + " rejected lines)");
    return 0;
  }

  private static void write(PrintStream out, long events, long duplicates, long rejected,
      List<ActionRecord> records) throws Exception {
    List<ActionRecord> sorted = new ArrayList<>(records);
    sorted.sort(Comparator.comparing(ActionRecord::at).thenComparing(ActionRecord::id));
    List<Map<String, Object>> actions = new ArrayList<>();
    List<Map<String, Object>> suppressions = new ArrayList<>();
    for (ActionRecord r : sorted) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("at", r.at().toString());
      m.put("rule", r.ruleId());
      m.put("customer", r.customer().value());
      m.put("type", r.type());
      r.channel().ifPresent(c -> m.put("channel", c.name()));
      m.put("purpose", r.purpose());
      m.put("occurrence", r.occurrenceId());
      m.put("status", r.status().code());
      m.put("reason", r.reason());
      r.detail().ifPresent(d -> m.put("detail", d));
      (r.status() == ActionStatus.SUPPRESSED ? suppressions : actions).add(m);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("events", events);
    result.put("duplicates", duplicates);
    result.put("rejected", rejected);
    result.put("actions", actions);
    result.put("suppressions", suppressions);
    out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(result));
  }
}
