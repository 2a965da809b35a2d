package org.sysmontriage.ui.library;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sysmontriage.detect.Analytic;
import org.sysmontriage.detect.RuleError;
import org.sysmontriage.ui.common.Failures;
import org.sysmontriage.ui.common.TaskRunner;
import org.sysmontriage.ui.engine.AnalyticPage;
import org.sysmontriage.ui.engine.Engine;
import org.sysmontriage.ui.engine.PackStatus;
import org.sysmontriage.ui.engine.RuleChoice;
import org.sysmontriage.ui.engine.TechniqueCard;

/**
 * The analytics library: the rule packs (the LSASS analytics always, first; the Hunt pack and the
 * analyst's rule folders switched on or off, remembered between sessions), every analytic with its
 * page, ATT&CK mapping and a sample where it fires. Rules load in the background; when they change,
 * {@code rulesChanged} runs (the open logs are analysed again).
 */
public final class LibraryViewModel {
  private final Engine engine;
  private final Optional<Path> samples;
  private final BiConsumer<Path, String> showMe;
  private final TaskRunner runner;
  private final RuleChoiceFile file;
  private final Runnable rulesChanged;
  private final ObservableList<Analytic> analytics = FXCollections.observableArrayList();
  private final ObjectProperty<Analytic> selected = new SimpleObjectProperty<>();
  private final ReadOnlyObjectWrapper<AnalyticPage> page = new ReadOnlyObjectWrapper<>();
  private final ObservableList<TechniqueCard> techniques = FXCollections.observableArrayList();
  private final ObservableList<PackStatus> packs = FXCollections.observableArrayList();
  private final ObservableList<String> errors = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private Map<String, String> packOf = Map.of();
  private RuleChoice choice;
  private boolean pending;

  /** What the library needs from the rest of the window. */
  public record Parts(Engine engine, TaskRunner runner, RuleChoiceFile file, Optional<Path> samples,
      BiConsumer<Path, String> showMe, Runnable rulesChanged) {}

  /** {@code showMe} opens a log and selects the first hit of an analytic id in it. */
  public LibraryViewModel(Parts parts) {
    this.engine = parts.engine();
    this.samples = parts.samples();
    this.showMe = parts.showMe();
    this.runner = parts.runner();
    this.file = parts.file();
    this.rulesChanged = parts.rulesChanged();
    this.choice = file.load();
    showAnalytics();
    selected.addListener((o, a, b) -> select(b));
  }

  /** Loads the packs chosen in an earlier session (in the background). */
  public void start() {
    load();
  }

  /** Switches the Hunt pack (SigmaHQ's Windows rules) on or off. */
  public void setHunt(boolean on) {
    if (on != choice.hunt()) {
      apply(choice.withHunt(on));
    }
  }

  /** Adds a folder of the analyst's own Sigma rules (read recursively), switched on. */
  public void addFolder(Path folder) {
    apply(choice.withFolder(folder));
  }

  public void setFolderEnabled(Path folder, boolean on) {
    apply(choice.withFolderEnabled(folder, on));
  }

  public void removeFolder(Path folder) {
    apply(choice.withoutFolder(folder));
  }

  /** Reads every rule again (after the analyst fixed a rule file). */
  public void reload() {
    apply(choice);
  }

  private void apply(RuleChoice next) {
    choice = next;
    file.save(next);
    if (loading.get()) {
      pending = true; // loaded when the running load ends, with the latest choice
    } else {
      load();
    }
  }

  private void load() {
    loading.set(true);
    status.set(choice.hunt() ? "Loading the analytics with the Hunt pack (thousands of rules)…" : "Loading the analytics…");
    RuleChoice c = choice;
    runner.submit(cancel -> engine.useRules(c, cancel), this::loaded, e -> {
      loading.set(false);
      status.set(Failures.says("The analytics could not be loaded", e));
    });
  }

  private void loaded(List<PackStatus> result) {
    loading.set(false);
    if (pending) {
      pending = false;
      load();
      return;
    }
    packs.setAll(result);
    errors.setAll(result.stream().flatMap(p -> p.errors().stream()).map(LibraryViewModel::describe).toList());
    showAnalytics();
    long running = result.stream().filter(PackStatus::enabled).mapToLong(PackStatus::rules).sum();
    status.set(String.format("%,d analytics run", running) + (errors.isEmpty() ? ""
        : String.format("; %,d %s could not be loaded (below): fix the line named and press Reload", errors.size(),
            errors.size() == 1 ? "rule" : "rules")));
    rulesChanged.run();
  }

  /** "FILE:LINE: what is wrong", as the analyst opens it in an editor. */
  static String describe(RuleError e) {
    return e.file() + ":" + e.line() + ": " + e.message();
  }

  /** The LSASS analytics first (highest risk first), then each pack's rules. */
  private void showAnalytics() {
    packOf = engine.packs();
    Analytic keep = selected.get();
    analytics.setAll(engine.analytics().stream()
        .sorted(Comparator.comparingInt(this::rank).thenComparing(a -> packOf.getOrDefault(a.id(), ""))
            .thenComparing(a -> -a.risk()).thenComparing(Analytic::id))
        .toList());
    if (keep != null && !analytics.contains(keep)) {
      selected.set(null);
    }
  }

  /** 0 for the LSASS analytics, 1 for the Hunt pack, 2 for the analyst's folders. */
  private int rank(Analytic a) {
    String pack = packOf.get(a.id());
    return pack == null ? 0 : pack.equals(PackStatus.HUNT) ? 1 : 2;
  }

  /** The pack an analytic belongs to, or "" for a built-in LSASS analytic. */
  public String packOf(Analytic a) {
    return packOf.getOrDefault(a.id(), "");
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
    Path f = samples.get().resolve(name).normalize();
    return f.startsWith(samples.get()) && Files.isRegularFile(f) ? Optional.of(f) : Optional.empty();
  }

  /** Opens the sample log where the selected analytic fires and selects its hit. */
  public void showMe() {
    Analytic a = selected.get();
    sampleLog().ifPresent(p -> showMe.accept(p, a.id()));
  }

  public RuleChoice choice() {
    return choice;
  }

  public ObservableList<Analytic> analytics() {
    return analytics;
  }

  /** Every pack as last loaded: LSASS analytics, Hunt, then the rule folders in the order added. */
  public ObservableList<PackStatus> packs() {
    return packs;
  }

  /** Rules that could not be loaded, as "FILE:LINE: message". */
  public ObservableList<String> errors() {
    return errors;
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
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
