package org.sysmontriage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sysmontriage.event.TriageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bench scan [--repeat N] [--rules DIR]... FILE...}: {@code scan --format jsonl} (import,
 * every analytic, hits written) against {@code stats --format jsonl} (import only) on the same logs,
 * each in a fresh JVM as a user runs them, alternating; medians and their ratio, in wall time and in CPU
 * time of each process (Linux: {@code /proc/self/stat} of the bench; "NaN" elsewhere).
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
    description = "Time 'scan --format jsonl [--rules DIR] FILE' against 'stats --format jsonl FILE' (fresh JVM per run), alternating; print medians and the ratio.")
final class ScanBench implements Callable<Integer> {
  @Option(names = "--repeat", defaultValue = "3", description = "rounds (default ${DEFAULT-VALUE})")
  int repeat;

  @Option(names = "--xmx", defaultValue = "2g", description = "heap of each JVM (default ${DEFAULT-VALUE})")
  String xmx;

  @Option(names = "--rules", paramLabel = "DIR_OR_FILE", description = "Extra rule files or folders for scan (e.g. ../shared/sigma/rules/windows); repeatable.")
  List<Path> rules = List.of();

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "logs")
  List<Path> files;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    List<String> stats = command("stats");
    List<String> scan = command("scan");
    rules.forEach(r -> {
      scan.add(scan.size() - files.size(), "--rules");
      scan.add(scan.size() - files.size(), r.toString());
    });
    double[] a = new double[repeat];
    double[] b = new double[repeat];
    double[] ca = new double[repeat];
    double[] cb = new double[repeat];
    for (int r = 0; r < repeat; r++) {
      double c0 = BenchCommand.endedChildrenCpuSeconds();
      a[r] = timed(stats);
      double c1 = BenchCommand.endedChildrenCpuSeconds();
      b[r] = timed(scan);
      ca[r] = c1 - c0;
      cb[r] = BenchCommand.endedChildrenCpuSeconds() - c1;
      out.printf(Locale.ROOT, "round %d: stats %.3f s (%.2f s CPU), scan %.3f s (%.2f s CPU), ratio %.2fx (CPU %.2fx)%n",
          r + 1, a[r], ca[r], b[r], cb[r], b[r] / a[r], cb[r] / ca[r]);
      out.flush();
    }
    double ma = BenchCommand.ImportBench.median(a);
    double mb = BenchCommand.ImportBench.median(b);
    double mca = BenchCommand.ImportBench.median(ca);
    double mcb = BenchCommand.ImportBench.median(cb);
    out.printf(Locale.ROOT, "median: stats %.3f s, scan %.3f s: scan takes %.2fx the time of stats; CPU (JIT and GC threads"
        + " included) stats %.2f s, scan %.2f s: %.2fx; load average %.1f%n", ma, mb, mb / ma, mca, mcb, mcb / mca,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    return TriageCommand.OK;
  }

  private List<String> command(String name) {
    List<String> cmd = BenchCommand.ownCli(xmx);
    cmd.addAll(List.of(name, "--format", "jsonl"));
    files.forEach(f -> cmd.add(f.toString()));
    return cmd;
  }

  private static double timed(List<String> cmd) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    int code = p.waitFor();
    if (code > 1) {
      throw new TriageException(String.join(" ", cmd) + " failed with exit code " + code);
    }
    return (System.nanoTime() - t0) / 1e9;
  }
}
