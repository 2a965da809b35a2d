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
  /** What {@link #dots} were clustered for: a paint with the same key reuses them (selection, brush, hover, layout). */
  Object dotsKey;
  /** The last first pass of the clustering made on a worker, for the view it names (the paint merges it). */
  TimelinePainter.PassDone pass;
  /** The data the painter last clustered (its first clustering may be made on a worker). */
  TimelineData clustered;
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

  /** Takes the lane index the data computed (off the UI thread for big tables). */
  void indexLanes() {
    laneOf = data.laneOf();
    posInLane = data.posInLane();
    dots = emptyDots(data.lanes());
    dotsKey = null;
    pass = null;
  }

  /** True when {@link #pass} was made for this view. */
  boolean hasPass(TimelinePainter.Pass p) {
    return pass != null && pass.pass().equals(p);
  }
}
