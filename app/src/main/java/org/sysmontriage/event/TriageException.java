package org.sysmontriage.event;

/**
 * The one user-facing error: its message says what went wrong and what a person can do about it.
 * Technical detail stays in the cause, for the log.
 */
public class TriageException extends RuntimeException {
  public TriageException(String message) {
    super(message);
  }

  public TriageException(String message, Throwable cause) {
    super(message, cause);
  }
}
