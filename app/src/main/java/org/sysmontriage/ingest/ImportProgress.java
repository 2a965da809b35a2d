package org.sysmontriage.ingest;

/**
 * Receives import progress, about ten times a second at most, from worker threads: implementations
 * must be thread-safe (the GUI hands the status over to the FX thread).
 */
@FunctionalInterface
public interface ImportProgress {
  ImportProgress NONE = status -> {};

  void update(ImportStatus status);
}
