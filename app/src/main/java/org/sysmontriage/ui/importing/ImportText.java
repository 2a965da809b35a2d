package org.sysmontriage.ui.importing;

import org.sysmontriage.ui.engine.ImportSnapshot;

/** Progress in words: "12,345 events · 42.1 MB/s · file 2 of 5 · sysmon.json". */
final class ImportText {
  private ImportText() {}

  static String of(ImportSnapshot s) {
    StringBuilder b = new StringBuilder(String.format("%,d events", s.events()));
    if (s.mbPerSecond() > 0) {
      b.append(String.format(" · %.1f MB/s", s.mbPerSecond()));
    }
    if (s.bytesTotal() > 0) {
      b.append(String.format(" · %.1f of %.1f MB", s.bytesDone() / 1e6, s.bytesTotal() / 1e6));
    }
    if (s.filesTotal() > 0) {
      b.append(String.format(" · file %d of %d", Math.min(s.filesDone() + 1, s.filesTotal()), s.filesTotal()));
    }
    if (!s.currentSource().isEmpty()) {
      b.append(" · ").append(s.currentSource());
    }
    return b.toString();
  }
}
