package org.sysmontriage.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sysmontriage.detect.AnalyticLibrary;
import org.sysmontriage.detect.Detector;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventReplicas;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.ProgressListener;
import org.sysmontriage.event.Times;
import org.sysmontriage.event.TriageException;
import org.sysmontriage.incident.IncidentEngine;
import org.sysmontriage.incident.IncidentOptions;
import org.sysmontriage.incident.IncidentResult;
import org.sysmontriage.ingest.ImportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench incidents [--events N] [--per-host K] [--repeat R] PATH...}: replicates the logs'
 * events into N events whose copies have their own values (as {@code bench detect}: paths a
 * per-copy folder, long values such as process GUIDs, users and hashes a suffix; pids and logon
 * ids repeat), K copies per host (copy {@code k} on host {@code <computer>-h<k / K>}, the copies of
 * one host an hour apart), runs the analytics once (the reference) and then the incident engine R
 * times over the hits: hits per second, median, and the ratio to detection.
 */
@Command(name = "incidents", mixinStandardHelpOptions = true,
    description = "Time the incident engine over the hits of N events built from PATHs (each copy with its own values, "
        + "K copies per host an hour apart); detection is timed once beside it.")
final class IncidentsBench implements Callable<Integer> {
  private static final long HOUR = 3600 * Times.TICKS_PER_SECOND;

  @Option(names = "--events", defaultValue = "200000", description = "events in the store (default ${DEFAULT-VALUE}; 0: the logs as they are)")
  int events;

  @Option(names = "--per-host", defaultValue = "1", paramLabel = "K",
      description = "copies of the logs on one host, an hour apart (default ${DEFAULT-VALUE}: every copy its own host)")
  int perHost;

  @Option(names = "--repeat", defaultValue = "5", description = "runs (default ${DEFAULT-VALUE})")
  int repeat;

  @Mixin
  PathArgs paths;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    if (perHost < 1 || repeat < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--per-host and --repeat must be 1 or more");
    }
    PrintWriter out = spec.commandLine().getOut();
    ImportResult imported = ImportSupport.importPaths(paths.paths(), spec.commandLine().getErr());
    if (imported.store().size() == 0) {
      throw new TriageException("no events in the given logs: nothing to replicate");
    }
    EventStore store = events == 0 ? imported.store() : EventReplicas.replicate(imported.store(), events, new CancellationToken(),
        (name, value, copy, ticks) -> DetectBench.distinct(value, copy), place(perHost));
    long c0 = DetectBench.processCpuNanos();
    long t0 = System.nanoTime();
    List<Hit> hits = new Detector(AnalyticLibrary.builtIn()).run(store, ProgressListener.NONE, new CancellationToken()).hits();
    double detectSeconds = (System.nanoTime() - t0) / 1e9;
    double detectCpu = (DetectBench.processCpuNanos() - c0) / 1e9;
    long hosts = java.util.stream.IntStream.range(0, store.size()).mapToObj(store::computer).distinct().count();
    out.printf(Locale.ROOT, "store: %,d events (%s %,d real ones) on %,d hosts; %,d hits%n", store.size(),
        events == 0 ? "the" : "copies of", imported.store().size(), hosts, hits.size());
    out.printf(Locale.ROOT, "reference, detection once: %.3f s wall, %.3f s CPU (%,.0f events/s)%n", detectSeconds, detectCpu,
        store.size() / detectSeconds);
    double[] seconds = new double[repeat];
    double[] cpu = new double[repeat];
    IncidentEngine engine = new IncidentEngine(IncidentOptions.defaults());
    for (int run = 0; run < repeat; run++) {
      long c = DetectBench.processCpuNanos();
      long t = System.nanoTime();
      IncidentResult r = engine.run(store, hits, new CancellationToken());
      seconds[run] = (System.nanoTime() - t) / 1e9;
      cpu[run] = (DetectBench.processCpuNanos() - c) / 1e9;
      long strong = r.incidents().stream().filter(i -> i.score().value() >= 50).count();
      out.printf(Locale.ROOT, "run %d: %.3f s wall, %.3f s CPU, %,.0f hits/s; %,d incidents (%,d scoring 50 or more), %,d campaigns%n",
          run + 1, seconds[run], cpu[run], hits.size() / seconds[run], r.incidents().size(), strong, r.campaigns().size());
      out.flush();
    }
    double median = BenchCommand.ImportBench.median(seconds);
    double medianCpu = BenchCommand.ImportBench.median(cpu);
    out.printf(Locale.ROOT, "median: %.3f s wall, %.3f s CPU for %,d hits of %,d events (%,.0f hits/s, %,.0f hits per CPU-second, "
        + "%,.0f events/s); incidents / detection = %.2f wall, %.2f CPU; load average %.1f%n",
        median, medianCpu, hits.size(), store.size(), hits.size() / median, hits.size() / Math.max(medianCpu, 1e-3),
        store.size() / median, median / detectSeconds, medianCpu / Math.max(detectCpu, 1e-3),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    return TriageCommand.OK;
  }

  /** Copy {@code k} on host {@code <computer>-h<k / K>}; the copies of one host an hour apart. */
  static EventReplicas.CopyPlace place(int perHost) {
    return new EventReplicas.CopyPlace() {
      @Override
      public String computer(String computer, int copy) {
        int host = copy / perHost;
        return host == 0 ? computer : computer + "-h" + host;
      }

      @Override
      public long ticks(long ticks, int copy) {
        return ticks + (copy % perHost) * HOUR;
      }
    };
  }
}
