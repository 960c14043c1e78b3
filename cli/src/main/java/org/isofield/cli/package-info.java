/**
 * The {@code isofield} command (picocli). Each subcommand is thin: parse, load the config, call one library entry
 * point, report. {@link org.isofield.cli.IsofieldCommand#newCommandLine()} builds the whole command tree with its
 * error handling and exit codes; tests call it directly, never the launcher.
 */
package org.isofield.cli;
