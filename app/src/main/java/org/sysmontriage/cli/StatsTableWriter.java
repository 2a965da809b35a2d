package org.sysmontriage.cli;

import java.io.PrintWriter;
import java.util.function.Function;
import org.sysmontriage.event.SourceInfo;
import org.sysmontriage.ingest.ImportResult;
import org.sysmontriage.ingest.Importer;

/**
 * {@code stats --format table}: an aligned table for a person, then a summary line. SOURCE is the
 * last column, so a long path never pushes the others out of line.
 */
final class StatsTableWriter {
  private StatsTableWriter() {}

  private static int width(ImportResult r, Function<SourceInfo, String> column, String title) {
    return Math.max(title.length(), r.sources().stream().filter(s -> !notALog(s))
        .mapToInt(s -> column.apply(s).length()).max().orElse(0));
  }

  static void write(ImportResult r, PrintWriter out) {
    int format = width(r, SourceInfo::format, "FORMAT");
    int dialect = width(r, s -> dash(s.dialect()), "DIALECT");
    int sha = width(r, s -> dash(s.sha256()), "SHA-256");
    String cells = "%-" + format + "s  %-" + dialect + "s  %10s  %8s  %6s  %5s  %-" + sha + "s  ";
    String header = String.format(cells, "FORMAT", "DIALECT", "EVENTS", "SKIPPED", "ISSUES", "NOTES", "SHA-256");
    out.println(header + "SOURCE");
    for (SourceInfo s : r.sources()) {
      if (notALog(s)) {
        out.println(String.format("%-" + header.length() + "s", "skipped (not a log)") + TerminalText.safe(s.source()));
        continue;
      }
      long notes = s.issues().stream().filter(i -> !i.damage()).count();
      out.println(String.format(cells, s.format(), dash(s.dialect()), num(s.events()), num(s.skipped()),
          num(s.issues().size() - notes), num(notes), dash(s.sha256())) + TerminalText.safe(s.source()));
    }
    out.println();
    out.println(summary(r));
  }

  private static String summary(ImportResult r) {
    long events = r.store().size();
    long bytes = r.store().bytesUsed();
    long logs = r.sources().stream().filter(s -> !notALog(s)).count();
    long notes = r.sources().stream().flatMap(s -> s.issues().stream()).filter(i -> !i.damage()).count();
    return String.format("%s %s from %s %s in %.2f s; store %s (%s bytes/event)%s%s", num(events), plural(events, "event"),
        num(logs), plural(logs, "log"), r.elapsedNanos() / 1e9, size(bytes), num(events == 0 ? 0 : bytes / events),
        r.damaged() ? "; some input could not be read whole (see stderr)" : "",
        notes > 0 ? "; " + num(notes) + " " + plural(notes, "note") + " (see stderr)" : "");
  }

  private static boolean notALog(SourceInfo s) {
    return s.format().equals(Importer.NOT_A_LOG);
  }

  private static String dash(String s) {
    return s.isEmpty() ? "-" : TerminalText.safe(s);
  }

  static String num(long n) {
    return String.format("%,d", n);
  }

  private static String plural(long n, String word) {
    return n == 1 ? word : word + "s";
  }

  /** Human-friendly size: bytes, KB, MB or GB (decimal units, one decimal). */
  static String size(long bytes) {
    if (bytes < 1_000) {
      return bytes + " bytes";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double v = bytes / 1e3;
    int u = 0;
    while (v >= 1_000 && u < units.length - 1) {
      v /= 1e3;
      u++;
    }
    return String.format("%.1f %s", v, units[u]);
  }
}
