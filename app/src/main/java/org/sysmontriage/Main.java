package org.sysmontriage;

import org.sysmontriage.cli.TriageCommand;
import org.sysmontriage.cli.UiBench;
import org.sysmontriage.ui.bench.PulseProbe;
import org.sysmontriage.ui.TriageApp;

/**
 * Entry point of the jar. No arguments, or only paths: the GUI. A subcommand: the command line.
 * Not a JavaFX Application itself, so the shaded jar starts on a plain classpath.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    UiBench.use(PulseProbe::run);
    if (TriageCommand.isCommandLine(args)) {
      System.exit(TriageCommand.run(args));
    }
    try {
      TriageApp.main(args);
    } catch (UnsupportedOperationException e) { // JavaFX without a display: "Unable to open DISPLAY"
      System.err.println("sysmon-triage: cannot open the window: no graphical display here (" + e.getMessage()
          + "). Use the command line instead, e.g. java -jar sysmon-triage.jar stats PATH; see --help.");
      System.exit(TriageCommand.USAGE);
    }
  }
}
