package org.sysmontriage.report;

import java.io.IOException;
import java.nio.file.Path;
import org.sysmontriage.casefile.AtomicFiles;
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
   * Writes a report file atomically (a half-written report never replaces a good one).
   *
   * @return what the report holds, for a one-line summary
   */
  public static ReportData write(ReportType type, ReportInput input, Path out) {
    ReportData data = ReportData.of(input);
    try {
      AtomicFiles.write(out, o -> writer(type).write(data, o));
      return data;
    } catch (IOException e) {
      throw new TriageException("cannot write the report to " + out + ": " + e.getMessage(), e);
    }
  }
}
