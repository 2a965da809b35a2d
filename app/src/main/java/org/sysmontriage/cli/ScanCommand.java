package org.sysmontriage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sysmontriage.casefile.AppliedCase;
import org.sysmontriage.detect.AnalyticLibrary;
import org.sysmontriage.detect.DetectionResult;
import org.sysmontriage.detect.Detector;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.ProgressListener;
import org.sysmontriage.event.TriageException;
import org.sysmontriage.ingest.ImportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code scan [--format table|jsonl|csv] [--rules DIR_OR_FILE ...] [--pack hunt] [--min-risk N] [--case FILE] PATH...}. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = "Load logs, run the built-in analytics (plus --rules) and print every hit in time order. "
        + "Exit 0 all read, 1 some input damaged or a rule file has errors, 2 usage.")
public final class ScanCommand implements Callable<Integer> {
  enum Format { table, jsonl, csv }

  @Option(names = "--format", defaultValue = "table", paramLabel = "table|jsonl|csv", description = "Output: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--min-risk", defaultValue = "0", paramLabel = "N", description = "Only hits with risk >= N (0-100).")
  int minRisk;

  @Mixin
  RuleArgs ruleArgs;

  @Mixin
  CaseArgs caseArgs;

  @Mixin
  PathArgs paths;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    org.sysmontriage.ingest.Importer.warmUpHashing(); // before the rules' loading fills the JIT's queue
    // the rules load on another thread while the logs are read (both are long with SigmaHQ's set)
    RuleArgs.Loading loading = ruleArgs.loadInBackground(spec.commandLine());
    if (!caseArgs.readFirst(err)) {
      RuleArgs.printProblems(loading.get(), err);
      return TriageCommand.USAGE;
    }
    ImportResult imported = ImportSupport.importPaths(paths.paths(), err, () -> RuleArgs.printProblems(loading.get(), err));
    AnalyticLibrary library = loading.get();
    this.library = library;
    DetectionResult result = new Detector(library).run(imported.store(), ProgressListener.NONE, new CancellationToken());
    AppliedCase applied = caseArgs.apply(imported.store(), result.hits(), err);
    if (caseArgs.given() && !library.correlations().isEmpty()) { // correlations of the hits the case keeps
      result = new DetectionResult(result.hits(), result.aggregates(), result.rollup(),
          Detector.correlate(library, imported.store(), applied.kept()));
    }
    try (HitWriter w = writer(out)) {
      for (Hit h : applied.kept()) {
        if (h.risk() >= minRisk) {
          w.write(imported.store(), h, caseArgs.given() ? applied.triage(h) : null);
        }
      }
      w.finish(imported.store(), result);
    }
    if (caseArgs.given()) {
      err.println("sysmon-triage: " + applied.suppressedCount() + " hit(s) suppressed by the case's allowlist");
    }
    out.flush();
    err.flush();
    int code = ImportSupport.exitCode(imported);
    return library.errors().isEmpty() ? code : TriageCommand.PARTIAL;
  }

  private AnalyticLibrary library;


  private HitWriter writer(PrintWriter out) throws IOException {
    return switch (format) {
      case jsonl -> new HitJsonlWriter(out, library::author);
      case csv -> new HitCsvWriter(out, caseArgs.given(), library::author);
      case table -> new HitTableWriter(out, library::author);
    };
  }
}
