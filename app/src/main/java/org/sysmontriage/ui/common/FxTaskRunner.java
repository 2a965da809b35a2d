package org.sysmontriage.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.CancelledException;

/**
 * Runs work in {@link Task}s on daemon threads of lower OS priority than the window's own ({@link
 * BackgroundPriority}); callbacks come back on the FX thread.
 */
public final class FxTaskRunner implements TaskRunner {
  private final ExecutorService pool =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(() -> {
              BackgroundPriority.lowerCurrentThread(); // before any work: threads it starts (import, analytics) inherit it
              r.run();
            }, "triage-worker");
            t.setDaemon(true);
            return t;
          });

  @Override
  public <T> Job submit(Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
    CancellationToken token = new CancellationToken();
    Task<T> task =
        new Task<>() {
          @Override
          protected T call() throws Exception {
            return work.call(token);
          }
        };
    task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
    task.setOnFailed(e -> onFailure.accept(task.getException()));
    task.setOnCancelled(e -> onFailure.accept(new CancelledException()));
    pool.execute(task);
    return Job.of(token, task::isDone);
  }

  @Override
  public <T> Consumer<T> latestOnUi(Consumer<T> onUi) {
    AtomicReference<T> latest = new AtomicReference<>();
    AtomicBoolean scheduled = new AtomicBoolean();
    return value -> {
      latest.set(value);
      if (scheduled.compareAndSet(false, true)) {
        Platform.runLater(
            () -> {
              scheduled.set(false);
              onUi.accept(latest.get());
            });
      }
    };
  }
}
