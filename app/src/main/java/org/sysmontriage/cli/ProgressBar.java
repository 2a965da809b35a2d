package org.sysmontriage.cli;

import java.io.PrintWriter;
import org.sysmontriage.ingest.ImportProgress;
import org.sysmontriage.ingest.ImportStatus;

/** A one-line progress bar redrawn in place on a terminal's stderr. */
final class ProgressBar implements ImportProgress {
  private static final int BAR = 24;
  private static final int SOURCE = 40;

  private final PrintWriter err;
  private int lastLength;

  ProgressBar(PrintWriter err) {
    this.err = err;
  }

  @Override
  public synchronized void update(ImportStatus s) {
    draw(line(s));
  }

  /** Wipes the bar so that what follows starts on a clean line. */
  synchronized void clear() {
    if (lastLength > 0) {
      err.print("\r" + " ".repeat(lastLength) + "\r");
      err.flush();
      lastLength = 0;
    }
  }

  static String line(ImportStatus s) {
    double f = s.fraction();
    int filled = f < 0 ? 0 : (int) Math.round(f * BAR);
    String pct = f < 0 ? "  ... " : String.format("%4.0f%% ", f * 100);
    return "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "]" + pct
        + String.format("%,d events  %s  %.1f MB/s  ", s.events(),
            s.filesTotal() == 0 ? "expanding archives" : s.filesDone() + "/" + s.filesTotal() + " logs", s.mbPerSecond())
        + tail(s.currentSource());
  }

  private void draw(String line) {
    String pad = line.length() < lastLength ? " ".repeat(lastLength - line.length()) : "";
    err.print("\r" + line + pad);
    err.flush();
    lastLength = line.length();
  }

  private static String tail(String source) {
    return source.length() <= SOURCE ? source : "..." + source.substring(source.length() - SOURCE + 3);
  }
}
