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
import org.sysmontriage.ui.hits.HitTable;
import org.sysmontriage.ui.hits.HitsViewModel;
import org.sysmontriage.ui.importing.ImportViewModel;
import org.sysmontriage.ui.start.StartViewModel;

/**
 * The window's state: what is open, and the ViewModels of its views wired to it. Built by the
 * composition root, which hands in each part.
 */
public final class ShellViewModel {
  private final ImportViewModel importing;
  private final StartViewModel start;
  private final HitsViewModel hits;
  private final DetailsViewModel hitDetails;
  private final ReadOnlyObjectWrapper<Investigation> investigation = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(TriageApp.TITLE);

  public ShellViewModel(ImportViewModel importing, StartViewModel start, HitsViewModel hits, DetailsViewModel hitDetails) {
    this.importing = importing;
    this.start = start;
    this.hits = hits;
    this.hitDetails = hitDetails;
    importing.onOpened(this::opened);
    hits.selectedHitProperty().addListener((o, a, b) -> showHit(b.intValue()));
  }

  /** Opens the given paths (files, folders or archives). */
  public void open(List<String> paths) {
    importing.open(paths);
  }

  private void opened(Investigation next) {
    investigation.set(next);
    title.set(TriageApp.TITLE + " — " + describe(next.paths()));
    hitDetails.clear();
    hits.show(new HitTable(next.store(), next.hits()));
    start.remember(next.paths());
  }

  private void showHit(int h) {
    if (h < 0) {
      hitDetails.clear();
      return;
    }
    HitTable t = hits.table();
    Hit hit = t.hit(h);
    hitDetails.show(t.store(), hit.event(), hit);
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
    return importing;
  }

  public StartViewModel start() {
    return start;
  }

  public HitsViewModel hits() {
    return hits;
  }

  public DetailsViewModel hitDetails() {
    return hitDetails;
  }
}
