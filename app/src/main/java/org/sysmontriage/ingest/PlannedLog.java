package org.sysmontriage.ingest;

import java.nio.file.Path;
import java.util.List;
import org.sysmontriage.event.ImportIssue;

/**
 * One log the import will read, or one input it will only list: a file that is not a log
 * (format unknown, no issue) or one it cannot read (format unknown, with issues).
 *
 * @param source the name shown to the user
 * @param file the file to read: the input itself or a private copy of an archive member
 * @param sha256 known already (archive members, hashed while copied), or null to hash {@code file}
 * @param issues problems met before reading (e.g. the archive breaks inside this member)
 * @param explicit named by the user, not found in a folder or archive
 */
record PlannedLog(String source, Path file, SniffedFormat format, long size, String sha256, List<ImportIssue> issues,
    boolean explicit) {
  PlannedLog {
    issues = List.copyOf(issues);
  }

  static PlannedLog unreadable(String source, Path file, String where, String message) {
    return new PlannedLog(source, file, SniffedFormat.UNKNOWN, 0, "", List.of(new ImportIssue(source, where, message)), true);
  }

  static PlannedLog notALog(String source, Path file, long size, String sha256) {
    return new PlannedLog(source, file, SniffedFormat.UNKNOWN, size, sha256, List.of(), false);
  }

  /** An entry listed with a note only (e.g. a link inside an archive): not a log, no damage. */
  static PlannedLog note(String source, String where, String message) {
    return new PlannedLog(source, null, SniffedFormat.UNKNOWN, 0, "", List.of(ImportIssue.note(source, where, message)), false);
  }

  boolean isLog() {
    return format.isLog();
  }

  /** Not a log and nothing wrong with it (notes only). */
  boolean isNotALog() {
    return !format.isLog() && issues.stream().noneMatch(ImportIssue::damage);
  }
}
