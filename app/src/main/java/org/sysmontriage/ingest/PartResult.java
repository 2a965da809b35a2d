package org.sysmontriage.ingest;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.sysmontriage.event.ImportIssue;
import org.sysmontriage.event.SourceInfo;
import org.sysmontriage.ingest.json.JsonLineRanges;

/**
 * What reading one {@link LogPart} found, without its events (they went to the sink): counts and
 * issues of a range, or the whole sources of a whole-file piece (an archive gives one per member).
 *
 * @param sha256 the whole input's SHA-256, computed by its first piece
 * @param chunksWithMagic EVTX chunks of the range that carried the ElfChnk signature
 * @param lines a JSON-lines range's problems, numbered once all ranges are in
 * @param sources the logs a whole-file piece read
 */
public record PartResult(int file, int part, long events, long skipped, List<ImportIssue> issues, String dialect,
    String sha256, int chunksWithMagic, JsonLineRanges.Part lines, List<Source> sources) implements Serializable {

  public PartResult {
    issues = List.copyOf(issues);
    sources = List.copyOf(sources);
  }

  /** This result with the input's SHA-256, computed apart ({@link SplitReading#sha256}). */
  public PartResult withSha256(String hash) {
    return new PartResult(file, part, events, skipped, issues, dialect, hash, chunksWithMagic, lines, sources);
  }

  /** A {@link SourceInfo} without its local file, which stays on the machine that read it. */
  public record Source(String source, String format, String dialect, String sha256, long sizeBytes, long events,
      long skipped, List<ImportIssue> issues) implements Serializable {
    public Source {
      issues = List.copyOf(issues);
    }

    static Source of(SourceInfo s, String name) {
      return new Source(name, s.format(), s.dialect(), s.sha256(), s.sizeBytes(), s.events(), s.skipped(), s.issues());
    }

    SourceInfo info(Path localFile) {
      return new SourceInfo(source, localFile, format, dialect, sha256, sizeBytes, events, skipped, issues);
    }
  }
}
