package org.sysmontriage.cli;

import java.io.PrintWriter;
import java.util.List;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.ImportIssue;
import org.sysmontriage.event.SourceInfo;
import org.sysmontriage.ingest.ImportProgress;
import org.sysmontriage.ingest.ImportResult;
import org.sysmontriage.ingest.Importer;

/**
 * What every command that reads logs shares: import the PATHs exactly as the GUI would, show a
 * progress bar on stderr only when it is a terminal, print each issue to stderr as
 * {@code SOURCE: WHERE: MESSAGE}, and map the result to the exit code (0 all read, 1 damaged).
 */
public final class ImportSupport {
  private ImportSupport() {}

  /** Imports {@code paths}; issues go to {@code err}. Never throws for bad input. */
  public static ImportResult importPaths(List<String> paths, PrintWriter err) {
    return importPaths(paths, err, () -> {});
  }

  /** As {@link #importPaths(List, PrintWriter)}, running {@code beforeIssues} after the import, before its issues are printed. */
  static ImportResult importPaths(List<String> paths, PrintWriter err, Runnable beforeIssues) {
    boolean terminal = System.console() != null;
    ProgressBar bar = terminal ? new ProgressBar(err) : null;
    ImportProgress progress = bar == null ? ImportProgress.NONE : bar;
    ImportResult result;
    try {
      result = new Importer().run(paths, progress, new CancellationToken());
    } finally { // out of memory goes up to TriageCommand.run: one line, exit 2
      if (bar != null) {
        bar.clear();
      }
    }
    beforeIssues.run();
    printIssues(result, err);
    if (result.sources().stream().flatMap(s -> s.issues().stream()).anyMatch(i -> Importer.OUT_OF_MEMORY_ISSUE.equals(i.message()))) {
      // A log read only in part for want of memory: no command may go on as if it were whole (a report
      // of "0 hits" would be a false all-clear). The one out-of-memory line, exit 2, nothing written.
      throw new OutOfMemoryError("a log could not be read whole");
    }
    if (result.sources().stream().allMatch(s -> s.format().equals(Importer.NOT_A_LOG))) {
      err.println("note: no log found in " + TerminalText.safe(String.join(", ", paths)) + " (" + result.sources().size()
          + (result.sources().size() == 1 ? " other file; " : " other files; ") + "Sysmon Triage reads EVTX, XML and JSON logs and zip, tar.gz, tar or gz archives of them)");
      err.flush();
    }
    return result;
  }

  /** Every located issue, one line each: {@code SOURCE: WHERE: MESSAGE}. */
  public static void printIssues(ImportResult result, PrintWriter err) {
    for (SourceInfo s : result.sources()) {
      for (ImportIssue issue : s.issues()) {
        err.println(TerminalText.safe(issue.toString()));
      }
    }
    err.flush();
  }

  /** {@link TriageCommand#OK} when every input was read whole, else {@link TriageCommand#PARTIAL}. */
  public static int exitCode(ImportResult result) {
    return result.damaged() ? TriageCommand.PARTIAL : TriageCommand.OK;
  }
}
