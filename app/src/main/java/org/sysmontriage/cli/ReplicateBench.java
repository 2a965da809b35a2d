package org.sysmontriage.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.sysmontriage.detect.AnalyticLibrary;
import org.sysmontriage.detect.Detector;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventReplicas;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.ProgressListener;
import org.sysmontriage.event.Times;
import org.sysmontriage.event.TriageException;
import org.sysmontriage.ingest.ImportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench replicate --events N --out FILE [--hit-events] PATH...}: writes N events made from the
 * events of PATHs as {@code bench detect} makes them (each copy with its own values), as a flat
 * NDJSON log any version of the tool reads, so the same input can be given to two builds (e.g. to
 * find the largest report each one writes in a given heap: {@code app/bench/report-heap.sh}).
 */
@Command(name = "replicate", mixinStandardHelpOptions = true,
    description = "Write N events built from the events of PATHs (each copy with its own values) to a new NDJSON file.")
final class ReplicateBench implements Callable<Integer> {
  /** Top-level keys of the flat NDJSON; an event field of the same name is left out of the copy. */
  private static final Set<String> SYSTEM = Set.of("EventID", "Hostname", "Channel", "SourceName", "RecordNumber", "@timestamp");

  @Option(names = "--events", required = true, description = "events to write")
  int events;

  @Option(names = "--out", required = true, description = "the NDJSON file to create (an existing file is refused)")
  Path out;

  @Option(names = "--hit-events", description = "copy only the events that a built-in analytic hits")
  boolean hitEvents;

  @Mixin
  PathArgs paths;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (events < 1) {
      throw new TriageException("--events must be at least 1");
    }
    PrintWriter msg = spec.commandLine().getOut();
    ImportResult imported = ImportSupport.importPaths(paths.paths(), spec.commandLine().getErr());
    EventStore real = imported.store();
    int[] seeds = hitEvents ? hitEvents(real) : java.util.stream.IntStream.range(0, real.size()).toArray();
    if (seeds.length == 0) {
      throw new TriageException(hitEvents ? "no event of the given logs has a hit: nothing to copy" : "no events in the given logs: nothing to copy");
    }
    EventStore store = EventReplicas.replicate(real, seeds, events, new CancellationToken(),
        (name, value, copy, ticks) -> DetectBench.distinct(value, copy), EventReplicas.SAME_HOST);
    try (OutputStream o = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        JsonGenerator g = new JsonFactory().createGenerator(new java.io.BufferedOutputStream(o, 1 << 16), JsonEncoding.UTF8)) {
      g.setRootValueSeparator(null);
      for (int e = 0; e < store.size(); e++) {
        write(g, store, e);
        g.flush();
        o.write('\n');
      }
    }
    msg.printf(Locale.ROOT, "wrote %s: %,d events copied from %,d real ones%s%n", TerminalText.safe(out.toString()), store.size(),
        seeds.length, hitEvents ? " that have a hit" : "");
    return TriageCommand.OK;
  }

  private static int[] hitEvents(EventStore real) {
    return new Detector(AnalyticLibrary.builtIn()).run(real, ProgressListener.NONE, new CancellationToken()).hits().stream()
        .mapToInt(Hit::event).distinct().sorted().toArray();
  }

  private static void write(JsonGenerator g, EventStore s, int e) throws IOException {
    g.writeStartObject();
    g.writeNumberField("EventID", s.eventId(e));
    g.writeStringField("Hostname", s.computer(e));
    g.writeStringField("Channel", s.channel(e));
    g.writeStringField("SourceName", s.provider(e));
    g.writeNumberField("RecordNumber", s.recordId(e));
    if (s.ticks(e) != Times.UNKNOWN) {
      g.writeStringField("@timestamp", Times.format(s.ticks(e)));
    }
    for (int k = 0, n = s.fieldCount(e); k < n; k++) {
      if (!SYSTEM.contains(s.fieldName(e, k))) {
        g.writeStringField(s.fieldName(e, k), s.fieldValue(e, k));
      }
    }
    g.writeEndObject();
  }
}
