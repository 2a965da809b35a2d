package org.sysmontriage.ui.library;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sysmontriage.detect.Analytic;
import org.sysmontriage.ui.engine.AnalyticPage;
import org.sysmontriage.ui.engine.Engine;
import org.sysmontriage.ui.engine.TechniqueCard;

/** The analytics library for trainers: every analytic, its page, ATT&CK mapping and a sample where it fires. */
public final class LibraryViewModel {
  private final Engine engine;
  private final Optional<Path> samples;
  private final BiConsumer<Path, String> showMe;
  private final ObservableList<Analytic> analytics = FXCollections.observableArrayList();
  private final ObjectProperty<Analytic> selected = new SimpleObjectProperty<>();
  private final ReadOnlyObjectWrapper<AnalyticPage> page = new ReadOnlyObjectWrapper<>();
  private final ObservableList<TechniqueCard> techniques = FXCollections.observableArrayList();

  /** {@code showMe} opens a log and selects the first hit of an analytic id in it. */
  public LibraryViewModel(Engine engine, Optional<Path> samples, BiConsumer<Path, String> showMe) {
    this.engine = engine;
    this.samples = samples;
    this.showMe = showMe;
    analytics.setAll(engine.analytics().stream()
        .sorted(Comparator.comparing((Analytic a) -> -a.risk()).thenComparing(Analytic::id)).toList());
    selected.addListener((o, a, b) -> select(b));
  }

  private void select(Analytic a) {
    page.set(a == null ? null : engine.page(a.id()).orElse(null));
    techniques.setAll(a == null ? List.of() : a.techniques().stream().map(t -> engine.technique(t).orElse(
        new TechniqueCard(t, "", List.of(), "https://attack.mitre.org/techniques/" + t.replace('.', '/') + "/"))).toList());
  }

  /** The sample log of the selected analytic, when it is present on disk. */
  public Optional<Path> sampleLog() {
    AnalyticPage p = page.get();
    if (p == null || p.sampleLog().isEmpty() || samples.isEmpty()) {
      return Optional.empty();
    }
    String name = p.sampleLog().replace('\\', '/');
    if (name.startsWith("sample-logs/")) {
      name = name.substring("sample-logs/".length());
    }
    Path file = samples.get().resolve(name).normalize();
    return file.startsWith(samples.get()) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /** Opens the sample log where the selected analytic fires and selects its hit. */
  public void showMe() {
    Analytic a = selected.get();
    sampleLog().ifPresent(p -> showMe.accept(p, a.id()));
  }

  public ObservableList<Analytic> analytics() {
    return analytics;
  }

  public ObjectProperty<Analytic> selectedProperty() {
    return selected;
  }

  public ReadOnlyObjectProperty<AnalyticPage> pageProperty() {
    return page.getReadOnlyProperty();
  }

  public ObservableList<TechniqueCard> techniques() {
    return techniques;
  }
}
