package org.sysmontriage.ui.importing;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.sysmontriage.event.CancelledException;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.TriageException;
import org.sysmontriage.ui.common.TaskRunner;
import org.sysmontriage.ui.engine.Engine;
import org.sysmontriage.ui.engine.ImportSnapshot;
import org.sysmontriage.ui.engine.Investigation;

/**
 * Opening logs: import, then analytics, both in the background with progress and cancel. The
 * finished {@link Investigation} goes to whoever registered with {@link #onOpened}.
 */
public final class ImportViewModel {
  private final Engine engine;
  private final TaskRunner runner;
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper announced = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
  private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private Consumer<Investigation> onOpened = i -> {};
  private Consumer<Investigation> onReanalysed = i -> {};
  private TaskRunner.Job job;
  /** True while the analytics run (after the import); a rule change then runs them again at the end. */
  private boolean analysing;
  private boolean rulesChangedMeanwhile;
  private boolean reanalysing;
  /** Bumped by each open or re-analysis: results of a job replaced by a newer one are dropped. */
  private long generation;

  public ImportViewModel(Engine engine, TaskRunner runner) {
    this.engine = engine;
    this.runner = runner;
  }

  public void onOpened(Consumer<Investigation> listener) {
    onOpened = listener;
  }

  /** Who receives the open logs with the hits of changed rules ({@link #rulesChanged}). */
  public void onReanalysed(Consumer<Investigation> listener) {
    onReanalysed = listener;
  }

  /**
   * The analytics changed (a pack switched on or off, a rule folder added): the open logs are
   * analysed again in the background. During an import the new rules are used when its analysis
   * starts; an analysis already running is run again when it ends.
   */
  public void rulesChanged(Investigation open) {
    if (running.get()) {
      rulesChangedMeanwhile |= analysing;
      return;
    }
    if (open != null) {
      running.set(true);
      error.set("");
      reanalysing = true;
      generation++;
      analyse(open.paths(), open.store(), inv -> {
        done();
        onReanalysed.accept(open.withHits(inv.hits(), inv.packs()));
      }, "Running the changed analytics over %,d events");
    }
  }

  /**
   * Says in the status strip that {@code paths} are read next, before the import begins (the window opens the logs
   * named at start once its first frame is painted): the strip is then laid out and painted with that frame. Shown
   * only when the import began, it shrank the view above it in the import's first pulse, which laid out and painted
   * the whole window again (bench ui: a 1,728 x 934 px repaint in software while a JVM just started compiled).
   */
  public void announce(List<String> paths) {
    if (paths.isEmpty() || running.get()) {
      return;
    }
    announced.set(true);
    error.set("");
    phase.set("Importing " + describe(paths));
    progress.set(-1);
    detail.set("");
  }

  /** Takes back an announcement whose import did not begin (the strip shows nothing of it). */
  public void withdraw() {
    if (announced.get()) {
      announced.set(false);
      if (!running.get()) {
        phase.set("");
        progress.set(0);
      }
    }
  }

  /** Starts reading {@code paths}; a running import is cancelled first. */
  public void open(List<String> paths) {
    if (paths.isEmpty()) {
      return;
    }
    cancel();
    announced.set(false);
    running.set(true);
    error.set("");
    phase.set("Importing " + describe(paths));
    progress.set(-1);
    detail.set("");
    Consumer<ImportSnapshot> sink = runner.latestOnUi(this::showImport);
    long g = ++generation;
    reanalysing = false;
    job = runner.submit(cancel -> engine.importLogs(paths, sink, cancel),
        store -> {
          if (g == generation) {
            analyse(paths, store, this::opened, "Running analytics over %,d events");
          }
        }, e -> failed(g, e));
  }

  /** The findings of the current analytics' correlation rules over these hits (any thread). */
  public List<org.sysmontriage.detect.correlation.CorrelationFinding> correlate(EventStore store, List<org.sysmontriage.detect.Hit> hits) {
    return engine.reportCatalog().correlate(store, hits);
  }

  /** The current analytics (packs and rule folders included): their correlation rules tie hits into incidents. */
  public org.sysmontriage.detect.AnalyticLibrary library() {
    return engine.reportCatalog().library();
  }

  public void cancel() {
    if (job != null && running.get()) {
      job.cancel();
    }
  }

  private void analyse(List<String> paths, EventStore store, Consumer<Investigation> then, String what) {
    phase.set(String.format(what, store.size()));
    progress.set(-1);
    detail.set("");
    analysing = true;
    rulesChangedMeanwhile = false;
    Consumer<double[]> sink = runner.latestOnUi(p -> progress.set(p[0]));
    long g = generation;
    job = runner.submit(
        cancel -> {
          List<org.sysmontriage.detect.Hit> hits =
              engine.detect(store, (done, total, msg) -> sink.accept(new double[] {total > 0 ? (double) done / total : -1}), cancel);
          return new Investigation(paths, store, hits, store.computers(), engine.packs());
        },
        inv -> {
          if (g != generation) {
            return;
          }
          analysing = false;
          if (rulesChangedMeanwhile) {
            analyse(paths, store, then, "Running the changed analytics over %,d events");
          } else {
            then.accept(inv);
          }
        },
        e -> failed(g, e));
  }

  private void opened(Investigation investigation) {
    done();
    onOpened.accept(investigation);
  }

  private void done() {
    reanalysing = false;
    running.set(false);
    phase.set("");
    detail.set("");
    progress.set(0);
  }

  private void failed(long g, Throwable e) {
    if (g != generation) {
      return; // a job replaced by a newer open: its cancellation is not news
    }
    analysing = false;
    running.set(false);
    progress.set(0);
    phase.set("");
    detail.set("");
    error.set(reanalysing && e instanceof CancelledException
        ? "Analysis with the changed analytics cancelled: the hits shown are those of the analytics before the change."
        : messageOf(e));
    reanalysing = false;
  }

  private void showImport(ImportSnapshot s) {
    if (!running.get()) {
      return;
    }
    progress.set(s.fraction());
    detail.set(ImportText.of(s));
  }

  static String messageOf(Throwable e) {
    if (e instanceof CancelledException) {
      return "Import cancelled. Nothing was changed; open the logs again when ready.";
    }
    if (e instanceof TriageException) {
      return e.getMessage();
    }
    return "Could not open the logs: " + e;
  }

  private static String describe(List<String> paths) {
    String first = java.nio.file.Path.of(paths.get(0)).getFileName() + "";
    return paths.size() == 1 ? first : first + " and " + (paths.size() - 1) + " more";
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  /** True between {@link #announce} and the import's start (or {@link #withdraw}). */
  public ReadOnlyBooleanProperty announcedProperty() {
    return announced.getReadOnlyProperty();
  }

  /** 0..1, or -1 while the total is unknown. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty phaseProperty() {
    return phase.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty detailProperty() {
    return detail.getReadOnlyProperty();
  }

  /** The last failure or cancellation in words, empty when none. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }
}
