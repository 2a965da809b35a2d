package org.sysmontriage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.SourceInfo;
import org.sysmontriage.event.TriageException;
import org.sysmontriage.ingest.ImportOptions;
import org.sysmontriage.ingest.ImportProgress;
import org.sysmontriage.ingest.ImportResult;
import org.sysmontriage.ingest.Importer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Benchmarks: {@code bench import [--repeat N] PATH...} times whole imports into the store. */
@Command(
    name = "bench",
    description = "Measure import speed and memory.",
    mixinStandardHelpOptions = true,
    subcommands = {BenchCommand.ImportBench.class, DetectBench.class, RulesBench.class, ScanBench.class, IncidentsBench.class, ReportBench.class,
        EvtxBench.class, UiBench.class, ReplicateBench.class, RegexBench.class})
public final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * CPU seconds (user + system) of this process's children that have ended, from {@code /proc/self/stat}
   * (Linux; Java reaps the children it starts), or NaN where that is not available. The difference
   * around one child's run is that child's CPU time, JIT and GC threads included.
   */
  static double endedChildrenCpuSeconds() {
    try {
      String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0; // cutime, cstime in clock ticks (USER_HZ 100)
    } catch (java.io.IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /**
   * The command line that runs this tool's CLI in a fresh JVM, as a user runs it (same Java, same classpath),
   * with heap {@code xmx} and the JVM options given; the caller appends the subcommand and its arguments.
   */
  static java.util.List<String> ownCli(String xmx, String... jvmOptions) {
    java.util.List<String> cmd = new java.util.ArrayList<>();
    cmd.add(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + xmx);
    cmd.addAll(java.util.List.of(jvmOptions));
    cmd.addAll(java.util.List.of("-cp", System.getProperty("java.class.path"), "org.sysmontriage.Main"));
    return cmd;
  }

  /** Imports the paths N times; prints wall time, events/s, MB/s per run, the medians and heap used. */
  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Import PATHs into a fresh store N times; print per-run wall time, events/s, MB/s, medians and heap after import.")
  static final class ImportBench implements Callable<Integer> {
    @Option(names = "--repeat", defaultValue = "5", description = "runs (default ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--threads", description = "import threads (default: cores)")
    Integer threads;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "log files or archives (sizes are summed for MB/s)")
    List<Path> paths;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      if (repeat < 1) {
        throw new TriageException("--repeat must be at least 1");
      }
      PrintWriter out = spec.commandLine().getOut();
      long bytes = totalBytes(paths);
      double[] seconds = new double[repeat];
      double[] cpu = new double[repeat];
      EventStore store = null;
      for (int run = 0; run < repeat; run++) {
        store = null;
        long c0 = DetectBench.processCpuNanos();
        long t0 = System.nanoTime();
        store = importAll();
        seconds[run] = (System.nanoTime() - t0) / 1e9;
        cpu[run] = (DetectBench.processCpuNanos() - c0) / 1e9;
        out.printf(Locale.ROOT, "run %d: %.3f s wall, %.3f s cpu, %d events, %.0f events/s, %.1f MB/s%n", run + 1, seconds[run],
            cpu[run], store.size(), store.size() / seconds[run], bytes / 1e6 / seconds[run]);
        out.flush();
      }
      double median = median(seconds);
      out.printf(Locale.ROOT, "median: %.3f s wall, %.3f s cpu, %.0f events/s, %.1f MB/s (%d events, %.1f MB in %d file(s); load %.1f)%n",
          median, median(cpu), store.size() / median, bytes / 1e6 / median, store.size(), bytes / 1e6, paths.size(),
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      out.printf(Locale.ROOT, "heap used after import: %.1f MB (store estimate %.1f MB, %.0f bytes/event; max heap %.0f MB)%n",
          heapUsedMb(), store.bytesUsed() / 1e6, store.size() == 0 ? 0.0 : (double) store.bytesUsed() / store.size(),
          Runtime.getRuntime().maxMemory() / 1e6);
      return TriageCommand.OK;
    }

    /** One import exactly as {@code stats} and the GUI do it (sniffing, archives, hashing, readers). */
    private EventStore importAll() {
      ImportOptions options = threads == null ? ImportOptions.defaults() : ImportOptions.defaults().withThreads(threads);
      ImportResult r = new Importer(options).run(paths.stream().map(Path::toString).toList(), ImportProgress.NONE, new CancellationToken());
      if (r.damaged()) {
        for (SourceInfo s : r.sources()) {
          if (s.skipped() > 0 || !s.issues().isEmpty()) {
            spec.commandLine().getErr().println(s.source() + ": " + s.skipped() + " records skipped, " + s.issues().size() + " issues");
          }
        }
      }
      return r.store();
    }

    private static long totalBytes(List<Path> paths) throws IOException {
      long sum = 0;
      for (Path p : paths) {
        if (!Files.isRegularFile(p)) {
          throw new TriageException("not a file: " + p);
        }
        sum += Files.size(p);
      }
      return sum;
    }

    private static double heapUsedMb() {
      Runtime rt = Runtime.getRuntime();
      for (int i = 0; i < 3; i++) {
        System.gc();
      }
      return (rt.totalMemory() - rt.freeMemory()) / 1e6;
    }

    static double median(double[] values) {
      double[] v = values.clone();
      Arrays.sort(v);
      int n = v.length;
      return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
  }
}
