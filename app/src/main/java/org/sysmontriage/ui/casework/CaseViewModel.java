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
import org.sysmontriage.incident.ClockSkew;
import org.sysmontriage.incident.Incident;
import org.sysmontriage.casefile.AppliedCase;
import org.sysmontriage.casefile.CaseFile;
import org.sysmontriage.casefile.CaseFiles;
import org.sysmontriage.casefile.EvidenceGuard;
import org.sysmontriage.casefile.HitKey;
import org.sysmontriage.casefile.HitStatus;
import org.sysmontriage.casefile.HitTriage;
import org.sysmontriage.casefile.SourceCheck;
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
  private final RecoveryFile recovery;
  private HitTable table = HitTable.empty();
  private EvidenceGuard evidence = EvidenceGuard.NONE;
  private java.util.Map<Hit, Integer> rowOfHit;
  private List<String> logs = List.of();
  private Runnable onChanged = () -> {};

  /** A case without a recovery file (ViewModel tests). */
  public CaseViewModel() {
    this(null);
  }

  /** {@code recovery} keeps unsaved work safe in the background; null for none. */
  public CaseViewModel(RecoveryFile recovery) {
    this.recovery = recovery;
  }

  /** A case file read and checked off the UI thread: see {@link #read} and {@link #use}. */
  public record Loaded(Path file, CaseFile caseFile, List<String> logs, String problems) {}

  /** Called after a status, note or allowlist change, so views can repaint. */
  public void onChanged(Runnable r) {
    onChanged = r;
  }

  /** Starts a fresh case for newly opened logs (not opened from a case file). */
  public void startNew() {
    caseFile.set(CaseFile.empty());
    path.set(null);
    markClean();
    message.set("");
    evidence = EvidenceGuard.NONE;
  }

  /**
   * Reads a case file and looks for its logs on disk, without hashing them: the import hashes each
   * log once and {@link #apply} compares those hashes with the case's. Safe off the UI thread.
   */
  public static Loaded read(Path file) {
    CaseFile c = CaseFiles.load(file);
    Path dir = file.toAbsolutePath().getParent();
    List<SourceProblem> missing = SourceCheck.missing(c, dir);
    List<String> logs = c.sources().stream().map(s -> s.containerPath()).distinct()
        .map(p -> dir.resolve(p).normalize().toString()).toList();
    return new Loaded(file, c, logs, String.join("\n", missing.stream().map(SourceProblem::message).toList()));
  }

  /** Makes a read case the current one; returns the logs to import (archives once). */
  public List<String> use(Loaded loaded) {
    caseFile.set(loaded.caseFile());
    path.set(loaded.file());
    markClean();
    message.set(loaded.problems());
    return loaded.logs();
  }

  /** Reads and uses a case file at once (tests and the command line; the window reads in the background). */
  public List<String> open(Path file) {
    return use(read(file));
  }

  /** Takes back the unsaved work of a crashed session: it stays unsaved until the analyst saves it. */
  public List<String> restore(RecoveryFile.Recovered r) {
    caseFile.set(r.caseFile());
    path.set(r.casePath() == null ? null : Path.of(r.casePath()));
    dirty.set(true);
    message.set("Unsaved triage from " + r.savedAt() + " restored: save it with Ctrl+S.");
    return r.logs();
  }

  /** The logs the case is about, as opened (kept in the recovery file). */
  public void setLogs(List<String> opened) {
    logs = opened.stream().map(p -> Path.of(p).toAbsolutePath().normalize().toString()).toList();
  }

  /** Drops the unsaved changes for good (the analyst chose Discard). */
  public void discard() {
    markClean();
  }

  /** Waits for the recovery file's pending write or removal (on quitting, and in tests). */
  public void flushRecovery() {
    if (recovery != null) {
      recovery.flush();
    }
  }

  private void markClean() {
    dirty.set(false);
    if (recovery != null) {
      recovery.clear();
    }
  }

  /**
   * Applies the allowlist to the detector's hits; the statuses then go into the table. The logs
   * opened ({@code paths} as given, and every log in the store) are evidence a save never writes to.
   */
  public AppliedCase apply(List<String> paths, EventStore store, List<Hit> hits) {
    AppliedCase applied = caseFile.get().apply(store, hits);
    recordImport(paths, store);
    return applied;
  }

  /**
   * After logs were read: they become evidence a save never writes to, the case lists them, and what
   * differs from the case's own list (changed hashes, logs not opened) is said. The allowlist itself is
   * applied off the UI thread with {@link CaseFile#apply} on {@link #caseFileProperty()}'s value.
   */
  public void recordImport(List<String> paths, EventStore store) {
    evidence = EvidenceGuard.of(paths, store.sources());
    List<SourceProblem> problems = caseFile.get().sources().isEmpty() ? List.of() : caseFile.get().checkAgainst(store.sources());
    if (!problems.isEmpty() && message.get().isEmpty()) {
      message.set(String.join("\n", problems.stream().map(SourceProblem::message).toList()));
    }
    caseFile.set(caseFile.get().withSources(store.sources()));
  }

  /**
   * Fills a new table's status, tags and notes from case {@code c}: on a worker thread, before the
   * table is shown (a key per hit is computed: a million events give tens of thousands of hits).
   */
  public static void fill(HitTable t, org.sysmontriage.casefile.CaseFile c) {
    if (c.hits().isEmpty()) {
      return; // a new case: every hit is "new", no key to compute
    }
    for (int h = 0; h < t.size(); h++) {
      HitTriage triage = c.triage(HitKey.of(t.store(), t.hit(h)));
      t.setStatus(h, triage.status().label());
      t.setTriage(h, triage.tags(), triage.notes());
    }
  }

  /** The case the worker fills a new table from ({@link #fill}); read on the UI thread. */
  public org.sysmontriage.casefile.CaseFile current() {
    return caseFile.get();
  }

  /** Makes {@code t} the table verdicts and notes go to, filling it from the case here. */
  public void attach(HitTable t) {
    attach(t, null);
  }

  /**
   * Makes {@code t} the table verdicts and notes go to. {@code filledFrom} is the case it was filled from
   * off the UI thread; when the case changed since (a verdict typed meanwhile) it is filled again here.
   */
  public void attach(HitTable t, org.sysmontriage.casefile.CaseFile filledFrom) {
    table = t;
    rowOfHit = null;
    if (filledFrom != caseFile.get()) {
      fill(t, caseFile.get());
    }
  }

  public HitTriage triage(int h) {
    return triage(table.hit(h));
  }

  public HitTriage triage(Hit hit) {
    return caseFile.get().triage(HitKey.of(table.store(), hit));
  }

  public void setStatus(int h, HitStatus status) {
    setStatus(table.hit(h), status);
  }

  /** Sets the verdict of a hit of the open table (shown in its status column at once). */
  public void setStatus(Hit hit, HitStatus status) {
    update(hit, triage(hit).withStatus(status));
    int row = rowOf(hit);
    if (row >= 0) {
      table.setStatus(row, status.label());
    }
  }

  public void setNotes(int h, String tags, String notes) {
    setNotes(table.hit(h), tags, notes);
  }

  /** Tags (comma separated) and notes of a hit; called on every keystroke, so nothing typed is lost. */
  public void setNotes(Hit hit, String tags, String notes) {
    HitTriage t = triage(hit);
    List<String> tagList = tags == null || tags.isBlank() ? List.of() : List.of(tags.trim().split("\\s*,\\s*"));
    String text = notes == null ? "" : notes;
    if (t.notes().equals(text) && t.tags().equals(tagList)) {
      return;
    }
    update(hit, new HitTriage(t.status(), tagList, text, Instant.now().toString(), user()));
  }

  private int rowOf(Hit hit) {
    if (rowOfHit == null) {
      rowOfHit = new java.util.IdentityHashMap<>();
      for (int h = 0; h < table.size(); h++) {
        rowOfHit.put(table.hit(h), h);
      }
    }
    return rowOfHit.getOrDefault(hit, -1);
  }

  private void update(Hit hit, HitTriage triage) {
    HitTriage stamped = new HitTriage(triage.status(), triage.tags(), triage.notes(), Instant.now().toString(), user());
    changed(caseFile.get().withTriage(HitKey.of(table.store(), hit), stamped));
    int row = rowOf(hit);
    if (row >= 0) {
      table.setTriage(row, stamped.tags(), stamped.notes());
    }
    onChanged.run();
  }

  /** Stars or unstars a hit: the {@link HitTable#BOOKMARK} tag, kept in the case with the other tags. */
  public void toggleBookmark(int h) {
    Hit hit = table.hit(h);
    HitTriage t = triage(hit);
    List<String> tags = new java.util.ArrayList<>(t.tags());
    if (!tags.remove(HitTable.BOOKMARK)) {
      tags.add(HitTable.BOOKMARK);
    }
    update(hit, new HitTriage(t.status(), tags, t.notes(), t.updatedAt(), t.updatedBy()));
  }

  /** True when the analyst starred event {@code e} of {@code store} (an event that is not a hit). */
  public boolean eventBookmarked(org.sysmontriage.event.EventStore store, int e) {
    return !caseFile.get().bookmarks().isEmpty() && caseFile.get().bookmarked(org.sysmontriage.casefile.EventKey.of(store, e));
  }

  /** Stars or unstars an event that is not a hit: kept in the case's bookmarks. */
  public void toggleEventBookmark(org.sysmontriage.event.EventStore store, int e) {
    org.sysmontriage.casefile.EventKey key = org.sysmontriage.casefile.EventKey.of(store, e);
    changed(caseFile.get().withBookmark(key, !caseFile.get().bookmarked(key)));
    onChanged.run();
  }

  private void changed(CaseFile next) {
    caseFile.set(next);
    dirty.set(true);
    if (recovery != null) {
      recovery.write(next, logs, path.get());
    }
  }

  /** The case's verdict on an incident ({@link HitTriage#NEW} when none). */
  public HitTriage incidentVerdict(Incident incident) {
    return caseFile.get().incidentTriage(incident);
  }

  /** Sets the verdict of an incident of the open table and gives its status to each of its hits. */
  public void setIncidentVerdict(Incident incident, HitStatus status) {
    HitTriage old = caseFile.get().incidentTriage(incident);
    HitTriage next = new HitTriage(status, old.tags(), old.notes(), Instant.now().toString(), user());
    changed(caseFile.get().withIncidentVerdict(table.store(), incident, next));
    for (Hit h : incident.hits()) {
      int row = rowOf(h);
      if (row >= 0) {
        table.setStatus(row, status.label());
      }
    }
    onChanged.run();
  }

  /** Of the clock skews found, those the case confirmed. */
  public List<ClockSkew> confirmedSkews(List<ClockSkew> detected) {
    return caseFile.get().confirmedSkews(detected);
  }

  /** Confirms (kept in the case) or withdraws a clock correction. */
  public void confirmSkew(ClockSkew skew, boolean confirmed) {
    changed(confirmed ? caseFile.get().withSkew(skew) : caseFile.get().withoutSkew(skew));
    onChanged.run();
  }

  /** Suppresses, for good, hits of the hit's analytic whose event has {@code field} = {@code value}. */
  public void allow(int h, String field, String value, String why) {
    changed(caseFile.get().withAllow(new AllowEntry(table.hit(h).analytic().id(), field, value, user(), Instant.now().toString(), why)));
  }

  /** Saves to {@code file} (atomic: a failure keeps the previous file); true when saved. */
  public boolean save(Path file) {
    try {
      CaseFiles.save(file, caseFile.get(), evidence);
      path.set(file);
      markClean();
      message.set("Case saved to " + file);
      return true;
    } catch (TriageException e) {
      message.set(e.getMessage());
      return false;
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
