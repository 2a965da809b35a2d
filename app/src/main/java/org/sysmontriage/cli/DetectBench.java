package org.sysmontriage.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sysmontriage.detect.AnalyticLibrary;
import org.sysmontriage.detect.DetectionResult;
import org.sysmontriage.detect.Detector;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.EventStoreBuilder;
import org.sysmontriage.event.ProgressListener;
import org.sysmontriage.event.TriageException;
import org.sysmontriage.ingest.ImportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench detect [--events N] [--repeat R] PATH...}: imports the logs, replicates their events
 * into a synthetic store of N events (each copy with its own UtcTime, ProcessId and record id, so
 * the dictionaries grow as in a real capture), then times every analytic over it R times.
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
    description = "Time all analytics over a synthetic store of N events built from the events of PATHs.")
final class DetectBench implements Callable<Integer> {
  @Option(names = "--events", defaultValue = "1000000", description = "events in the synthetic store (default ${DEFAULT-VALUE})")
  int events;

  @Option(names = "--repeat", defaultValue = "5", description = "runs (default ${DEFAULT-VALUE})")
  int repeat;

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
    EventStore store = replicate(imported.store(), events);
    Detector detector = new Detector(AnalyticLibrary.builtIn());
    out.printf(Locale.ROOT, "synthetic store: %,d events from %,d real ones, %,d distinct values, %d analytics, %d cores%n",
        store.size(), imported.store().size(), store.valueCount(), AnalyticLibrary.builtIn().analytics().size(),
        Runtime.getRuntime().availableProcessors());
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

  static EventStore replicate(EventStore real, int n) {
    EventStoreBuilder b = new EventStoreBuilder();
    int src = b.addSource("synthetic");
    EventDraft d = new EventDraft();
    for (int i = 0; i < n; i++) {
      int e = i % real.size();
      int copy = i / real.size();
      d.clear();
      d.eventId = real.eventId(e);
      d.ticks = real.ticks(e) + copy * 10_000L;
      d.computer = real.computer(e);
      d.channel = real.channel(e);
      d.provider = real.provider(e);
      d.recordId = i;
      for (int k = 0, m = real.fieldCount(e); k < m; k++) {
        String name = real.fieldName(e, k);
        String value = real.fieldValue(e, k);
        if (copy > 0 && (name.equals("UtcTime") || name.equals("ProcessId"))) {
          value = value + "." + copy;
        }
        d.field(name, value);
      }
      b.accept(d, src);
    }
    return b.freeze();
  }
}
