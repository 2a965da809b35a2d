package org.sysmontriage.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sysmontriage.detect.AnalyticLibrary;
import org.sysmontriage.detect.DetectionResult;
import org.sysmontriage.detect.Detector;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventReplicas;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.ProgressListener;
import org.sysmontriage.event.TriageException;
import org.sysmontriage.ingest.ImportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench detect [--events N] [--repeat R] [--rules DIR]... PATH...}: imports the logs and
 * replicates their events into a store of N events in which every copy has its own values (paths
 * get a per-copy folder after the drive, other values longer than 8 characters a per-copy suffix;
 * short values such as hex masks and numbers repeat, as they do in real logs), so the per-value
 * caches answer only what they would answer on a real capture; prints the distinct-value ratio,
 * then times every analytic over it R times. {@code --events 0} uses the imported events as they are.
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
    description = "Time all analytics over N events built from the events of PATHs, each copy with its own values "
        + "(the distinct-value ratio is printed); --events 0 uses the logs as they are.")
final class DetectBench implements Callable<Integer> {
  @Option(names = "--events", defaultValue = "1000000", description = "events in the store (default ${DEFAULT-VALUE}; 0: the logs as they are)")
  int events;

  @Option(names = "--rules", paramLabel = "DIR_OR_FILE", description = "Extra Sigma rule files or folders (e.g. ../shared/sigma/rules/windows); repeatable.")
  List<java.nio.file.Path> rules = List.of();

  @Option(names = "--repeat", defaultValue = "5", description = "runs (default ${DEFAULT-VALUE})")
  int repeat;

  @Option(names = "--no-prefilter", description = "test every rule on every event of its EventIDs (no literal prefilter; same hits, for comparison)")
  boolean noPrefilter;

  @Mixin
  PathArgs paths;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ImportResult imported = ImportSupport.importPaths(paths.paths(), spec.commandLine().getErr());
    if (imported.store().size() == 0) {
      throw new TriageException("no events in the given logs: nothing to replicate");
    }
    EventStore store = events == 0 ? imported.store() : replicate(imported.store(), events);
    long l0 = System.nanoTime();
    AnalyticLibrary library = rules.isEmpty() ? AnalyticLibrary.builtIn() : AnalyticLibrary.load(rules);
    double loadSeconds = (System.nanoTime() - l0) / 1e9;
    Detector detector = new Detector(library, !noPrefilter);
    long fieldValues = 0;
    for (int e = 0; e < store.size(); e++) {
      fieldValues += store.fieldCount(e);
    }
    out.printf(Locale.ROOT, "store: %,d events (%s %,d real ones), %,d field values, %,d distinct values: distinct-value ratio %.3f%n",
        store.size(), events == 0 ? "the" : "copies of", imported.store().size(), fieldValues, store.valueCount(),
        fieldValues == 0 ? 0.0 : (double) store.valueCount() / fieldValues);
    out.printf(Locale.ROOT, "library: %,d analytics (%d rule errors), loaded and compiled in %.3f s; %d cores; literal prefilter %s%n",
        library.analytics().size(), library.errors().size(), loadSeconds, Runtime.getRuntime().availableProcessors(),
        noPrefilter ? "off" : "on");
    double[] seconds = new double[repeat];
    double[] cpu = new double[repeat];
    for (int run = 0; run < repeat; run++) {
      long c0 = processCpuNanos();
      long t0 = System.nanoTime();
      DetectionResult result = detector.run(store, ProgressListener.NONE, new CancellationToken());
      seconds[run] = (System.nanoTime() - t0) / 1e9;
      cpu[run] = (processCpuNanos() - c0) / 1e9;
      out.printf(Locale.ROOT, "run %d: %.3f s wall, %.3f s CPU (all threads), %,.0f events/s, %,d hits%n", run + 1, seconds[run],
          cpu[run], store.size() / seconds[run], result.hits().size());
      out.flush();
    }
    double median = BenchCommand.ImportBench.median(seconds);
    out.printf(Locale.ROOT, "median: %.3f s wall, %.3f s CPU for %,d events (%,.0f events/s); load average %.1f%n", median,
        BenchCommand.ImportBench.median(cpu), store.size(), store.size() / median,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    return TriageCommand.OK;
  }

  /** CPU time of this process (all threads, JIT and GC included), or 0 when the JVM cannot tell. */
  static long processCpuNanos() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  /** The value for copy {@code copy}: a folder after the first backslash, else a suffix; short values repeat. */
  static String distinct(String value, int copy) {
    int slash = value.indexOf('\\');
    if (slash >= 0) {
      return value.substring(0, slash + 1) + "c" + copy + value.substring(slash);
    }
    return value.length() > 8 ? value + " c" + copy : value;
  }

  static EventStore replicate(EventStore real, int n) {
    return EventReplicas.replicate(real, n, new CancellationToken(), (name, value, copy, ticks) -> distinct(value, copy));
  }
}
