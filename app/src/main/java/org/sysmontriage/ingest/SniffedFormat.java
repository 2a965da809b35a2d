package org.sysmontriage.ingest;

/** What a file's first bytes say it is: a log format, an archive, or neither. */
public enum SniffedFormat {
  EVTX("evtx"),
  XML("xml"),
  JSON("json"),
  ZIP("zip"),
  TAR("tar"),
  TAR_GZ("tar.gz"),
  GZIP("gz"),
  UNKNOWN("unknown");

  private final String label;

  SniffedFormat(String label) {
    this.label = label;
  }

  /** {@code evtx}, {@code xml}, {@code json}, an archive kind, or {@code unknown}. */
  public String label() {
    return label;
  }

  public boolean isLog() {
    return this == EVTX || this == XML || this == JSON;
  }

  public boolean isArchive() {
    return this == ZIP || this == TAR || this == TAR_GZ || this == GZIP;
  }
}
