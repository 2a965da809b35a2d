package org.sysmontriage.event;

import java.nio.file.Path;
import java.util.List;

/**
 * One log that was read: a file, or a member of an archive.
 *
 * @param source the path as the user gave it (joined with the path inside a walked folder); an
 *     archive member is {@code ARCHIVE::MEMBER}
 * @param localFile the file the events were read from (the input itself, or a private temporary
 *     copy of an archive member), used to re-read raw records on demand
 * @param format {@code evtx}, {@code xml}, {@code json} or {@code unknown}
 * @param dialect the dialect within the format (e.g. {@code winlogbeat7}, {@code evtx-xml})
 * @param sha256 hex SHA-256 of the log's bytes (of the member, for archive members)
 * @param sizeBytes size of the log's bytes
 * @param events events read
 * @param skipped records that could not be read (each has an issue, up to the issue cap)
 * @param issues located issues and notes, in reading order, capped
 */
public record SourceInfo(
    String source,
    Path localFile,
    String format,
    String dialect,
    String sha256,
    long sizeBytes,
    long events,
    long skipped,
    List<ImportIssue> issues) {

  public SourceInfo {
    issues = List.copyOf(issues);
  }

  /** True when something in this log could not be read; notes ({@link ImportIssue#damage()} false) do not count. */
  public boolean damaged() {
    return skipped > 0 || issues.stream().anyMatch(ImportIssue::damage);
  }
}
