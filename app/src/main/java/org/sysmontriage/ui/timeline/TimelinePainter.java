package org.sysmontriage.ui.timeline;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.sysmontriage.detect.Severity;
import org.sysmontriage.event.Times;

/** Draws the timeline: density of all events, lanes of hits coloured by severity, brush, time axis. */
final class TimelinePainter {
  private static final long[] STEPS_SECONDS = {1, 5, 15, 30, 60, 300, 900, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86400, 7 * 86400, 30 * 86400, 365 * 86400};
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private final Font font = Font.font(org.sysmontriage.ui.common.Em.size());
  double gutter;
  double axisHeight;

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
    for (int i = 0; i < s.data.lanes(); i++) {
      lane(g, s, i, plotW, laneH);
    }
    labels(g, s, laneH);
    axis(g, s, plotW, h);
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

  private void lane(GraphicsContext g, TimelineState s, int lane, double plotW, double laneH) {
    int[] ids = s.data.lane(lane);
    int from = s.data.laneLowerBound(lane, s.axis.start());
    int to = s.data.laneLowerBound(lane, s.axis.end());
    int px = (int) Math.ceil(plotW) + 1;
    int[] worst = new int[px];
    java.util.Arrays.fill(worst, -1);
    for (int k = from; k < to; k++) {
      int h = ids[k];
      int x = (int) s.axis.x(s.data.table().ticks(h), plotW);
      if (x >= 0 && x < px) {
        int sev = s.data.table().severity(h) + (s.shown == null || s.shown[h] ? 16 : 0);
        worst[x] = Math.max(worst[x], sev);
      }
    }
    double r = Math.max(3, Math.min(laneH * 0.28, font.getSize() * 0.45));
    double cy = lane * laneH + laneH / 2;
    for (int x = 0; x < px; x++) {
      if (worst[x] >= 0) {
        boolean shown = worst[x] >= 16;
        g.setFill(s.palette.of(Severity.values()[worst[x] % 16]).deriveColor(0, 1, 1, shown ? 0.95 : 0.25));
        g.fillOval(gutter + x - r, cy - r, 2 * r, 2 * r);
      }
    }
    int sel = s.selected;
    if (sel >= 0 && sel < s.laneOf.length && s.laneOf[sel] == lane) {
      double x = s.axis.x(s.data.table().ticks(sel), plotW);
      g.setStroke(s.palette.text());
      g.setLineWidth(2);
      g.strokeOval(gutter + x - r - 3, cy - r - 3, 2 * r + 6, 2 * r + 6);
    }
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

  private void axis(GraphicsContext g, TimelineState s, double plotW, double h) {
    double y = h - axisHeight;
    g.setStroke(s.palette.grid());
    g.setLineWidth(1);
    g.strokeLine(gutter, y, gutter + plotW, y);
    long step = step(s.axis.span(), plotW / (9 * font.getSize()));
    long stepTicks = step * Times.TICKS_PER_SECOND;
    long first = (long) Math.ceil(s.axis.start() / stepTicks) * stepTicks;
    g.setFill(s.palette.text());
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.TOP);
    DateTimeFormatter f = step >= 3600 || s.axis.span() > 86400d * Times.TICKS_PER_SECOND ? DAY : TIME;
    for (long t = first; t <= s.axis.end(); t += stepTicks) {
      double x = gutter + s.axis.x(t, plotW);
      g.strokeLine(x, y, x, y + 4);
      g.fillText(f.format(Instant.ofEpochSecond(Math.floorDiv(t, Times.TICKS_PER_SECOND))), x, y + 5);
    }
  }

  /** The smallest "nice" step in seconds that gives at most {@code maxLabels} labels. */
  static long step(double spanTicks, double maxLabels) {
    double seconds = spanTicks / Times.TICKS_PER_SECOND;
    for (long st : STEPS_SECONDS) {
      if (seconds / st <= Math.max(1, maxLabels)) {
        return st;
      }
    }
    return STEPS_SECONDS[STEPS_SECONDS.length - 1];
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
