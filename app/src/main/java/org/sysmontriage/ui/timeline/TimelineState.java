package org.sysmontriage.ui.timeline;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

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
  /** Per hit: its position in its lane's time-ordered array, or -1. */
  int[] posInLane = new int[0];
  /** Per lane: the dots of the last paint (hover, clicks and keys use what was drawn). */
  List<DotClusters.Cluster>[] dots = emptyDots(0);
  /** The display zone of the axis labels (the grid's View > Time zone). */
  ZoneId zone = ZoneOffset.UTC;

  @SuppressWarnings("unchecked")
  static List<DotClusters.Cluster>[] emptyDots(int lanes) {
    List<DotClusters.Cluster>[] d = new List[lanes];
    java.util.Arrays.fill(d, List.of());
    return d;
  }

  boolean shown(int h) {
    return shown == null || shown[h];
  }

  void indexLanes() {
    laneOf = new int[data.table().size()];
    posInLane = new int[data.table().size()];
    java.util.Arrays.fill(laneOf, -1);
    java.util.Arrays.fill(posInLane, -1);
    for (int l = 0; l < data.lanes(); l++) {
      int[] ids = data.lane(l);
      for (int k = 0; k < ids.length; k++) {
        laneOf[ids[k]] = l;
        posInLane[ids[k]] = k;
      }
    }
    dots = emptyDots(data.lanes());
  }
}
