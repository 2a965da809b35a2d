package org.sysmontriage.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.sysmontriage.casefile.AppliedCase;
import org.sysmontriage.casefile.CaseFile;
import org.sysmontriage.casefile.CaseFiles;
import org.sysmontriage.casefile.SourceProblem;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.EventStore;
import picocli.CommandLine.Option;

/**
 * The {@code --case FILE} option of the commands that show hits (a picocli mixin): loads the case,
 * names on stderr every log of the case that changed or was not opened, and applies its allowlist
 * and statuses to the hits.
 */
public final class CaseArgs {
  @Option(names = "--case", paramLabel = "FILE",
      description = "A saved investigation (case file): its allowlist suppresses hits, its statuses, tags and notes show.")
  Path caseFile;

  /** True when {@code --case} was given. */
  public boolean given() {
    return caseFile != null;
  }

  /** The case file, or null without {@code --case}. Problems of its logs against the store go to {@code err}. */
  public CaseFile load(EventStore store, PrintWriter err) {
    if (caseFile == null) {
      return null;
    }
    CaseFile c = CaseFiles.load(caseFile);
    List<SourceProblem> problems = c.checkAgainst(store.sources());
    for (SourceProblem p : problems) {
      err.println("sysmon-triage: case " + caseFile + ": " + p.message());
    }
    err.flush();
    return c;
  }

  /** The hits with the case applied; every hit kept, all new, without {@code --case}. */
  public AppliedCase apply(EventStore store, List<Hit> hits, PrintWriter err) {
    CaseFile c = load(store, err);
    return c == null ? AppliedCase.none(store, hits) : c.apply(store, hits);
  }
}
