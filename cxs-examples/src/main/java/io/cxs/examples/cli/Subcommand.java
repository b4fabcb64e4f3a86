package io.cxs.examples.cli;

import java.io.PrintStream;
import java.util.Set;

/** One verb of the {@code cxs} command line. */
interface Subcommand {

  /** @return the verb, such as {@code "profile"} */
  String name();

  /** @return a one-line usage, such as {@code "profile --events FILE.jsonl [--customer ID]"} */
  String usage();

  /** @return option names that take no value */
  default Set<String> flags() {
    return Set.of();
  }

  /**
   * Runs the verb. Reads every option it accepts from {@code args}, then calls
   * {@link Args#finish()} before doing work.
   *
   * @param args the parsed options
   * @param out where JSON results go
   * @param err where progress, warnings and rejected lines go
   * @return the exit code: 0 on success
   * @throws UsageException for bad arguments (exit code 2 with the usage)
   * @throws Exception for a failure (exit code 1 with its message)
   */
  int run(Args args, PrintStream out, PrintStream err) throws Exception;
}
