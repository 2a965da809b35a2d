package org.sysmontriage.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.ImportIssue;
import org.sysmontriage.event.SourceInfo;
import org.sysmontriage.ingest.evtx.EvtxLogReader;
import org.sysmontriage.ingest.json.JsonLineRanges;

/**
 * An import cut into independent pieces that other machines read: {@link #plan} walks and sniffs
 * the inputs and cuts big EVTX files by chunk ranges and big JSON-lines files by line ranges;
 * {@link #read} reads one piece anywhere; {@link #merge} turns the pieces' results back into the
 * {@link SourceInfo}s one {@link Importer} run would give (counts, located issues in file order,
 * SHA-256), so split reading reports exactly what the desktop reports.
 */
public final class SplitReading {
  private SplitReading() {}

  /** Receives the events of a piece with the name of the log they came from. */
  @FunctionalInterface
  public interface PartSink {
    void accept(EventDraft draft, String source);
  }

  /** Every piece of {@code paths}, inputs in order; big files cut into pieces of about {@code splitBytes}. */
  public static List<LogPart> plan(List<String> paths, long splitBytes) {
    List<LogPart> out = new ArrayList<>();
    List<InputFile> inputs = new InputWalker(new CancellationToken()).walk(paths);
    for (int i = 0; i < inputs.size(); i++) {
      out.addAll(pieces(i, inputs.get(i), Math.max(65_536, splitBytes)));
    }
    return out;
  }

  private static List<LogPart> pieces(int file, InputFile in, long splitBytes) {
    String path = in.path() == null ? in.source() : in.path().toAbsolutePath().toString();
    if (in.problem() != null) {
      return List.of(new LogPart(file, 0, 1, in.source(), path, LogPart.Kind.UNREADABLE, true, 0, 0, 0, in.problem()));
    }
    if (in.format() == SniffedFormat.EVTX) {
      return ranges(file, in, path, LogPart.Kind.EVTX_CHUNKS, chunkRanges(in.size(), splitBytes));
    }
    if (in.format() == SniffedFormat.JSON) {
      try {
        if (JsonLineRanges.isLineDelimited(in.path())) {
          return ranges(file, in, path, LogPart.Kind.JSON_LINES, JsonLineRanges.split(in.path(), splitBytes));
        }
      } catch (IOException e) {
        return List.of(new LogPart(file, 0, 1, in.source(), path, LogPart.Kind.UNREADABLE, true, 0, 0, 0, InputWalker.reason(e)));
      }
    }
    LogPart.Kind kind = in.format().isLog() || in.format().isArchive() || in.explicit() ? LogPart.Kind.WHOLE : LogPart.Kind.NOT_A_LOG;
    return List.of(new LogPart(file, 0, 1, in.source(), path, kind, in.explicit(), in.size(), 0, in.size(), null));
  }

  private static List<long[]> chunkRanges(long size, long splitBytes) {
    int slots = EvtxLogReader.chunkSlots(size);
    int per = (int) Math.max(1, splitBytes / 65_536);
    List<long[]> out = new ArrayList<>();
    for (int c = 0; c < slots; c += per) {
      out.add(new long[] {c, Math.min(slots, c + per)});
    }
    if (out.isEmpty()) {
      out.add(new long[] {0, 0}); // a file cut inside its header is still read, to report it
    }
    return out;
  }

  private static List<LogPart> ranges(int file, InputFile in, String path, LogPart.Kind kind, List<long[]> ranges) {
    List<LogPart> out = new ArrayList<>();
    for (int p = 0; p < ranges.size(); p++) {
      long[] r = ranges.get(p);
      out.add(new LogPart(file, p, ranges.size(), in.source(), path, kind, in.explicit(), in.size(), r[0], r[1], null));
    }
    return out;
  }

  /** Reads one piece: its events go to {@code sink}; bad input becomes located issues, never an exception. */
  public static PartResult read(LogPart part, PartSink sink) {
    return read(part, sink, true);
  }

  /**
   * Reads one piece; with {@code hash} false the first piece of a range-split input leaves its
   * SHA-256 empty, for {@link #sha256} to compute in a task of its own (hashing a big file is
   * serial and would make its first piece the slowest) and {@link PartResult#withSha256} to put in.
   */
  public static PartResult read(LogPart part, PartSink sink, boolean hash) {
    return switch (part.kind()) {
      case EVTX_CHUNKS -> readEvtx(part, sink, hash);
      case JSON_LINES -> readLines(part, sink, hash);
      case WHOLE -> readWhole(part, sink);
      case NOT_A_LOG -> new PartResult(part.file(), 0, 0, 0, List.of(), "", "", 0, null, List.of()); // listed, not hashed
      case UNREADABLE -> new PartResult(part.file(), 0, 0, 0, List.of(), "", "", 0, null, List.of());
    };
  }

  private static ReadContext context(LogPart part, PartSink sink) {
    return new ReadContext(part.source(), d -> sink.accept(d, part.source()), new CancellationToken(), b -> { });
  }

  private static String hash(LogPart part, boolean hash) {
    return hash && part.part() == 0 ? sha256(part) : "";
  }

  /** The SHA-256 of the whole input a piece belongs to, as the importer reports it. */
  public static String sha256(LogPart part) {
    return FileHasher.sha256(Path.of(part.path()), new CancellationToken());
  }

  private static PartResult readEvtx(LogPart part, PartSink sink, boolean hash) {
    ReadContext ctx = context(part, sink);
    int[] found = {0};
    LogReading.guarded("evtx", ctx, () -> found[0] = new EvtxLogReader(1).readChunks(Path.of(part.path()),
        (int) part.from(), (int) part.to(), ctx));
    return new PartResult(part.file(), part.part(), ctx.events(), ctx.skipped(), ctx.issues(), ctx.dialect(), hash(part, hash),
        found[0], null, List.of());
  }

  private static PartResult readLines(LogPart part, PartSink sink, boolean hash) {
    ReadContext ctx = context(part, sink);
    JsonLineRanges.Part[] lines = {null};
    LogReading.guarded("json", ctx, () -> lines[0] = new JsonLineRanges().read(Path.of(part.path()), part.from(), part.to(), ctx));
    return new PartResult(part.file(), part.part(), ctx.events(), ctx.skipped(), ctx.issues(), "", hash(part, hash), 0, lines[0], List.of());
  }

  /** XML, JSON documents and archives: one desktop import of the file, whose events are handed on in store order. */
  private static PartResult readWhole(LogPart part, PartSink sink) {
    Path temp = null;
    try {
      temp = Files.createTempDirectory("sysmon-triage-part-");
      ImportResult r = new Importer(ImportOptions.defaults().withThreads(1), new LogReaders(), temp)
          .run(List.of(part.path()), ImportProgress.NONE, new CancellationToken());
      EventStore store = r.store();
      EventDraft d = new EventDraft();
      for (int e = 0; e < store.size(); e++) {
        store.copyTo(e, d);
        sink.accept(d, rename(store.source(e).source(), part));
      }
      List<PartResult.Source> sources = new ArrayList<>();
      for (SourceInfo s : r.sources()) {
        sources.add(renamed(s, part));
      }
      return new PartResult(part.file(), 0, store.size(), 0, List.of(), "", "", 0, null, sources);
    } catch (IOException e) {
      ImportIssue issue = new ImportIssue(part.source(), "file", "cannot make a temporary folder: " + e.getMessage());
      return new PartResult(part.file(), 0, 0, 0, List.of(issue), "", "", 0, null, List.of());
    } finally {
      deleteTree(temp);
    }
  }

  /** The import names logs by the absolute path it was given; the user knows them by the path they gave. */
  private static String rename(String name, LogPart part) {
    return name.startsWith(part.path()) ? part.source() + name.substring(part.path().length()) : name;
  }

  private static PartResult.Source renamed(SourceInfo s, LogPart part) {
    List<ImportIssue> issues = new ArrayList<>();
    for (ImportIssue i : s.issues()) {
      issues.add(new ImportIssue(rename(i.source(), part), i.where(), i.message(), i.damage()));
    }
    boolean textWithoutEvents = !part.explicit() && !s.format().equals("evtx") && s.events() == 0
        && s.source().equals(part.path()) && !s.format().equals(Importer.UNKNOWN);
    if (textWithoutEvents) { // a metadata.json beside the logs of a folder: listed, not an error (as LogReading does)
      return new PartResult.Source(part.source(), Importer.NOT_A_LOG, "", s.sha256(), s.sizeBytes(), 0, 0, List.of());
    }
    return new PartResult.Source(rename(s.source(), part), s.format(), s.dialect(), s.sha256(), s.sizeBytes(),
        s.events(), s.skipped(), issues);
  }

  /**
   * The logs read, in input order, as one import would list them: the pieces of each input put back
   * together (events and skips summed, issues in file order, JSON line numbers made whole-file, the
   * EVTX file header checked against every chunk found).
   */
  public static List<SourceInfo> merge(List<LogPart> plan, List<PartResult> results) {
    List<SourceInfo> out = new ArrayList<>();
    int at = 0;
    while (at < plan.size()) {
      LogPart first = plan.get(at);
      int end = at;
      while (end < plan.size() && plan.get(end).file() == first.file()) {
        end++;
      }
      List<PartResult> pieces = new ArrayList<>();
      for (int p = at; p < end; p++) {
        pieces.add(find(results, first.file(), plan.get(p).part()));
      }
      out.addAll(mergeInput(first, pieces));
      at = end;
    }
    return out;
  }

  private static PartResult find(List<PartResult> results, int file, int part) {
    for (PartResult r : results) {
      if (r.file() == file && r.part() == part) {
        return r;
      }
    }
    throw new IllegalArgumentException("no result for piece " + part + " of input " + file);
  }

  private static List<SourceInfo> mergeInput(LogPart first, List<PartResult> pieces) {
    Path local = Path.of(first.path());
    return switch (first.kind()) {
      case WHOLE -> pieces.get(0).sources().stream().map(s -> s.info(null)).toList();
      case NOT_A_LOG -> List.of(new SourceInfo(first.source(), local, Importer.NOT_A_LOG, "", pieces.get(0).sha256(), first.size(), 0, 0, List.of()));
      case UNREADABLE -> List.of(new SourceInfo(first.source(), null, Importer.UNKNOWN, "", "", 0, 0, 0,
          List.of(new ImportIssue(first.source(), "file", first.problem()))));
      case EVTX_CHUNKS, JSON_LINES -> List.of(mergeRanges(first, pieces, local));
    };
  }

  private static SourceInfo mergeRanges(LogPart first, List<PartResult> pieces, Path local) {
    ReadContext ctx = new ReadContext(first.source(), d -> { }, new CancellationToken(), b -> { });
    long events = 0;
    long skipped = 0;
    int chunks = 0;
    List<JsonLineRanges.Part> lines = new ArrayList<>();
    for (PartResult r : pieces) {
      events += r.events();
      skipped += r.skipped();
      chunks += r.chunksWithMagic();
      for (ImportIssue i : r.issues()) {
        if (i.damage()) {
          ctx.issue(i.where(), i.message());
        } else {
          ctx.note(i.where(), i.message());
        }
      }
      if (r.lines() != null) {
        lines.add(r.lines());
      }
    }
    String format;
    if (first.kind() == LogPart.Kind.EVTX_CHUNKS) {
      format = "evtx";
      int found = chunks;
      LogReading.guarded(format, ctx, () -> new EvtxLogReader(1).reportHeader(local, found, ctx));
    } else {
      format = "json";
      if (lines.size() == pieces.size()) {
        new JsonLineRanges().finish(lines, events, ctx);
      }
      if (!first.explicit() && events == 0) { // a JSON file beside the logs of a folder, not a log
        return new SourceInfo(first.source(), local, Importer.NOT_A_LOG, "", pieces.get(0).sha256(), first.size(), 0, 0, List.of());
      }
    }
    String dialect = ctx.dialect().isEmpty() ? pieces.get(0).dialect() : ctx.dialect();
    return new SourceInfo(first.source(), local, format, dialect, pieces.get(0).sha256(), first.size(), events,
        skipped + ctx.skipped(), ctx.issues());
  }

  private static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // best effort: the system cleans its temporary folder
    }
  }
}
