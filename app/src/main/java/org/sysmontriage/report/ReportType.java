package org.sysmontriage.report;

/** The report formats, with the file extension each is saved under. */
public enum ReportType {
  HTML("html"),
  CSV("csv"),
  JSON("json"),
  NAVIGATOR("layer.json");

  private final String extension;

  ReportType(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }
}
