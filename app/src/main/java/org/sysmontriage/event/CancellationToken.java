package org.sysmontriage.event;

/** Cooperative cancellation shared by the caller and a long job. */
public final class CancellationToken {
  private volatile boolean cancelled;

  public void cancel() {
    cancelled = true;
  }

  public boolean isCancelled() {
    return cancelled;
  }

  /** Throws {@link CancelledException} when cancelled; call it at safe points of a loop. */
  public void check() {
    if (cancelled) {
      throw new CancelledException();
    }
  }
}
