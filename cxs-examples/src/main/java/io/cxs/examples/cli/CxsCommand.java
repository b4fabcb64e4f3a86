package io.cxs.examples.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code cxs} command line: {@code java -jar cxs.jar <command> [options]}. Exit codes: 0 on
 * success (a file whose lines were partly rejected still counts as read), 1 when the work failed,
 * 2 for bad arguments.
 */
public final class CxsCommand {
  private final Map<String, Subcommand> commands = new LinkedHashMap<>();

  CxsCommand(List<Subcommand> subcommands) {
    for (Subcommand c : subcommands) {
      commands.put(c.name(), c);
    }
  }

  /** @return the command line with every built-in verb */
  static CxsCommand standard() {
    return new CxsCommand(List.of(
        new DemoCommand(),
        new ProfileCommand(),
        new KpiCommand(),
        new FunnelCommand(),
        new PathsCommand(),
        new JourneyCommand(),
        new ClvCommand(),
        new RetentionCommand(),
        new SimulateCommand()));
  }

  /**
   * Entry point.
   *
   * @param args the verb and its options
   */
  public static void main(String[] args) {
    int code = standard().run(args, System.out, System.err);
    System.out.flush();
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Runs a verb.
   *
   * @param args the verb and its options
   * @param out standard output
   * @param err standard error
   * @return the exit code
   */
  int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
      usage(err);
      return args.length == 0 ? 2 : 0;
    }
    Subcommand c = commands.get(args[0]);
    if (c == null) {
      err.println("cxs: unknown command '" + args[0] + "'");
      usage(err);
      return 2;
    }
    try {
      Args parsed = new Args(Arrays.asList(args).subList(1, args.length), c.flags());
      return c.run(parsed, out, err);
    } catch (UsageException e) {
      err.println("cxs " + c.name() + ": " + e.getMessage());
      err.println("usage: cxs " + c.usage());
      return 2;
    } catch (Exception e) {
      err.println("cxs " + c.name() + ": " + e.getMessage());
      return 1;
    }
  }

  private void usage(PrintStream err) {
    err.println("usage: cxs <command> [options]");
    for (Subcommand c : commands.values()) {
      err.println("  cxs " + c.usage());
    }
  }
}
