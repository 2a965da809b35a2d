package org.sysmontriage.report;

import java.io.IOException;
import java.io.OutputStream;

/** Writes one report format. The stream is not closed. */
public interface ReportWriter {
  void write(ReportData data, OutputStream out) throws IOException;
}
