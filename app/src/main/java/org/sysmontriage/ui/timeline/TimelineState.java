package org.sysmontriage.ui.timeline;

/** What one paint needs: data, view, brush, selection and which hits pass the table's filters. */
final class TimelineState {
  TimelineData data;
  final TimeAxis axis = new TimeAxis();
  TimelinePalette palette = TimelinePalette.light();
  long[] brush;
  int selected = -1;
  int[] laneOf = new int[0];
  /** Per hit: does it pass the table's filters (drawn strong) or not (drawn faint); null = all. */
  boolean[] shown;

  void indexLanes() {
    laneOf = new int[data.table().size()];
    java.util.Arrays.fill(laneOf, -1);
    for (int l = 0; l < data.lanes(); l++) {
      for (int h : data.lane(l)) {
        laneOf[h] = l;
      }
    }
  }
}
