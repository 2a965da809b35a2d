package org.sysmontriage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.ingest.ImportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code events [--format jsonl|csv] [--event-id N ...] PATH...}: every event, streamed in import order. */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description = "Load logs and print every event (or those with the given EventIDs) in import order: per log, "
        + "in the order the log holds them. Exit 0 all read, 1 some input damaged, 2 usage.")
public final class EventsCommand implements Callable<Integer> {
  enum Format { jsonl, csv }

  @Option(names = "--format", defaultValue = "jsonl", paramLabel = "jsonl|csv", description = "Output: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--event-id", split = ",", paramLabel = "N", description = "Only events with this EventID; repeat or separate with commas.")
  List<Integer> eventIds = List.of();

  @Mixin
  PathArgs paths;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    ImportResult result = ImportSupport.importPaths(paths.paths(), spec.commandLine().getErr());
    EventStore store = result.store();
    try (EventWriter w = format == Format.csv ? new EventCsvWriter(out) : new EventJsonlWriter(out)) {
      for (int e = 0, n = store.size(); e < n; e++) {
        if (eventIds.isEmpty() || eventIds.contains(store.eventId(e))) {
          w.write(store, e);
        }
      }
    }
    out.flush();
    return ImportSupport.exitCode(result);
  }
}
