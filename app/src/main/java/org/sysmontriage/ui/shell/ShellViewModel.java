package org.sysmontriage.ui.shell;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.sysmontriage.casefile.AppliedCase;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.detect.correlation.CorrelationFinding;
import java.util.function.Predicate;
import org.sysmontriage.ui.casework.CaseViewModel;
import org.sysmontriage.ui.casework.RecoveryFile;
import org.sysmontriage.ui.common.Failures;
import org.sysmontriage.ui.common.TaskRunner;
import org.sysmontriage.ui.TriageApp;
import org.sysmontriage.ui.details.DetailsViewModel;
import org.sysmontriage.ui.engine.Investigation;
import org.sysmontriage.ui.incidents.IncidentsViewModel;
import org.sysmontriage.ui.events.EventsViewModel;
import org.sysmontriage.ui.hits.HitTable;
import org.sysmontriage.ui.hits.HitsViewModel;
import org.sysmontriage.ui.hosts.HostsViewModel;
import org.sysmontriage.ui.importing.ImportViewModel;
import org.sysmontriage.ui.importing.SourcesViewModel;
import org.sysmontriage.ui.start.StartViewModel;

/**
 * The window's state: what is open, and the ViewModels of its views wired to it. Built by the
 * composition root, which hands in each part.
 */
public final class ShellViewModel {
  /** The ViewModels of the workspace's views. */
  public record Parts(ImportViewModel importing, StartViewModel start, HitsViewModel hits, DetailsViewModel hitDetails,
      SourcesViewModel sources, EventsViewModel events, HostsViewModel hosts, CaseViewModel caseWork) {}

  private final Parts parts;
  private final TaskRunner runner;
  private Predicate<String> unsaved = action -> true;
  private long prepared;
  private final ReadOnlyObjectWrapper<Investigation> investigation = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(TriageApp.TITLE);
  private Runnable onShowHits = () -> {};
  private String selectAfterOpen;
  private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
  private final IncidentsViewModel incidents;
  private final org.sysmontriage.ui.correlations.CorrelationsViewModel correlations;
  private Runnable onShowIncidents = () -> {};
  private final Navigator navigator;
  private org.sysmontriage.ui.library.LibraryViewModel library;

  public ShellViewModel(Parts parts, TaskRunner runner) {
    this.parts = parts;
    this.runner = runner;
    this.incidents = new IncidentsViewModel(runner, parts.caseWork());
    this.navigator = new Navigator(parts, incidents);
    incidents.onOpenStep(s -> openEvent(s.event()));
    incidents.onOpenEvent(this::openEvent);
    this.correlations = new org.sysmontriage.ui.correlations.CorrelationsViewModel(h -> {
      parts.hits().selectedHitProperty().set(h);
      onShowHits.run();
    });
    parts.importing().onOpened(this::opened);
    parts.importing().onReanalysed(this::reanalysed);
    parts.hits().selectedHitProperty().addListener((o, a, b) -> showHit(b.intValue()));
    parts.hosts().onFiltered(() -> onShowHits.run());
    parts.caseWork().messageProperty().addListener((o, a, b) -> notice.set(b));
    parts.caseWork().pathProperty().addListener((o, a, b) -> updateTitle());
    parts.caseWork().dirtyProperty().addListener((o, a, b) -> updateTitle());
  }

  /**
   * What to do when unsaved triage would be lost by an action ("quit"): the view asks Save / Discard /
   * Cancel and answers true when the work was saved or discarded, false to stay.
   */
  public void onUnsaved(Predicate<String> ask) {
    unsaved = ask;
  }

  /** True when nothing unsaved would be lost by {@code action}, or the analyst saved or discarded it. */
  public boolean mayLeaveCase(String action) {
    return !parts.caseWork().dirtyProperty().get() || unsaved.test(action);
  }

  /** Shows a message in the status line (export results, case problems). */
  public void notice(String text) {
    notice.set(text);
  }

  public ReadOnlyStringProperty noticeProperty() {
    return notice.getReadOnlyProperty();
  }

  /** Called when something wants the hits table in front (a host chosen, "Show me"). */
  public void onShowHits(Runnable r) {
    onShowHits = r;
  }

  /** Opens the given paths (files, folders or archives). */
  public void open(List<String> paths) {
    if (paths.isEmpty() || !mayLeaveCase("open other logs")) {
      return;
    }
    selectAfterOpen = null;
    parts.caseWork().startNew();
    parts.importing().open(paths);
  }

  /** Opens a saved case: its logs are imported again and its statuses and allowlist applied. */
  public void openCase(Path caseFile) {
    if (!mayLeaveCase("open another case")) {
      return;
    }
    selectAfterOpen = null;
    notice.set("Reading the case " + caseFile.getFileName() + "…");
    runner.submit(cancel -> CaseViewModel.read(caseFile), this::caseRead,
        e -> notice.set(Failures.says("The case could not be opened", e)));
  }

  private void caseRead(CaseViewModel.Loaded loaded) {
    notice.set("");
    List<String> logs = parts.caseWork().use(loaded);
    if (logs.isEmpty()) {
      notice.set(loaded.file() + " lists no logs to open.");
      return;
    }
    parts.importing().open(logs);
  }

  /** Opens the logs of a crashed session's unsaved triage, which stays unsaved until saved. */
  public void restore(RecoveryFile.Recovered recovered) {
    selectAfterOpen = null;
    parts.importing().open(parts.caseWork().restore(recovered));
  }

  /**
   * Shows the hits again with the case's current allowlist (after an entry was added): applied on a
   * worker thread like an import's, then the table is swapped in with the selection kept in place.
   */
  public void reapplyCase() {
    Investigation inv = investigation.get();
    if (inv != null) {
      prepare(inv, p -> {
        if (investigation.get() == inv) {
          int selected = parts.hits().selectedHitProperty().get();
          String said = notice.get(); // "Allowlisted: ..." stays, not the suppressed count
          showHits(inv, p);
          notice.set(said);
          parts.hits().selectedHitProperty().set(selected < 0 ? -1 : Math.min(selected, p.table().size() - 1));
        }
      });
    }
  }

  /**
   * The allowlist applied, the hits put in columns with the case's verdicts, the correlations and the risk
   * roll-ups counted, off the UI thread (a million events give many hits).
   */
  private record Prepared(AppliedCase applied, HitTable table, List<CorrelationFinding> correlations,
      org.sysmontriage.casefile.CaseFile filledFrom, HostsViewModel.RollUps rollUps) {}

  private void prepare(Investigation inv, java.util.function.Consumer<Prepared> then) {
    org.sysmontriage.casefile.CaseFile c = parts.caseWork().current();
    long gen = ++prepared;
    runner.submit(cancel -> {
      AppliedCase applied = c.apply(inv.store(), inv.hits());
      HitTable table = new HitTable(inv.store(), applied.kept(), inv.packs());
      table.hitOfEvent(0); // builds the event -> hit index here, not on the first click
      CaseViewModel.fill(table, c);
      return new Prepared(applied, table, parts.importing().correlate(inv.store(), applied.kept()), c, HostsViewModel.rollUps(table));
    }, p -> {
      if (gen == prepared) {
        then.accept(p);
      }
    }, e -> notice.set(Failures.says("The hits could not be shown", e)));
  }

  /** Opens one log and selects the first hit of an analytic in it (the library's "Show me"). */
  public void showMe(Path log, String analyticId) {
    if (!mayLeaveCase("open the analytic's sample log")) {
      return;
    }
    parts.caseWork().startNew();
    parts.importing().open(List.of(log.toString()));
    selectAfterOpen = analyticId;
  }

  private void opened(Investigation next) {
    parts.caseWork().recordImport(next.paths(), next.store());
    prepare(next, p -> shown(next, p));
  }

  /** The analytics changed (library): the open logs are analysed again in the background. */
  public void rulesChanged() {
    parts.importing().rulesChanged(investigation.get());
  }

  /** The open logs with the hits of the changed analytics: the same view stays in front, the case's work stays. */
  private void reanalysed(Investigation next) {
    prepare(next, p -> {
      if (investigation.get() == null || investigation.get().store() != next.store()) {
        return; // other logs were opened meanwhile
      }
      int selected = parts.hits().selectedHitProperty().get();
      Hit before = selected < 0 ? null : parts.hits().table().hit(selected);
      investigation.set(next);
      HitTable table = showHits(next, p);
      parts.events().show(next.store(), next.hosts(), e -> hitOf(table, e));
      parts.hits().selectedHitProperty().set(before == null ? -1 : sameHit(table, before));
    });
  }

  /** The index of the hit of the same event and analytic in another table, or -1. */
  private static int sameHit(HitTable table, Hit hit) {
    for (int h = 0; h < table.size(); h++) {
      if (table.hit(h).event() == hit.event() && table.hit(h).analytic().id().equals(hit.analytic().id())) {
        return h;
      }
    }
    return -1;
  }

  private void shown(Investigation next, Prepared p) {
    navigator.clear();
    investigation.set(next);
    parts.caseWork().setLogs(next.paths());
    updateTitle();
    HitTable table = showHits(next, p);
    parts.sources().show(next.store().sources());
    String identical = parts.sources().identicalNotice();
    if (!identical.isEmpty()) {
      notice.set(identical);
    }
    parts.events().show(next.store(), next.hosts(), e -> hitOf(table, e));
    parts.start().remember(next.paths());
    if (selectAfterOpen != null) {
      parts.hits().selectedHitProperty().set(table.firstHitOf(selectAfterOpen));
      selectAfterOpen = null;
      onShowHits.run();
    } else {
      onShowIncidents.run();
    }
  }

  private HitTable showHits(Investigation inv, Prepared p) {
    AppliedCase applied = p.applied();
    HitTable table = p.table();
    parts.caseWork().attach(table, p.filledFrom());
    parts.hitDetails().clear();
    parts.hitDetails().setHitLookup(e -> hitOf(table, e));
    parts.hits().show(table, inv.hosts());
    parts.hosts().show(p.rollUps());
    incidents.show(inv.store(), applied.kept(), parts.importing().library());
    correlations.show(table, p.correlations());
    if (applied.suppressedCount() > 0) {
      notice.set(String.format("%,d hits suppressed by the case's allowlist (%d entries)", applied.suppressedCount(), applied.suppressed().size()));
    }
    return table;
  }

  private void updateTitle() {
    Investigation inv = investigation.get();
    Path casePath = parts.caseWork().pathProperty().get();
    String what = casePath != null ? String.valueOf(casePath.getFileName()) : inv == null ? null : describe(inv.paths());
    String marker = parts.caseWork().dirtyProperty().get() ? "• " : "";
    title.set(marker + (what == null ? TriageApp.TITLE : TriageApp.TITLE + " — " + what)
        + (marker.isEmpty() ? "" : " (unsaved triage)"));
  }

  private static Hit hitOf(HitTable table, int e) {
    int h = table.hitOfEvent(e);
    return h < 0 ? null : table.hit(h);
  }

  private void showHit(int h) {
    if (h < 0) {
      parts.hitDetails().clear();
      return;
    }
    HitTable t = parts.hits().table();
    Hit hit = t.hit(h);
    parts.hitDetails().show(t.store(), hit.event(), hit);
  }

  /**
   * An incident's step (or a process of its tree) in the Hits view: its hit selected (the grid's
   * filters cleared when they hide it), or, for an event no analytic reported, the event in the details pane.
   */
  private void openEvent(int event) {
    HitTable t = parts.hits().table();
    if (t == null || event < 0 || event >= t.store().size()) {
      return;
    }
    int h = t.hitOfEvent(event);
    if (h >= 0) {
      if (parts.hits().grid().positionOf(h) < 0) {
        parts.hits().clearFilters();
      }
      parts.hits().selectedHitProperty().set(h);
    } else {
      parts.hits().selectedHitProperty().set(-1);
      parts.hitDetails().show(t.store(), event, null);
    }
    onShowHits.run();
  }

  static String describe(List<String> paths) {
    String first = String.valueOf(Path.of(paths.get(0)).getFileName());
    return paths.size() == 1 ? first : first + " + " + (paths.size() - 1) + " more";
  }

  /** Back / Forward over the hits, events, process-tree nodes and incidents looked at. */
  Navigator navigator() {
    return navigator;
  }

  /** Goes back to the place looked at before (Alt+Left). */
  public void back() {
    navigator.back();
  }

  /** Goes forward again (Alt+Right). */
  public void forward() {
    navigator.forward();
  }

  public javafx.beans.property.ReadOnlyBooleanProperty canGoBackProperty() {
    return navigator.canGoBackProperty();
  }

  public javafx.beans.property.ReadOnlyBooleanProperty canGoForwardProperty() {
    return navigator.canGoForwardProperty();
  }

  /** What brings a workspace tab (by id) to the front, for Back / Forward. */
  public void onShowTab(java.util.function.Consumer<String> show) {
    navigator.onShowTab(show);
  }

  /** The Correlations view's model (findings of Sigma correlation rules over the hits the case keeps). */
  public org.sysmontriage.ui.correlations.CorrelationsViewModel correlations() {
    return correlations;
  }

  /** The analytics library (rule packs), once the composition root made it. */
  public void setLibrary(org.sysmontriage.ui.library.LibraryViewModel l) {
    library = l;
  }

  public org.sysmontriage.ui.library.LibraryViewModel library() {
    return library;
  }

  /** The Incidents view's model (incidents of the hits the case keeps). */
  public IncidentsViewModel incidents() {
    return incidents;
  }

  /** What shows the Incidents view: called after an import (the view the GUI opens on). */
  public void onShowIncidents(Runnable r) {
    onShowIncidents = r;
  }

  public ReadOnlyObjectProperty<Investigation> investigationProperty() {
    return investigation.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  public ImportViewModel importing() {
    return parts.importing();
  }

  public StartViewModel start() {
    return parts.start();
  }

  public HitsViewModel hits() {
    return parts.hits();
  }

  public DetailsViewModel hitDetails() {
    return parts.hitDetails();
  }

  public SourcesViewModel sources() {
    return parts.sources();
  }

  public EventsViewModel events() {
    return parts.events();
  }

  public HostsViewModel hosts() {
    return parts.hosts();
  }

  public CaseViewModel caseWork() {
    return parts.caseWork();
  }
}
