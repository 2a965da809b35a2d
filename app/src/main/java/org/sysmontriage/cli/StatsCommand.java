package org.sysmontriage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.sysmontriage.ingest.ImportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stats [--format table|jsonl] PATH...}: what each log holds, as the GUI would load it. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = "Load logs into the store and tell, per log (archive members separately), its format, dialect, "
        + "SHA-256, events, skipped records and issues. Exit 0 all read, 1 some input damaged, 2 usage.")
public final class StatsCommand implements Callable<Integer> {
  enum Format { table, jsonl }

  @Option(names = "--format", defaultValue = "table", paramLabel = "table|jsonl", description = "Output: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  Format format;

  @Mixin
  PathArgs paths;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    ImportResult result = ImportSupport.importPaths(paths.paths(), spec.commandLine().getErr());
    if (format == Format.jsonl) {
      StatsJsonlWriter.write(result, out);
    } else {
      StatsTableWriter.write(result, out);
    }
    out.flush();
    return ImportSupport.exitCode(result);
  }
}
