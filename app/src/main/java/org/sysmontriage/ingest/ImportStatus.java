package org.sysmontriage.ingest;

/**
 * A snapshot of a running import, immutable, safe to hand to another thread.
 *
 * @param bytesDone log bytes read so far; while archives are expanded ({@code filesTotal} 0),
 *     archive bytes expanded so far
 * @param bytesTotal log bytes to read; while archives are expanded, archive bytes to expand
 * @param events events stored so far
 * @param filesDone logs finished
 * @param filesTotal logs to read (0 while archives are still being expanded)
 * @param currentSource the log most recently started, as the user names it
 * @param mbPerSecond read speed since the start, in MB (10^6 bytes) per second
 */
public record ImportStatus(long bytesDone, long bytesTotal, long events, int filesDone, int filesTotal,
    String currentSource, double mbPerSecond) {

  /** Done fraction in [0, 1], or -1 when the total is not known yet. */
  public double fraction() {
    return bytesTotal <= 0 ? -1 : Math.min(1.0, (double) bytesDone / bytesTotal);
  }
}
