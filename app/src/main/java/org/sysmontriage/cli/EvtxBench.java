package org.sysmontriage.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sysmontriage.event.TriageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bench evtx [--repeat N] [--xmx 512m] FILE}: our {@code stats --format jsonl FILE} in a
 * fresh JVM per run (as a user runs it: startup, JIT warm-up, hashing, store) against libevtx's
 * {@code evtxexport -f xml FILE > /dev/null}, alternating, side by side; medians and their ratio.
 */
@Command(name = "evtx", mixinStandardHelpOptions = true,
    description = "Time 'stats --format jsonl FILE' (fresh JVM per run) against 'evtxexport -f xml FILE', alternating; print medians, ratio, store bytes per event.")
final class EvtxBench implements Callable<Integer> {
  private static final Pattern SUMMARY = Pattern.compile("\"summary\":true,\"events\":(\\d+),\"store_bytes\":(\\d+)");

  @Option(names = "--repeat", defaultValue = "5", description = "rounds (default ${DEFAULT-VALUE})")
  int repeat;

  @Option(names = "--xmx", defaultValue = "512m", description = "heap of our JVM (default ${DEFAULT-VALUE})")
  String xmx;

  @Option(names = "--evtxexport", defaultValue = "evtxexport", description = "libevtx's evtxexport (default ${DEFAULT-VALUE})")
  String evtxexport;

  @Parameters(arity = "1", paramLabel = "FILE", description = "an .evtx file")
  Path file;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    List<String> ours = BenchCommand.ownCli(xmx);
    ours.addAll(List.of("stats", "--format", "jsonl", file.toString()));
    List<String> theirs = List.of(evtxexport, "-f", "xml", file.toString());
    double[] oursSeconds = new double[repeat];
    double[] theirSeconds = new double[repeat];
    String summary = "";
    for (int r = 0; r < repeat; r++) {
      long t0 = System.nanoTime();
      summary = run(ours, true);
      oursSeconds[r] = (System.nanoTime() - t0) / 1e9;
      t0 = System.nanoTime();
      run(theirs, false);
      theirSeconds[r] = (System.nanoTime() - t0) / 1e9;
      out.printf(Locale.ROOT, "round %d: stats %.3f s, evtxexport %.3f s, ratio %.1fx%n", r + 1, oursSeconds[r], theirSeconds[r],
          theirSeconds[r] / oursSeconds[r]);
      out.flush();
    }
    double a = BenchCommand.ImportBench.median(oursSeconds);
    double b = BenchCommand.ImportBench.median(theirSeconds);
    out.printf(Locale.ROOT, "median: stats %.3f s, evtxexport %.3f s: %s%n", a, b, a <= b
        ? String.format(Locale.ROOT, "stats is %.1fx faster", b / a)
        : String.format(Locale.ROOT, "stats takes %.1fx evtxexport's time (a small file is mostly JVM start)", a / b));
    Matcher m = SUMMARY.matcher(summary);
    if (m.find()) {
      long events = Long.parseLong(m.group(1));
      long bytes = Long.parseLong(m.group(2));
      out.printf(Locale.ROOT, "events %d, store %.1f MB, %.0f bytes/event (-Xmx%s)%n", events, bytes / 1e6,
          events == 0 ? 0.0 : (double) bytes / events, xmx);
    }
    return TriageCommand.OK;
  }

  /** Runs a command to completion; returns its standard output when {@code keep}, else discards it. */
  private static String run(List<String> command, boolean keep) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    if (!keep) {
      pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    }
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new TriageException("cannot run " + command.get(0) + " (for evtxexport: apt-get install libevtx-utils)", e);
    }
    String text = "";
    if (keep) {
      try (InputStream in = p.getInputStream()) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    int code = p.waitFor();
    if (code > 1) {
      throw new TriageException(String.join(" ", command) + " failed with exit code " + code);
    }
    return text;
  }
}
