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
    boolean same = key.equals(s.dotsKey);
    s.dotsKey = key;
    for (int i = 0; i < s.data.lanes(); i++) {
      lane(g, s, i, plotW, laneH, same);
    }
    labels(g, s, laneH);
    packSeparator(g, s, w, laneH);
    axis(g, s, plotW, h);
  }

  /** What a lane's dots depend on; data and shown by identity (a new table or filter pass is a new array). */
  private record DotsKey(TimelineData data, boolean[] shown, double start, double end, double plotW, double r, double countSize) {}

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
  private void lane(GraphicsContext g, TimelineState s, int lane, double plotW, double laneH, boolean clustered) {
    double r = radius(laneH);
    List<DotClusters.Cluster> dots = clustered ? s.dots[lane] : cluster(s, lane, plotW, r, laneH);
    s.dots[lane] = dots;
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

  /** The dots of a lane's hits in view: a pass over those hits. */
  List<DotClusters.Cluster> cluster(TimelineState s, int lane, double plotW, double r, double laneH) {
    int[] ids = s.data.lane(lane);
    int from = s.data.laneLowerBound(lane, s.axis.start());
    int to = s.data.laneLowerBound(lane, Math.nextUp(s.axis.end()));
    HitTable t = s.data.table();
    return DotClusters.of(ids, from, to, s.axis, plotW, 2 * r, new DotClusters.Hits() {
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
        return s.shown(h);
      }
    }, n -> halfWidth(n, r, laneH) + 1);
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
