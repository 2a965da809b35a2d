package org.sysmontriage.event;

/**
 * A located problem met while reading: {@code where} names the place precisely enough to find it
 * with a hex editor or a text editor ("line 812", "offset 0x10200 chunk 3 record 1207").
 *
 * @param damage true when something was lost or may be wrong (a skipped record, an unreadable
 *     file, a refused member, a CRC mismatch): it makes the import "partly damaged" (exit 1); false
 *     for a note that cost nothing (a dirty EVTX header whose chunk count lags while every chunk
 *     was read)
 */
public record ImportIssue(String source, String where, String message, boolean damage) implements java.io.Serializable {

  /** A damage issue (the usual case). */
  public ImportIssue(String source, String where, String message) {
    this(source, where, message, true);
  }

  /** An informational note: shown, never counted as damage. */
  public static ImportIssue note(String source, String where, String message) {
    return new ImportIssue(source, where, message, false);
  }

  /** The message as shown to a person: prefixed {@code note: } for a note. */
  public String shownMessage() {
    return damage ? message : "note: " + message;
  }

  /** {@code SOURCE: WHERE: MESSAGE}, prefixed {@code note: } for a note. */
  @Override
  public String toString() {
    return (damage ? "" : "note: ") + source + ": " + where + ": " + message;
  }
}
