package org.sysmontriage.cli;

import java.io.PrintWriter;
import java.util.function.Function;
import org.sysmontriage.event.SourceInfo;
import org.sysmontriage.ingest.ImportResult;
import org.sysmontriage.ingest.Importer;

/** {@code stats --format table}: an aligned table for a person, then a summary line. */
final class StatsTableWriter {
  private StatsTableWriter() {}

  private static int width(ImportResult r, Function<SourceInfo, String> column, String title, int max) {
    return Math.min(max, Math.max(title.length(), r.sources().stream().mapToInt(s -> column.apply(s).length()).max().orElse(0)));
  }

  static void write(ImportResult r, PrintWriter out) {
    int width = width(r, SourceInfo::source, "SOURCE", 100);
    int dialect = width(r, SourceInfo::dialect, "DIALECT", 30);
    String row = "%-" + width + "s  %-7s  %-" + dialect + "s  %10s  %8s  %6s  %s%n";
    out.printf(row, "SOURCE", "FORMAT", "DIALECT", "EVENTS", "SKIPPED", "ISSUES", "SHA-256");
    for (SourceInfo s : r.sources()) {
      if (s.format().equals(Importer.NOT_A_LOG)) {
        out.printf("%-" + width + "s  skipped (not a log)%n", s.source());
        continue;
      }
      out.printf(row, s.source(), s.format(), s.dialect().isEmpty() ? "-" : s.dialect(), String.format("%,d", s.events()),
          String.format("%,d", s.skipped()), s.issues().size(), s.sha256().isEmpty() ? "-" : s.sha256());
    }
    long events = r.store().size();
    long bytes = r.store().bytesUsed();
    long logs = r.sources().stream().filter(s -> !s.format().equals(Importer.NOT_A_LOG)).count();
    out.printf("%n%,d events from %d logs in %.2f s; store %.1f MB (%d bytes/event)%s%n", events, logs, r.elapsedNanos() / 1e9,
        bytes / 1e6, events == 0 ? 0 : bytes / events, r.damaged() ? "; some input could not be read whole (see stderr)" : "");
  }
}
