package org.sysmontriage.ui.common;

import java.util.function.Consumer;
import org.sysmontriage.event.CancellationToken;

/** Runs work at once on the calling thread: deterministic ViewModel tests without a toolkit. */
public final class SameThreadTaskRunner implements TaskRunner {
  private CancellationToken next = new CancellationToken();

  /** The token the next submitted job will get, so a test can cancel it from inside a callback. */
  public CancellationToken nextToken() {
    return next;
  }

  @Override
  public <T> Job submit(Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
    CancellationToken token = next;
    next = new CancellationToken();
    T result;
    try {
      result = work.call(token);
    } catch (Exception | Error e) {
      onFailure.accept(e);
      return done(token);
    }
    onSuccess.accept(result);
    return done(token);
  }

  @Override
  public <T> Consumer<T> latestOnUi(Consumer<T> onUi) {
    return onUi;
  }

  private static Job done(CancellationToken token) {
    return Job.of(token, () -> true);
  }
}
