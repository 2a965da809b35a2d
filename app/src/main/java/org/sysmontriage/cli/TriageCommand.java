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

  /** The one line shown when Java runs out of memory, anywhere (no stack trace). */
  public static final String OUT_OF_MEMORY = "sysmon-triage: out of memory: give Java more memory, e.g. java -Xmx8g -jar "
      + "sysmon-triage.jar ..., or read fewer logs at once (nothing half-written was left: a report file is complete or absent)";

  /**
   * Runs a command line. Out of memory, in this thread or any other, ends with {@link
   * #OUT_OF_MEMORY} and exit code {@link #USAGE} instead of a stack trace; files being written
   * are removed by their writers ({@code AtomicFiles}), so nothing half-written stays.
   */
  public static int run(String... args) {
    reserve = new byte[RESERVE_BYTES];
    Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
      if (e instanceof OutOfMemoryError) {
        outOfMemory();
        exitOutOfMemory();
      } else {
        System.err.println("sysmon-triage: unexpected error in " + t.getName() + ": " + e);
      }
    });
    try {
      return commandLine().execute(args);
    } catch (OutOfMemoryError e) {
      outOfMemory();
      return USAGE;
    }
  }

  /**
   * Ends the process after an out-of-memory error in another thread. Exiting allocates (shutdown hooks remove
   * temporary files); an error thrown out of the handler would make Java print its own line, so nothing leaves
   * it: a second try after the reserve is freed, then a halt.
   */
  private static void exitOutOfMemory() {
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        System.exit(USAGE);
      } catch (Throwable again) { // the heap is still full: try once more, then stop without the hooks
        reserve = null;
      }
    }
    Runtime.getRuntime().halt(USAGE);
  }

  /** Freed when memory runs out, so the out-of-memory line and the exit (shutdown hooks) have room to run. */
  private static final int RESERVE_BYTES = 1 << 20;
  @SuppressWarnings("unused") // held only to be freed
  private static volatile byte[] reserve;

  private static final java.util.concurrent.atomic.AtomicBoolean OOM_SHOWN = new java.util.concurrent.atomic.AtomicBoolean();

  /** Encoded up front: when the heap is exhausted, printing must not need to allocate. */
  private static final byte[] OUT_OF_MEMORY_LINE =
      (OUT_OF_MEMORY + System.lineSeparator()).getBytes(java.nio.charset.StandardCharsets.UTF_8);

  private static void outOfMemory() {
    reserve = null;
    if (OOM_SHOWN.compareAndSet(false, true)) {
      try {
        System.err.write(OUT_OF_MEMORY_LINE, 0, OUT_OF_MEMORY_LINE.length);
        System.err.flush();
      } catch (Throwable ignored) { // nothing more can be said without memory; the exit code still says it
      }
    }
  }
}
