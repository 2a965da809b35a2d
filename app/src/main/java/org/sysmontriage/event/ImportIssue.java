package org.sysmontriage.event;

/**
 * A located problem met while reading: {@code where} names the place precisely enough to find it
 * with a hex editor or a text editor ("line 812", "offset 0x10200 chunk 3 record 1207").
 */
public record ImportIssue(String source, String where, String message) {
  @Override
  public String toString() {
    return source + ": " + where + ": " + message;
  }
}
