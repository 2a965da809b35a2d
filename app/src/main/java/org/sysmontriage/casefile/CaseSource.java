package org.sysmontriage.casefile;

import org.sysmontriage.event.SourceInfo;

/**
 * One evidence log of the case, as it was when the case was saved.
 *
 * @param path the source as the user gave it; an archive member is {@code ARCHIVE::MEMBER}
 * @param sha256 hex SHA-256 of the log's bytes (of the member for archive members)
 */
public record CaseSource(String path, String sha256, long sizeBytes) {
  public static CaseSource of(SourceInfo s) {
    return new CaseSource(s.source(), s.sha256(), s.sizeBytes());
  }

  /** The file on disk that holds this source: the path itself, or the archive of a member. */
  public String containerPath() {
    int at = path.indexOf("::");
    return at < 0 ? path : path.substring(0, at);
  }

  public boolean archiveMember() {
    return path.contains("::");
  }
}
