package org.sysmontriage.event;

/** Progress of a long job. Called from worker threads; implementations must be thread-safe. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (done, total, message) -> {};

  /**
   * @param done work done so far (bytes, events or rules, as the job defines)
   * @param total the whole, or -1 when unknown
   * @param message what is being done now, for a person to read
   */
  void progress(long done, long total, String message);
}
