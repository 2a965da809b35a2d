package org.sysmontriage.casefile;

/**
 * A log of the case that is not as it was saved.
 *
 * @param expectedSha256 the hash in the case file
 * @param actualSha256 the hash found now, or empty when the file is missing or was not opened
 */
public record SourceProblem(String path, Kind kind, String expectedSha256, String actualSha256) {
  /** What is wrong. */
  public enum Kind {
    /** The file is not where the case says. */
    MISSING,
    /** The file's bytes differ from the saved hash: hits keyed on it will not find their triage. */
    CHANGED,
    /** The case lists it but it was not among the logs opened now. */
    NOT_OPENED
  }

  /** One line a person can act on. */
  public String message() {
    return switch (kind) {
      case MISSING -> path + ": missing (the case file lists it; put it back or open the case next to its evidence)";
      case CHANGED -> path + ": changed since the case was saved (SHA-256 was " + expectedSha256 + ", is " + actualSha256
          + "); statuses and notes of its hits no longer apply";
      case NOT_OPENED -> path + ": listed in the case but not opened now (SHA-256 " + expectedSha256 + ")";
    };
  }
}
