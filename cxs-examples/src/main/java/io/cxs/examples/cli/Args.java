package io.cxs.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parsed {@code --name value} options and {@code --flag} switches of one subcommand. Each
 * subcommand reads what it accepts; {@link #finish()} then rejects anything left unread.
 */
final class Args {
  private final Map<String, String> values = new LinkedHashMap<>();
  private final Set<String> read = new HashSet<>();

  /**
   * @param args the arguments after the subcommand name
   * @param flags the option names that take no value
   * @throws UsageException for a positional argument, a repeated option, or a missing value
   */
  Args(List<String> args, Set<String> flags) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!a.startsWith("--") || a.length() == 2) {
        throw new UsageException("unexpected argument '" + a + "'");
      }
      String name = a.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq > 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (flags.contains(name)) {
        value = "true";
      } else {
        if (i + 1 >= args.size()) {
          throw new UsageException("option --" + name + " needs a value");
        }
        value = args.get(++i);
      }
      if (values.put(name, value) != null) {
        throw new UsageException("option --" + name + " was given twice");
      }
    }
  }

  Optional<String> optional(String name) {
    read.add(name);
    return Optional.ofNullable(values.get(name));
  }

  String required(String name) {
    return optional(name).orElseThrow(() -> new UsageException("option --" + name + " is required"));
  }

  boolean flag(String name) {
    return optional(name).isPresent();
  }

  int intOption(String name, int defaultValue) {
    Optional<String> v = optional(name);
    if (v.isEmpty()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(v.get());
    } catch (NumberFormatException e) {
      throw new UsageException("option --" + name + " must be a whole number but was '" + v.get() + "'");
    }
  }

  double doubleOption(String name, double defaultValue) {
    Optional<String> v = optional(name);
    if (v.isEmpty()) {
      return defaultValue;
    }
    try {
      return Double.parseDouble(v.get());
    } catch (NumberFormatException e) {
      throw new UsageException("option --" + name + " must be a number but was '" + v.get() + "'");
    }
  }

  /** @return the path of an existing, readable file given by a required option */
  Path existingFile(String name) {
    Path p = Path.of(required(name));
    if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
      throw new UsageException("option --" + name + ": no readable file '" + p + "'");
    }
    return p;
  }

  /** @throws UsageException if an option was given that the subcommand did not read */
  void finish() {
    for (String name : values.keySet()) {
      if (!read.contains(name)) {
        throw new UsageException("unknown option --" + name);
      }
    }
  }
}
