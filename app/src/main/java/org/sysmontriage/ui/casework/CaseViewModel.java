package org.sysmontriage.ui.casework;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.sysmontriage.casefile.AllowEntry;
import org.sysmontriage.casefile.AppliedCase;
import org.sysmontriage.casefile.CaseFile;
import org.sysmontriage.casefile.CaseFiles;
import org.sysmontriage.casefile.EvidenceGuard;
import org.sysmontriage.casefile.HitKey;
import org.sysmontriage.casefile.HitStatus;
import org.sysmontriage.casefile.HitTriage;
import org.sysmontriage.casefile.SourceProblem;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.TriageException;
import org.sysmontriage.ui.hits.HitTable;

/**
 * The analyst's work on the open logs: a status, tags and notes per hit and allowlist entries,
 * saved as a case file (atomically) and opened again with its evidence checked.
 */
public final class CaseViewModel {
  private final ReadOnlyObjectWrapper<CaseFile> caseFile = new ReadOnlyObjectWrapper<>(CaseFile.empty());
  private final ReadOnlyObjectWrapper<Path> path = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private HitTable table = HitTable.empty();
  private EvidenceGuard evidence = EvidenceGuard.NONE;
  private Runnable onChanged = () -> {};

  /** Called after a status, note or allowlist change, so views can repaint. */
  public void onChanged(Runnable r) {
    onChanged = r;
  }

  /** Starts a fresh case for newly opened logs (not opened from a case file). */
  public void startNew() {
    caseFile.set(CaseFile.empty());
    path.set(null);
    dirty.set(false);
    message.set("");
    evidence = EvidenceGuard.NONE;
  }

  /**
   * Reads a case file and checks its evidence on disk; returns the logs to import (archives once).
   * Problems (missing or changed logs) are named in {@link #messageProperty()}.
   */
  public List<String> open(Path file) {
    CaseFiles.Opened opened = CaseFiles.open(file);
    caseFile.set(opened.caseFile());
    path.set(file);
    dirty.set(false);
    message.set(String.join("\n", opened.problems().stream().map(SourceProblem::message).toList()));
    Path dir = file.toAbsolutePath().getParent();
    return opened.caseFile().sources().stream().map(s -> s.containerPath()).distinct()
        .map(p -> dir.resolve(p).normalize().toString()).toList();
  }

  /**
   * Applies the allowlist to the detector's hits; the statuses then go into the table. The logs
   * opened ({@code paths} as given, and every log in the store) are evidence a save never writes to.
   */
  public AppliedCase apply(List<String> paths, EventStore store, List<Hit> hits) {
    evidence = EvidenceGuard.of(paths, store.sources());
    AppliedCase applied = caseFile.get().apply(store, hits);
    List<SourceProblem> problems = caseFile.get().sources().isEmpty() ? List.of() : caseFile.get().checkAgainst(store.sources());
    if (!problems.isEmpty() && message.get().isEmpty()) {
      message.set(String.join("\n", problems.stream().map(SourceProblem::message).toList()));
    }
    caseFile.set(caseFile.get().withSources(store.sources()));
    return applied;
  }

  /** Fills the table's status column from the case. */
  public void attach(HitTable t) {
    table = t;
    if (caseFile.get().hits().isEmpty()) {
      return; // a new case: every hit is "new", no key to compute
    }
    for (int h = 0; h < t.size(); h++) {
      t.setStatus(h, triage(h).status().label());
    }
  }

  public HitTriage triage(int h) {
    return caseFile.get().triage(HitKey.of(table.store(), table.hit(h)));
  }

  public void setStatus(int h, HitStatus status) {
    update(h, triage(h).withStatus(status));
    table.setStatus(h, status.label());
  }

  public void setNotes(int h, String tags, String notes) {
    HitTriage t = triage(h);
    List<String> tagList = tags == null || tags.isBlank() ? List.of() : List.of(tags.trim().split("\\s*,\\s*"));
    if (t.notes().equals(notes) && t.tags().equals(tagList)) {
      return;
    }
    update(h, new HitTriage(t.status(), tagList, notes, Instant.now().toString(), user()));
  }

  private void update(int h, HitTriage triage) {
    HitTriage stamped = new HitTriage(triage.status(), triage.tags(), triage.notes(), Instant.now().toString(), user());
    caseFile.set(caseFile.get().withTriage(HitKey.of(table.store(), table.hit(h)), stamped));
    dirty.set(true);
    onChanged.run();
  }

  /** Suppresses, for good, hits of the hit's analytic whose event has {@code field} = {@code value}. */
  public void allow(int h, String field, String value, String why) {
    caseFile.set(caseFile.get().withAllow(new AllowEntry(table.hit(h).analytic().id(), field, value, user(), Instant.now().toString(), why)));
    dirty.set(true);
  }

  /** Saves to {@code file} (atomic: a failure keeps the previous file). */
  public void save(Path file) {
    try {
      CaseFiles.save(file, caseFile.get(), evidence);
      path.set(file);
      dirty.set(false);
      message.set("Case saved to " + file);
    } catch (TriageException e) {
      message.set(e.getMessage());
    }
  }

  private static String user() {
    return System.getProperty("user.name", "");
  }

  public ReadOnlyObjectProperty<CaseFile> caseFileProperty() {
    return caseFile.getReadOnlyProperty();
  }

  /** Where the case was last saved or opened, or null. */
  public ReadOnlyObjectProperty<Path> pathProperty() {
    return path.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty dirtyProperty() {
    return dirty.getReadOnlyProperty();
  }

  /** The last save result or the evidence problems of an opened case, empty when none. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }
}
