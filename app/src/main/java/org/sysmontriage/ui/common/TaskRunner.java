package org.sysmontriage.ui.common;

import java.util.function.Consumer;
import org.sysmontriage.event.CancellationToken;

/**
 * Runs long work away from the UI thread and hands results back on it. ViewModels depend on this
 * interface only: the application uses {@link FxTaskRunner}, ViewModel tests {@link
 * SameThreadTaskRunner}.
 */
public interface TaskRunner {

  /** Work that may take long; it polls the token at safe points. */
  @FunctionalInterface
  interface Work<T> {
    T call(CancellationToken cancel) throws Exception;
  }

  /** A submitted job. */
  interface Job {
    void cancel();

    boolean isDone();

    /** A job that cancels {@code token} and is done when {@code done} says so. */
    static Job of(CancellationToken token, java.util.function.BooleanSupplier done) {
      return new Job() {
        @Override
        public void cancel() {
          token.cancel();
        }

        @Override
        public boolean isDone() {
          return done.getAsBoolean();
        }
      };
    }
  }

  /**
   * Runs {@code work} in the background; exactly one of {@code onSuccess} or {@code onFailure}
   * runs later on the UI thread (a cancelled job fails with {@link
   * org.sysmontriage.event.CancelledException}).
   */
  <T> Job submit(Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

  /**
   * A thread-safe sink for progress values: workers may call it as often as they like; the UI
   * thread receives only the latest value, at most once per pulse.
   */
  <T> Consumer<T> latestOnUi(Consumer<T> onUi);
}
