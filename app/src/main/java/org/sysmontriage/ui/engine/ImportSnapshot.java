package org.sysmontriage.ui.engine;

/**
 * Where an import stands, as the progress panel shows it.
 *
 * @param currentSource the log being read now, or empty
 */
public record ImportSnapshot(
    long bytesDone,
    long bytesTotal,
    long events,
    int filesDone,
    int filesTotal,
    String currentSource,
    double mbPerSecond) {

  public static final ImportSnapshot START = new ImportSnapshot(0, -1, 0, 0, 0, "", 0);

  /** Fraction done 0..1, or -1 when the total is not known yet. */
  public double fraction() {
    return bytesTotal > 0 ? Math.min(1.0, (double) bytesDone / bytesTotal) : -1;
  }
}
