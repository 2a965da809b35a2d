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
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
  private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private Consumer<Investigation> onOpened = i -> {};
  private TaskRunner.Job job;

  public ImportViewModel(Engine engine, TaskRunner runner) {
    this.engine = engine;
    this.runner = runner;
  }

  public void onOpened(Consumer<Investigation> listener) {
    onOpened = listener;
  }

  /** Starts reading {@code paths}; a running import is cancelled first. */
  public void open(List<String> paths) {
    if (paths.isEmpty()) {
      return;
    }
    cancel();
    running.set(true);
    error.set("");
    phase.set("Importing " + describe(paths));
    progress.set(-1);
    detail.set("");
    Consumer<ImportSnapshot> sink = runner.latestOnUi(this::showImport);
    job = runner.submit(cancel -> engine.importLogs(paths, sink, cancel), store -> analyse(paths, store), this::failed);
  }

  public void cancel() {
    if (job != null && running.get()) {
      job.cancel();
    }
  }

  private void analyse(List<String> paths, EventStore store) {
    phase.set(String.format("Running analytics over %,d events", store.size()));
    progress.set(-1);
    detail.set("");
    Consumer<double[]> sink = runner.latestOnUi(p -> progress.set(p[0]));
    job = runner.submit(
        cancel -> new Investigation(paths, store,
            engine.detect(store, (done, total, msg) -> sink.accept(new double[] {total > 0 ? (double) done / total : -1}), cancel)),
        this::opened,
        this::failed);
  }

  private void opened(Investigation investigation) {
    running.set(false);
    phase.set("");
    detail.set("");
    progress.set(0);
    onOpened.accept(investigation);
  }

  private void failed(Throwable e) {
    running.set(false);
    progress.set(0);
    phase.set("");
    detail.set("");
    error.set(messageOf(e));
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
