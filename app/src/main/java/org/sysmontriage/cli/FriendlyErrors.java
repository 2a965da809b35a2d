package org.sysmontriage.cli;

import org.sysmontriage.event.TriageException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns failures into one line a person can act on; a stack trace only with SYSMON_TRIAGE_DEBUG set. */
final class FriendlyErrors implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
    String message = e instanceof TriageException ? e.getMessage() : "unexpected error: " + e;
    cl.getErr().println("sysmon-triage: " + TerminalText.safe(message));
    if (System.getenv("SYSMON_TRIAGE_DEBUG") != null) {
      e.printStackTrace(cl.getErr());
    }
    return TriageCommand.PARTIAL;
  }
}
