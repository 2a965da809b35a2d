package org.sysmontriage.cli;

import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line's root: {@code java -jar sysmon-triage.jar COMMAND ...}. */
@Command(
    name = "sysmon-triage",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Triage exported Windows Sysmon logs for LSASS credential dumping.",
    subcommands = {CommandLine.HelpCommand.class, StatsCommand.class, EventsCommand.class, ScanCommand.class, IncidentsCommand.class, RulesCommand.class, ReportCommand.class, BenchCommand.class})
public final class TriageCommand implements Runnable {
  /** Exit codes of every command. */
  public static final int OK = 0;
  public static final int PARTIAL = 1;
  public static final int USAGE = 2;

  private static final Set<String> ROOT_OPTIONS = Set.of("-h", "--help", "-V", "--version");

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  /** True when the arguments name a subcommand or a root option, false for none or only paths. */
  public static boolean isCommandLine(String[] args) {
    if (args.length == 0) {
      return false;
    }
    return ROOT_OPTIONS.contains(args[0]) || commandLine().getSubcommands().containsKey(args[0])
        || looksLikeAMistypedCommand(args[0]);
  }

  /**
   * {@code stat sample-logs}: a bare word that is no file or folder is a mistyped command (picocli
   * then says "did you mean: stats"), not a path for the GUI.
   */
  private static boolean looksLikeAMistypedCommand(String arg) {
    if (!arg.matches("[a-z][a-z-]*")) {
      return false;
    }
    try {
      return !java.nio.file.Files.exists(java.nio.file.Path.of(arg));
    } catch (java.nio.file.InvalidPathException e) {
      return false;
    }
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new TriageCommand());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExitCodeExceptionMapper(e -> USAGE);
    cl.setExecutionExceptionHandler(new FriendlyErrors());
    return cl;
  }

  public static int run(String... args) {
    return commandLine().execute(args);
  }
}
