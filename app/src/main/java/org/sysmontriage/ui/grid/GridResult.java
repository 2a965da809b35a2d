package org.sysmontriage.ui.grid;

/**
 * The rows a grid shows, in order. A row id {@code >= 0} is a source row; {@code -(g + 1)} is the
 * header of group {@code g}, which names the group and counts its rows.
 *
 * @param matched the rows that pass every filter, in display order, without headers (also the rows
 *     of collapsed groups): what Export and Find go through
 */
public record GridResult(int[] rows, int[] matched, String[] groupNames, int[] groupSizes) {
  public static final GridResult EMPTY = new GridResult(new int[0], new int[0], new String[0], new int[0]);

  public static boolean isGroupHeader(int row) {
    return row < 0;
  }

  public static int groupOf(int headerRow) {
    return -headerRow - 1;
  }
}
