package org.sysmontriage.ui.timeline;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sysmontriage.event.Times;
import org.sysmontriage.ui.hits.HitTable;

/** Finds the dot drawn under the pointer (within a few pixels) and says which hits it holds. */
final class HitPicker {
  /** Hits listed by name under the pointer; the rest are counted. */
  static final int LISTED = 10;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  /** A dot of the last paint: its lane and its index in the lane's dots. */
  record Spot(int lane, int dot) {}

  private HitPicker() {}

  /** The dot under (x, y), or null. */
  static Spot at(TimelineState s, TimelinePainter p, double x, double y, double w, double h) {
    if (s.data == null || s.data.lanes() == 0 || x < p.gutter) {
      return null;
    }
    double laneH = p.laneHeight(h, s.data.lanes());
    int lane = (int) (y / laneH);
    if (lane < 0 || lane >= s.data.lanes() || lane >= s.dots.length) {
      return null;
    }
    double px = x - p.gutter;
    double slop = p.radius(laneH) + 4;
    List<DotClusters.Cluster> dots = s.dots[lane];
    int best = -1;
    for (int i = 0; i < dots.size(); i++) {
      double d = Math.abs(dots.get(i).x() - px);
      if (d <= slop + halfWidth(dots.get(i)) && (best < 0 || d < Math.abs(dots.get(best).x() - px))) {
        best = i;
      }
    }
    return best < 0 ? null : new Spot(lane, best);
  }

  // A dot with a count is drawn wider: a pixel per digit or so is enough for picking.
  private static double halfWidth(DotClusters.Cluster c) {
    return c.count() == 1 ? 0 : 3 * DotClusters.count(c.count()).length();
  }

  /** The hit a click on (x, y) selects: the riskiest of the dot that passes the filters, else its first; -1 when none. */
  static int pick(TimelineState s, TimelinePainter p, double x, double y, double w, double h) {
    Spot spot = at(s, p, x, y, w, h);
    return spot == null ? -1 : hitOf(s, spot);
  }

  static int hitOf(TimelineState s, Spot spot) {
    DotClusters.Cluster c = s.dots[spot.lane()].get(spot.dot());
    return c.best() >= 0 ? c.best() : s.data.lane(spot.lane())[c.from()];
  }

  /** The hits of a dot, one a line (time, risk, analytic, process), the first {@value #LISTED} and how many more. */
  static String describe(TimelineState s, Spot spot) {
    DotClusters.Cluster c = s.dots[spot.lane()].get(spot.dot());
    int[] lane = s.data.lane(spot.lane());
    HitTable t = s.data.table();
    List<String> lines = new ArrayList<>();
    lines.add(c.count() == 1 ? "1 hit" : String.format(Locale.ROOT, "%,d hits", c.count())
        + (c.shown() == c.count() ? "" : String.format(Locale.ROOT, " (%,d pass the table's filters)", c.shown())));
    for (int k = c.from(); k < c.to() && k < c.from() + LISTED; k++) {
      int h = lane[k];
      long ticks = t.ticks(h);
      String time = ticks == Times.UNKNOWN ? "" : TIME.format(Times.toInstant(ticks).atZone(s.zone));
      lines.add(time + "  risk " + t.risk(h) + "  " + t.analytic(h) + "  " + shortImage(t.process(h)) + "  " + t.host(h)
          + (s.shown(h) ? "" : "  (filtered out)"));
    }
    if (c.count() > LISTED) {
      lines.add(String.format(Locale.ROOT, "and %,d more (zoom in to tell them apart)", c.count() - LISTED));
    }
    return String.join("\n", lines);
  }

  private static String shortImage(String image) {
    return image == null ? "" : image.substring(Math.max(image.lastIndexOf('\\'), image.lastIndexOf('/')) + 1);
  }
}
