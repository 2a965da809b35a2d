package org.sysmontriage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sysmontriage.casefile.AppliedCase;
import org.sysmontriage.casefile.CaseFile;
import org.sysmontriage.detect.AnalyticLibrary;
import org.sysmontriage.detect.DetectionResult;
import org.sysmontriage.detect.Detector;
import org.sysmontriage.detect.RuleError;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.ProgressListener;
import org.sysmontriage.event.Times;
import org.sysmontriage.incident.ClockSkew;
import org.sysmontriage.incident.Incident;
import org.sysmontriage.incident.IncidentEngine;
import org.sysmontriage.incident.IncidentOptions;
import org.sysmontriage.incident.IncidentResult;
import org.sysmontriage.ingest.ImportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code incidents [--format table|jsonl|csv] [--window SECONDS] [--apply-skew] [--min-score N] [--case FILE] PATH...}.
 * With {@code --case}, the case's allowlist, confirmed clock corrections and incident verdicts apply.
 */
@Command(
    name = "incidents",
    mixinStandardHelpOptions = true,
    description = "Load logs, run the analytics and tie their hits into incidents (one credential theft each: "
        + "steps, outcome dump|read|attempt, score with its formula), highest score first. "
        + "Exit 0 all read, 1 some input damaged or a rule file has errors, 2 usage.")
public final class IncidentsCommand implements Callable<Integer> {
  enum Format { table, jsonl, csv }

  @Option(names = "--format", defaultValue = "table", paramLabel = "table|jsonl|csv", description = "Output: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--rules", paramLabel = "DIR_OR_FILE", description = "Extra Sigma rule files or folders (.yml/.yaml, read recursively); repeatable. "
      + "Their Sigma correlation rules tie the hits of each finding into one incident.")
  List<Path> rules = List.of();

  @Option(names = "--window", defaultValue = "600", paramLabel = "SECONDS",
      description = "How close in time hits must be for a shared process id, logon id, user, LSASS target or dump file name to tie them (default ${DEFAULT-VALUE}).")
  long windowSeconds;

  @Option(names = "--apply-skew", description = "Apply the clock skews found (Security 4688 against Sysmon EID 1 of the same process); without it they are only reported.")
  boolean applySkew;

  @Option(names = "--min-score", defaultValue = "0", paramLabel = "N", description = "Only incidents with score >= N (0-100).")
  int minScore;

  @Mixin
  CaseArgs caseArgs;

  @Mixin
  PathArgs paths;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (windowSeconds < 0 || windowSeconds > 366L * 86_400) {
      throw new ParameterException(spec.commandLine(), "--window must be 0 to 31622400 seconds (one year), not " + windowSeconds);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AnalyticLibrary library = rules.isEmpty() ? AnalyticLibrary.builtIn() : AnalyticLibrary.load(rules);
    library.errors().forEach(e -> err.println(e));
    ImportResult imported = ImportSupport.importPaths(paths.paths(), err);
    DetectionResult detected = new Detector(library).run(imported.store(), ProgressListener.NONE, new CancellationToken());
    CaseFile caseFile = caseArgs.load(imported.store(), err);
    AppliedCase applied = caseFile == null ? AppliedCase.none(imported.store(), detected.hits()) : caseFile.apply(imported.store(), detected.hits());
    IncidentOptions options = new IncidentOptions(windowSeconds * Times.TICKS_PER_SECOND, List.of(), library);
    IncidentResult result = new IncidentEngine(options).run(imported.store(), applied.kept(), new CancellationToken());
    List<ClockSkew> skews = applySkew || caseFile == null ? result.detectedSkews() : caseFile.confirmedSkews(result.detectedSkews());
    if ((applySkew || caseFile != null) && !skews.isEmpty()) {
      result = new IncidentEngine(options.withSkews(skews)).run(imported.store(), applied.kept(), new CancellationToken());
    }
    reportSkews(result, err);
    List<Incident> shown = result.incidents().stream().filter(i -> i.score().value() >= minScore).toList();
    switch (format) {
      case jsonl -> IncidentWriters.jsonl(out, shown);
      case csv -> IncidentWriters.csv(out, shown);
      case table -> IncidentWriters.table(out, result, shown, caseFile == null ? null : i -> caseFile.incidentTriage(i).status().label());
    }
    out.flush();
    err.flush();
    int code = ImportSupport.exitCode(imported);
    return library.errors().isEmpty() ? code : TriageCommand.PARTIAL;
  }

  private void reportSkews(IncidentResult result, PrintWriter err) {
    for (ClockSkew s : result.detectedSkews()) {
      boolean applied = result.options().appliedSkews().stream().anyMatch(a -> a.clock().equals(s.clock()));
      err.println(TerminalText.safe("note: clock skew: " + s.describe() + (applied ? "; applied (raw times kept in the table)"
          : "; not applied, --apply-skew applies it (or confirm it in the GUI's case)")));
    }
    err.flush();
  }
}
