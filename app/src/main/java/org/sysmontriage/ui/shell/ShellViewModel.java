package org.sysmontriage.ui.shell;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.ui.TriageApp;
import org.sysmontriage.ui.details.DetailsViewModel;
import org.sysmontriage.ui.engine.Investigation;
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
      SourcesViewModel sources, EventsViewModel events, HostsViewModel hosts) {}

  private final Parts parts;
  private final ReadOnlyObjectWrapper<Investigation> investigation = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(TriageApp.TITLE);
  private Runnable onShowHits = () -> {};
  private String selectAfterOpen;

  public ShellViewModel(Parts parts) {
    this.parts = parts;
    parts.importing().onOpened(this::opened);
    parts.hits().selectedHitProperty().addListener((o, a, b) -> showHit(b.intValue()));
    parts.hosts().onFiltered(() -> onShowHits.run());
  }

  /** Called when something wants the hits table in front (a host chosen, "Show me"). */
  public void onShowHits(Runnable r) {
    onShowHits = r;
  }

  /** Opens the given paths (files, folders or archives). */
  public void open(List<String> paths) {
    selectAfterOpen = null;
    parts.importing().open(paths);
  }

  /** Opens one log and selects the first hit of an analytic in it (the library's "Show me"). */
  public void showMe(Path log, String analyticId) {
    parts.importing().open(List.of(log.toString()));
    selectAfterOpen = analyticId;
  }

  private void opened(Investigation next) {
    investigation.set(next);
    title.set(TriageApp.TITLE + " — " + describe(next.paths()));
    HitTable table = new HitTable(next.store(), next.hits());
    parts.hitDetails().clear();
    parts.hitDetails().setHitLookup(e -> hitOf(table, e));
    parts.hits().show(table);
    parts.sources().show(next.store().sources());
    parts.events().show(next.store(), e -> hitOf(table, e));
    parts.hosts().show(table);
    parts.start().remember(next.paths());
    if (selectAfterOpen != null) {
      parts.hits().selectedHitProperty().set(table.firstHitOf(selectAfterOpen));
      selectAfterOpen = null;
      onShowHits.run();
    }
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

  static String describe(List<String> paths) {
    String first = String.valueOf(Path.of(paths.get(0)).getFileName());
    return paths.size() == 1 ? first : first + " + " + (paths.size() - 1) + " more";
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
}
