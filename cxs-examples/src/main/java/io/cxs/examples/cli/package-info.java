/**
 * The {@code cxs} command line: {@link io.cxs.examples.cli.CxsCommand} dispatches to one
 * {@link io.cxs.examples.cli.Subcommand} per verb. Machine-readable output is JSON on stdout;
 * progress, warnings and rejected lines go to stderr.
 */
package io.cxs.examples.cli;
