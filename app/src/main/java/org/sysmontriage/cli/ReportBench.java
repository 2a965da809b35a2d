package org.sysmontriage.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sysmontriage.attack.AttackCatalog;
import org.sysmontriage.detect.AnalyticLibrary;
import org.sysmontriage.detect.DetectionResult;
import org.sysmontriage.detect.Detector;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.ProgressListener;
import org.sysmontriage.event.TriageException;
import org.sysmontriage.ingest.ImportResult;
import org.sysmontriage.report.LibraryCatalog;
import org.sysmontriage.report.ReportData;
import org.sysmontriage.report.ReportInput;
import org.sysmontriage.report.ReportType;
import org.sysmontriage.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench report [--events N] [--repeat R] PATH...}: imports and scans once (optionally over
 * a synthetic store of N events, as {@code bench detect} builds it), then times each report writer
 * R times, output to a byte counter (no disk).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Time every report writer (html, csv, json, navigator) over the hits of PATHs.")
final class ReportBench implements Callable<Integer> {
  @Option(names = "--events", defaultValue = "0", description = "replicate into a synthetic store of N events (default: the real store)")
  int events;

  @Option(names = "--repeat", defaultValue = "5", description = "runs per writer (default ${DEFAULT-VALUE})")
  int repeat;

  @Mixin
  PathArgs paths;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    ImportResult imported = ImportSupport.importPaths(paths.paths(), spec.commandLine().getErr());
    if (imported.store().size() == 0) {
      throw new TriageException("no events in the given logs: nothing to report");
    }
    EventStore store = events > 0 ? DetectBench.replicate(imported.store(), events) : imported.store();
    AnalyticLibrary lib = AnalyticLibrary.builtIn();
    DetectionResult result = new Detector(lib).run(store, ProgressListener.NONE, new CancellationToken());
    ReportInput in = ReportInput.of(store, result.hits()).withCatalog(new LibraryCatalog(lib, AttackCatalog.builtIn()))
        .withAggregates(result.aggregates());
    out.printf(Locale.ROOT, "%,d events, %,d hits%n", store.size(), result.hits().size());
    for (ReportType type : ReportType.values()) {
      double[] ms = new double[repeat];
      long bytes = 0;
      for (int run = 0; run < repeat; run++) {
        Counter c = new Counter();
        long t0 = System.nanoTime();
        Reports.writer(type).write(ReportData.of(in), c);
        ms[run] = (System.nanoTime() - t0) / 1e6;
        bytes = c.bytes;
      }
      out.printf(Locale.ROOT, "%-9s median %8.1f ms (first run %8.1f ms), %,d bytes%n", type.name().toLowerCase(Locale.ROOT),
          BenchCommand.ImportBench.median(ms), ms[0], bytes);
      out.flush();
    }
    return TriageCommand.OK;
  }

  /** Counts bytes written and drops them. */
  private static final class Counter extends OutputStream {
    long bytes;

    @Override
    public void write(int b) {
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
    }
  }
}
