package org.sysmontriage.event;

/** Thrown out of a long job once its {@link CancellationToken} is cancelled. */
public final class CancelledException extends RuntimeException {
  public CancelledException() {
    super("cancelled", null, false, false);
  }
}
