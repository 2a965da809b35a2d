package org.sysmontriage.ingest;

/** What a file's first bytes say it is: a log format, an archive, or neither. */
public enum SniffedFormat {
  EVTX("evtx"),
  XML("xml"),
  JSON("json"),
  ZIP("zip"),
  TAR("tar"),
  TAR_GZ("tar.gz"),
  TAR_BZ2("tar.bz2"),
  TAR_XZ("tar.xz"),
  GZIP("gz"),
  BZIP2("bz2"),
  XZ("xz"),
  SEVEN_Z("7z"),
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
    return this != EVTX && this != XML && this != JSON && this != UNKNOWN;
  }
}
