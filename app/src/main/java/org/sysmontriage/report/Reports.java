package org.sysmontriage.report;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import org.sysmontriage.casefile.AtomicFiles;
import org.sysmontriage.casefile.EvidenceGuard;
import org.sysmontriage.event.TriageException;

/** The entry point for callers (command line, GUI): pick a writer, or write a report file. */
public final class Reports {
  private Reports() {}

  public static ReportWriter writer(ReportType type) {
    return switch (type) {
      case HTML -> new HtmlReportWriter();
      case CSV -> new CsvReportWriter();
      case JSON -> new JsonReportWriter();
      case NAVIGATOR -> new NavigatorLayerWriter();
    };
  }

  /**
   * Writes a report file atomically (a half-written report never replaces a good one), never on
   * evidence: {@code evidence} refuses a target that is a log read, inside an input folder, or not
   * a regular file ({@link TriageException}).
   *
   * @return what the report holds, for a one-line summary
   */
  public static ReportData write(ReportType type, ReportInput input, Path out, EvidenceGuard evidence) {
    Path file = evidence.check(out, "the report file");
    ReportData data = ReportData.of(input);
    try {
      AtomicFiles.write(file, o -> writer(type).write(data, o));
      return data;
    } catch (IOException e) {
      throw new TriageException("cannot write the report to " + out + ": " + reason(e, out), e);
    }
  }

  /** Why a file could not be written, in words (Java names only the file for the common cases). */
  static String reason(IOException e, Path out) {
    Path dir = out.toAbsolutePath().getParent();
    if (e instanceof AccessDeniedException) {
      return "permission denied (the folder " + dir + " or the file is not writable)";
    }
    if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
      return "a part of the path is a file, not a folder";
    }
    if (e instanceof NoSuchFileException) {
      return "no such folder: " + dir;
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      String r = f.getReason();
      return r.substring(0, 1).toLowerCase(Locale.ROOT) + r.substring(1) + (f.getFile() == null ? "" : " (" + f.getFile() + ")");
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
