package org.sysmontriage.ui.timeline;

/** Finds the hit drawn nearest a click, within a few pixels, in the lane under it. */
final class HitPicker {
  private HitPicker() {}

  static int pick(TimelineState s, TimelinePainter p, double x, double y, double w, double h) {
    if (s.data == null || s.data.lanes() == 0 || x < p.gutter) {
      return -1;
    }
    int lane = (int) (y / p.laneHeight(h, s.data.lanes()));
    if (lane < 0 || lane >= s.data.lanes()) {
      return -1;
    }
    double plotW = Math.max(1, w - p.gutter);
    double slop = 8;
    int[] ids = s.data.lane(lane);
    int from = s.data.laneLowerBound(lane, s.axis.ticks(x - p.gutter - slop, plotW));
    int to = s.data.laneLowerBound(lane, s.axis.ticks(x - p.gutter + slop, plotW));
    int best = -1;
    double bestScore = Double.MAX_VALUE;
    for (int k = from; k < to; k++) {
      int hit = ids[k];
      double dx = Math.abs(s.axis.x(s.data.table().ticks(hit), plotW) + p.gutter - x);
      double score = dx - s.data.table().risk(hit) / 100.0;
      if (score < bestScore) {
        bestScore = score;
        best = hit;
      }
    }
    return best;
  }
}
