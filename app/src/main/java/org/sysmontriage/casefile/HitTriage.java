package org.sysmontriage.casefile;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * The analyst's work on one hit.
 *
 * @param status the verdict
 * @param tags free tags, in the order given
 * @param notes free text
 * @param updatedAt ISO-8601 UTC time of the last change, or empty
 * @param updatedBy who changed it last, or empty
 */
public record HitTriage(HitStatus status, List<String> tags, String notes, String updatedAt, String updatedBy) {
  public static final HitTriage NEW = new HitTriage(HitStatus.NEW, List.of(), "", "", "");
  /** The tag that stars a hit (Ctrl+B in the window); starred events that are no hit are the case's bookmarks. */
  public static final String BOOKMARK_TAG = "bookmark";

  /** True when the analyst starred the hit. */
  @JsonIgnore
  public boolean starred() {
    return tags.contains(BOOKMARK_TAG);
  }

  public HitTriage {
    status = status == null ? HitStatus.NEW : status;
    tags = tags == null ? List.of() : List.copyOf(tags);
    notes = notes == null ? "" : notes;
    updatedAt = updatedAt == null ? "" : updatedAt;
    updatedBy = updatedBy == null ? "" : updatedBy;
  }

  public HitTriage withStatus(HitStatus s) {
    return new HitTriage(s, tags, notes, updatedAt, updatedBy);
  }

  /** True when nothing was recorded: such entries are not kept in the file. */
  @JsonIgnore
  public boolean isEmpty() {
    return status == HitStatus.NEW && tags.isEmpty() && notes.isEmpty();
  }
}
