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
import org.sysmontriage.event.TriageException;
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

  private CaseFile loaded;

  /** True when {@code --case} was given. */
  public boolean given() {
    return caseFile != null;
  }

  /**
   * Reads and checks the case file before any import starts (a regular file within the size
   * limit, valid JSON of the case format); a {@link org.sysmontriage.event.TriageException} says
   * what is wrong. Nothing to do without {@code --case}.
   */
  public void readFirst() {
    if (caseFile != null && loaded == null) {
      loaded = CaseFiles.load(caseFile);
    }
  }

  /** As {@link #readFirst()}; a refusal is printed to {@code err}: returns false then (exit 2). */
  public boolean readFirst(PrintWriter err) {
    try {
      readFirst();
      return true;
    } catch (TriageException e) {
      err.println("sysmon-triage: " + TerminalText.safe(e.getMessage()));
      err.flush();
      return false;
    }
  }

  /** The case file, or null without {@code --case}. Problems of its logs against the store go to {@code err}. */
  public CaseFile load(EventStore store, PrintWriter err) {
    if (caseFile == null) {
      return null;
    }
    readFirst();
    List<SourceProblem> problems = loaded.checkAgainst(store.sources());
    for (SourceProblem p : problems) {
      err.println(TerminalText.safe("sysmon-triage: case " + caseFile + ": " + p.message()));
    }
    err.flush();
    return loaded;
  }

  /** The hits with the case applied; every hit kept, all new, without {@code --case}. */
  public AppliedCase apply(EventStore store, List<Hit> hits, PrintWriter err) {
    CaseFile c = load(store, err);
    return c == null ? AppliedCase.none(store, hits) : c.apply(store, hits);
  }
}
