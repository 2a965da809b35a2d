package org.sysmontriage.ui.common;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.sysmontriage.event.CancelledException;
import org.sysmontriage.event.TriageException;

/** A failed background job in words a person can act on; the technical detail goes to the log. */
public final class Failures {
  private static final Logger LOG = Logger.getLogger(Failures.class.getName());

  private Failures() {}

  /** "{@code what}: reason" (a TriageException's message, else the exception), logged with its stack. */
  public static String says(String what, Throwable e) {
    if (e instanceof CancelledException) {
      return what + ": cancelled";
    }
    LOG.log(Level.WARNING, what, e);
    String reason = e instanceof TriageException || e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    return what + ": " + reason + " (details in " + ErrorLog.file() + ")";
  }
}
