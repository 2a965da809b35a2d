package org.sysmontriage.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sysmontriage.attack.AttackCatalog;
import org.sysmontriage.casefile.CaseFile;
import org.sysmontriage.casefile.EvidenceGuard;
import org.sysmontriage.detect.AnalyticLibrary;
import org.sysmontriage.detect.DetectionResult;
import org.sysmontriage.detect.Detector;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.ProgressListener;
import org.sysmontriage.event.TriageException;
import org.sysmontriage.ingest.ImportResult;
import org.sysmontriage.report.LibraryCatalog;
import org.sysmontriage.report.NavigatorScore;
import org.sysmontriage.report.ReportData;
import org.sysmontriage.report.ReportInput;
import org.sysmontriage.report.ReportType;
import org.sysmontriage.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code report --type html|csv|json|navigator --out FILE [--min-risk N] [--case FILE] PATH...}. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Load logs, run the analytics and write a hit report: html (self-contained, printable), csv (one row "
        + "per hit), json (hits and summary), navigator (ATT&CK Navigator layer). Exit 0 all read, 1 some input damaged "
        + "or a rule file has errors, 2 usage or the report file cannot be written (e.g. --out in a folder without "
        + "write permission, disk full).")
public final class ReportCommand implements Callable<Integer> {
  @Option(names = "--type", required = true, paramLabel = "html|csv|json|navigator", description = "Report format.")
  ReportType type;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The report file (replaced atomically).")
  Path out;

  @Option(names = "--min-risk", defaultValue = "0", paramLabel = "N", description = "Only hits with risk >= N (0-100); the rest are counted.")
  int minRisk;

  @Option(names = "--score", defaultValue = "risk", paramLabel = "risk|count",
      description = "Navigator layer: score techniques by maximum risk or by hit count (default ${DEFAULT-VALUE}).")
  NavigatorScore score;

  @Mixin
  RuleArgs ruleArgs;

  @Mixin
  CaseArgs caseArgs;

  @Mixin
  PathArgs paths;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    if (minRisk < 0 || minRisk > 100) {
      throw new ParameterException(spec.commandLine(), "--min-risk must be 0-100, not " + minRisk);
    }
    PrintWriter err = spec.commandLine().getErr();
    AnalyticLibrary library = ruleArgs.library(spec.commandLine());
    RuleArgs.printProblems(library, err);
    if (!caseArgs.readFirst(err)) {
      return TriageCommand.USAGE;
    }
    try {
      EvidenceGuard.ofGiven(paths.paths()).check(out, "--out");
    } catch (TriageException e) {
      return refused(err, e);
    }
    ImportResult imported = ImportSupport.importPaths(paths.paths(), err);
    DetectionResult result = new Detector(library).run(imported.store(), ProgressListener.NONE, new CancellationToken());
    CaseFile c = caseArgs.load(imported.store(), err);
    ReportInput in = ReportInput.of(imported.store(), result.hits()).withSources(imported.sources())
        .withCatalog(new LibraryCatalog(library, AttackCatalog.builtIn())).withCase(c).withMinRisk(minRisk).withAggregates(result.aggregates())
        .withToolVersion(VersionProvider.version()).withScore(score);
    Path folder = out.toAbsolutePath().getParent();
    boolean newFolder = folder != null && !Files.exists(folder);
    ReportData data;
    try {
      data = Reports.write(type, in, out, EvidenceGuard.of(paths.paths(), imported.sources()));
    } catch (TriageException e) {
      return refused(err, e);
    }
    if (newFolder) {
      err.println(TerminalText.safe("sysmon-triage: created the folder " + folder));
    }
    err.println(TerminalText.safe("sysmon-triage: wrote " + out) + ": " + data.rows().size() + " hits" + (c == null ? "" : ", " + data.suppressed()
        + " suppressed by the case's allowlist") + (minRisk > 0 ? ", " + data.belowMinRisk() + " below risk " + minRisk : ""));
    err.flush();
    int code = ImportSupport.exitCode(imported);
    return library.errors().isEmpty() ? code : TriageCommand.PARTIAL;
  }

  private static int refused(PrintWriter err, TriageException e) {
    err.println("sysmon-triage: " + TerminalText.safe(e.getMessage()));
    err.flush();
    return TriageCommand.USAGE;
  }
}
