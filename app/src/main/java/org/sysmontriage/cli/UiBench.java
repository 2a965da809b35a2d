package org.sysmontriage.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.sysmontriage.event.TriageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench ui [--events N] [--idle MS] PATH...}: the window's pulse probe. The command line does
 * not know the GUI (layers): the entry point hands the probe in with {@link #use}.
 */
@Command(name = "ui", mixinStandardHelpOptions = true,
    description = {"Open N synthetic events built from the real events of PATHs (every path, id, GUID and time distinct per copy) "
        + "in the real window and report the worst gap between JavaFX pulses during import, analytics and the first steps after "
        + "(select, sort, filter, search). Needs a display (a desktop or Xvfb). Last line: worst FX pulse gap: N ms."})
public final class UiBench implements Callable<Integer> {
  /** The GUI's probe: runs it and prints its lines. */
  @FunctionalInterface
  public interface Probe {
    int run(List<String> paths, int events, long idleMillis, PrintWriter out) throws Exception;
  }

  private static Probe probe;

  /** Called once by the entry point before the command line runs. */
  public static void use(Probe p) {
    probe = p;
  }

  @Option(names = "--events", defaultValue = "1000000", description = "events in the synthetic store (default ${DEFAULT-VALUE})")
  int events;

  @Option(names = "--idle", defaultValue = "1500", description = "milliseconds of watching after each step (default ${DEFAULT-VALUE})")
  long idle;

  @Mixin
  PathArgs paths;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (probe == null) {
      throw new TriageException("bench ui needs the GUI, which this build does not include");
    }
    if (events < 1) {
      throw new TriageException("--events must be at least 1");
    }
    return probe.run(paths.paths(), events, idle, spec.commandLine().getOut());
  }
}
