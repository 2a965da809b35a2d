package org.sysmontriage.ui.timeline;

import java.time.ZoneOffset;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.sysmontriage.detect.Severity;
import org.sysmontriage.ui.hits.HitTable;

/**
 * Draws the timeline: density of all events, lanes of hits coloured by severity (overlapping hits as
 * one dot with their count), brush, and a time axis whose ticks suit the zoom.
 */
final class TimelinePainter {
  private Font font = Font.font(org.sysmontriage.ui.common.Em.size());
  private Font countFont = Font.font(null, FontWeight.BOLD, org.sysmontriage.ui.common.Em.size() * 0.8);
  private final Text measure = new Text();
  double gutter;
  double axisHeight;

  /** Follows the window's text size (Ctrl+= / Ctrl+-): a canvas does not read CSS. */
  void setFontSize(double px) {
    font = Font.font(px);
    countFont = Font.font(null, FontWeight.BOLD, px * 0.8);
  }

  /** Geometry of lanes: gutter on the left for names, axis at the bottom. */
  double laneHeight(double height, int lanes) {
    return Math.max(1, (height - axisHeight) / Math.max(1, lanes));
  }

  void paint(GraphicsContext g, TimelineState s, double w, double h) {
    double em = font.getSize();
    gutter = Math.min(w * 0.3, 11 * em);
    axisHeight = 1.8 * em;
    TimelinePalette p = s.palette;
    g.setFill(p.background());
    g.fillRect(0, 0, w, h);
    if (s.data == null) {
      return;
    }
    double plotW = w - gutter;
    double laneH = laneHeight(h, s.data.lanes());
    for (int i = 0; i < s.data.lanes(); i += 2) {
      g.setFill(p.laneAlt());
      g.fillRect(0, i * laneH, w, laneH);
    }
    density(g, s, plotW, h - axisHeight);
    brush(g, s, plotW, h - axisHeight);
    // Clustering reads every hit in view; a paint for the same view, size and filters (selection, brush,
    // hover, a layout pass) draws the dots it already has: cost proportional to the dots, not the hits.
    DotsKey key = new DotsKey(s.data, s.shown, s.axis.start(), s.axis.end(), plotW, radius(laneH), countFont.getSize());
    if (key.equals(s.dotsKey) || dots(s, key, laneH)) {
      s.dotsKey = key;
      for (int i = 0; i < s.data.lanes(); i++) {
        lane(g, s, i, laneH);
      }
    } else { // its first pass is being made elsewhere: no dots until then (none to point at either)
      s.dotsKey = null;
      s.dots = TimelineState.emptyDots(s.data.lanes());
    }
    labels(g, s, laneH);
    packSeparator(g, s, w, laneH);
    axis(g, s, plotW, h);
  }

  /** What a lane's dots depend on; data and shown by identity (a new table or filter pass is a new array). */
  private record DotsKey(TimelineData data, boolean[] shown, double start, double end, double plotW, double r, double countSize) {
    Pass pass() {
      return new Pass(data, shown, start, end, plotW, 2 * r);
    }
  }

  /**
   * What the first pass of the clustering (over every hit in view, {@link DotClusters#of(int[], int, int, TimeAxis,
   * double, double, DotClusters.Hits)}) depends on, all of it taken when asked: the pass can run on another thread.
   */
  record Pass(TimelineData data, boolean[] shown, double start, double end, double plotW, double diameter) {
    /** The hits of every lane in view. */
    int hitsInView() {
      int n = 0;
      for (int lane = 0; lane < data.lanes(); lane++) {
        n += data.laneLowerBound(lane, Math.nextUp(end)) - data.laneLowerBound(lane, start);
      }
      return n;
    }

    /** The first pass of every lane (the painter merges its dots that would still overlap, a pass over the dots). */
    List<DotClusters.Cluster>[] run(org.sysmontriage.event.CancellationToken cancel) {
      List<DotClusters.Cluster>[] lanes = TimelineState.emptyDots(data.lanes());
      DotClusters.Hits hits = hits();
      for (int lane = 0; lane < lanes.length; lane++) {
        cancel.check();
        lanes[lane] = lane(lane, hits);
      }
      return lanes;
    }

    List<DotClusters.Cluster> lane(int lane, DotClusters.Hits hits) {
      return DotClusters.of(data.lane(lane), data.laneLowerBound(lane, start), data.laneLowerBound(lane, Math.nextUp(end)),
          TimeAxis.view(start, end), plotW, diameter, hits);
    }

    /** What the clustering reads of a hit: the table's values and the filters' pass taken with this view. */
    DotClusters.Hits hits() {
      HitTable t = data.table();
      boolean[] strong = shown;
      return new DotClusters.Hits() {
        @Override
        public long ticks(int h) {
          return t.ticks(h);
        }

        @Override
        public int severity(int h) {
          return t.severity(h);
        }

        @Override
        public int risk(int h) {
          return t.risk(h);
        }

        @Override
        public boolean shown(int h) {
          return strong == null || strong[h];
        }
      };
    }
  }

  /** A first pass done for a view: the paint for that view merges it instead of reading every hit again. */
  record PassDone(Pass pass, List<DotClusters.Cluster>[] lanes) {}

  /**
   * Asked, when a paint needs a first pass it does not have, whether that pass is made elsewhere (on a worker:
   * the paint then draws no dots, and paints again when it is done); by default it is made in the paint.
   */
  java.util.function.Predicate<Pass> elsewhere = p -> false;
  /** First passes made in the paint (for tests). */
  int passesInPaint;

  /**
   * The dots of every lane for {@code key} into {@code s.dots}: merged from a first pass made for this view
   * ({@code s.pass}), else from one made now, unless {@link #elsewhere} makes it. False when there are none yet.
   */
  private boolean dots(TimelineState s, DotsKey key, double laneH) {
    Pass pass = key.pass();
    if (s.clustered != s.data && !s.hasPass(pass) && elsewhere.test(pass) && !s.hasPass(pass)) { // new data: its first clustering
      return false; // made elsewhere (a runner that works at once has put it in s.pass already)
    }
    List<DotClusters.Cluster>[] first = s.hasPass(pass) ? s.pass.lanes() : null;
    if (first == null) {
      passesInPaint++;
    }
    DotClusters.Hits hits = pass.hits();
    double r = key.r();
    for (int i = 0; i < s.data.lanes(); i++) {
      List<DotClusters.Cluster> lane = first != null ? first[i] : pass.lane(i, hits);
      s.dots[i] = DotClusters.merged(lane, key.plotW(), hits, n -> halfWidth(n, r, laneH) + 1);
    }
    s.clustered = s.data;
    return true;
  }

  /** A line between the LSASS analytics' lanes and the lanes of other packs (Hunt, rule folders) below them. */
  private void packSeparator(GraphicsContext g, TimelineState s, double w, double laneH) {
    int first = s.data.firstPackLane();
    if (first > 0) {
      g.setStroke(s.palette.text());
      g.setLineWidth(1.5);
      g.setLineDashes(6, 4);
      g.strokeLine(0, first * laneH, w, first * laneH);
      g.setLineDashes();
    }
  }

  private void density(GraphicsContext g, TimelineState s, double plotW, double plotH) {
    int bins = Math.max(1, (int) (plotW / 3));
    double[] counts = new double[bins];
    double max = 0;
    for (int b = 0; b < bins; b++) {
      counts[b] = s.data.eventsBetween(s.axis.ticks(b * plotW / bins, plotW), s.axis.ticks((b + 1) * plotW / bins, plotW));
      max = Math.max(max, counts[b]);
    }
    if (max == 0) {
      return;
    }
    g.setFill(s.palette.density());
    double bw = plotW / bins;
    for (int b = 0; b < bins; b++) {
      if (counts[b] > 0) {
        double bh = Math.max(1, Math.sqrt(counts[b] / max) * plotH);
        g.fillRect(gutter + b * bw, plotH - bh, Math.max(1, bw - 0.5), bh);
      }
    }
  }

  private void brush(GraphicsContext g, TimelineState s, double plotW, double plotH) {
    long[] r = s.brush;
    if (r == null) {
      return;
    }
    double x1 = Math.max(0, s.axis.x(r[0], plotW));
    double x2 = Math.min(plotW, s.axis.x(r[1], plotW));
    if (x2 > x1) {
      g.setFill(s.palette.brush());
      g.fillRect(gutter + x1, 0, Math.max(2, x2 - x1), plotH);
    }
  }

  /** The radius of a single hit's dot for a lane height. */
  double radius(double laneH) {
    return Math.max(3, Math.min(laneH * 0.28, font.getSize() * 0.45));
  }

  // One dot per cluster of overlapping hits (never one shape per hit): at most plotW / diameter dots a lane.
  private void lane(GraphicsContext g, TimelineState s, int lane, double laneH) {
    double r = radius(laneH);
    List<DotClusters.Cluster> dots = s.dots[lane];
    double cy = lane * laneH + laneH / 2;
    g.setFont(countFont);
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.CENTER);
    for (DotClusters.Cluster c : dots) {
      boolean strong = c.shown() > 0;
      g.setFill(s.palette.of(Severity.values()[c.worstSeverity()]).deriveColor(0, 1, 1, strong ? 0.95 : 0.25));
      double x = gutter + c.x();
      double[] size = size(c, r, laneH); // half width, half height
      g.fillRoundRect(x - size[0], cy - size[1], 2 * size[0], 2 * size[1], 2 * size[1], 2 * size[1]);
      if (c.count() > 1 && 2 * size[1] >= countFont.getSize()) {
        g.setFill(strong ? s.palette.background() : s.palette.text());
        g.fillText(DotClusters.count(c.count()), x, cy);
      }
    }
    int sel = s.selected;
    int i = sel >= 0 && sel < s.laneOf.length && s.laneOf[sel] == lane ? DotClusters.indexOf(dots, s.posInLane[sel]) : -1;
    if (i >= 0) { // a ring around the dot that holds the selected hit
      double[] size = size(dots.get(i), r, laneH);
      double x = gutter + dots.get(i).x();
      g.setStroke(s.palette.text());
      g.setLineWidth(2);
      g.strokeRoundRect(x - size[0] - 3, cy - size[1] - 3, 2 * size[0] + 6, 2 * size[1] + 6, 2 * size[1] + 6, 2 * size[1] + 6);
    }
  }

  // A single hit is a dot of radius r; a cluster a larger dot, or a pill when its count is wider.
  private double[] size(DotClusters.Cluster c, double r, double laneH) {
    return new double[] {halfWidth(c.count(), r, laneH), c.count() == 1 ? r : big(r, laneH)};
  }

  private double big(double r, double laneH) {
    return Math.max(r * 1.25, Math.min(laneH * 0.45, countFont.getSize() * 0.75));
  }

  private double halfWidth(int count, double r, double laneH) {
    if (count == 1) {
      return r;
    }
    double big = big(r, laneH);
    return Math.max(2 * big, text(DotClusters.count(count), countFont) + countFont.getSize() * 0.5) / 2;
  }

  /** The width of a text in pixels, as drawn with {@code f}. */
  double text(String s, Font f) {
    measure.setFont(f);
    measure.setText(s);
    return measure.getLayoutBounds().getWidth();
  }

  private void labels(GraphicsContext g, TimelineState s, double laneH) {
    g.setFill(s.palette.background().deriveColor(0, 1, 1, 0.85));
    g.fillRect(0, 0, gutter, laneH * s.data.lanes());
    g.setFont(font);
    g.setFill(s.palette.text());
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.CENTER);
    for (int i = 0; i < s.data.lanes(); i++) {
      String name = shortHost(s.data.laneNames().get(i));
      g.fillText(fit(name, gutter - 8), 4, i * laneH + laneH / 2, gutter - 8);
    }
  }

  // Ticks chosen per zoom (calendar steps in the display zone), labels measured and never overprinted;
  // the date at the left edge sits in the corner under the lane names.
  private void axis(GraphicsContext g, TimelineState s, double plotW, double h) {
    double y = h - axisHeight;
    g.setStroke(s.palette.grid());
    g.setLineWidth(1);
    g.strokeLine(gutter, y, gutter + plotW, y);
    java.util.Map<String, Double> widths = new java.util.HashMap<>();
    List<TimeTicks.Tick> ticks = TimeTicks.choose(s.axis.start(), s.axis.end(), plotW, s.zone,
        l -> widths.computeIfAbsent(l, k -> text(k, font)), font.getSize());
    g.setFont(font);
    g.setFill(s.palette.text());
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.TOP);
    for (TimeTicks.Tick t : ticks) {
      double x = gutter + t.x();
      g.strokeLine(x, y, x, y + (t.major() ? 7 : 4));
      if (t.label() != null) {
        g.fillText(t.label(), x, y + 5);
      }
    }
    String corner = TimeTicks.context(s.axis.start(), s.zone) + " " + zoneLabel(s.zone);
    if (text(corner, font) > gutter - 8) {
      corner = TimeTicks.context(s.axis.start(), s.zone);
    }
    if (text(corner, font) <= gutter - 8) {
      g.setTextAlign(TextAlignment.LEFT);
      g.fillText(corner, 4, y + 5);
    }
  }

  private static String zoneLabel(java.time.ZoneId z) {
    return z.normalized().equals(ZoneOffset.UTC) ? "UTC" : z.getId();
  }

  /** "WKS-FIN-07" for "WKS-FIN-07.acme.local": the domain repeats on every lane. */
  static String shortHost(String name) {
    int dot = name.indexOf('.');
    return dot > 0 && !name.contains(" ") && !Character.isDigit(name.charAt(0)) ? name.substring(0, dot) : name;
  }

  private String fit(String s, double width) {
    int max = (int) (width / (font.getSize() * 0.55));
    return s.length() <= max ? s : s.substring(0, Math.max(1, max - 1)) + "…";
  }
}
