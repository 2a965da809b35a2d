package org.sysmontriage.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.sysmontriage.detect.Severity;
import org.sysmontriage.event.Times;

/**
 * The report's timeline picture: one lane per host, hits binned over time, each bin coloured by
 * its highest severity. Plain inline SVG, sized by the number of lanes and bins, never by hits.
 */
final class TimelineSvg {
  static final int BINS = 160;
  private static final int LABEL = 190;
  private static final int BIN_W = 5;
  private static final int LANE_H = 22;
  private static final int TOP = 8;
  private static final int AXIS = 30;
  /** Shortest time axis: hits closer together than this are centred on a one-minute axis. */
  private static final long MIN_SPAN = 60 * Times.TICKS_PER_SECOND;
  private static final DateTimeFormatter AXIS_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private TimelineSvg() {}

  static String of(List<HitRow> rows) {
    List<HitRow> timed = rows.stream().filter(r -> r.ticks() != Times.UNKNOWN).toList();
    if (timed.isEmpty()) {
      return "<p class=\"muted\">No hits with a known time to draw.</p>";
    }
    long t0 = timed.stream().mapToLong(HitRow::ticks).min().orElseThrow();
    long t1 = timed.stream().mapToLong(HitRow::ticks).max().orElseThrow();
    if (t1 - t0 < MIN_SPAN) {
      t0 -= (MIN_SPAN - (t1 - t0)) / 2;
      t1 = t0 + MIN_SPAN;
    }
    Map<String, Bin[]> lanes = bin(timed, t0, t1);
    int width = LABEL + BINS * BIN_W + 10;
    int height = TOP + lanes.size() * LANE_H + AXIS;
    StringBuilder b = new StringBuilder();
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" role=\"img\" viewBox=\"0 0 ")
        .append(width).append(' ').append(height).append("\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\"><title>Hits over time per host, coloured by severity</title>");
    int lane = 0;
    for (Map.Entry<String, Bin[]> e : lanes.entrySet()) {
      lane(b, e.getKey(), e.getValue(), TOP + lane++ * LANE_H, t0, t1);
    }
    axis(b, t0, t1, TOP + lanes.size() * LANE_H);
    b.append("</svg>");
    int untimed = rows.size() - timed.size();
    if (untimed > 0) {
      b.append("<p class=\"muted\">").append(untimed).append(" hits without a known time are not drawn.</p>");
    }
    return b.toString();
  }

  private static Map<String, Bin[]> bin(List<HitRow> timed, long t0, long t1) {
    Map<String, Bin[]> lanes = new TreeMap<>();
    for (HitRow r : timed) {
      Bin[] bins = lanes.computeIfAbsent(r.computer(), k -> new Bin[BINS]);
      int i = (int) Math.min(BINS - 1, (double) (r.ticks() - t0) / (t1 - t0) * BINS);
      bins[i] = bins[i] == null ? new Bin(1, r.hit().analytic().severity()) : bins[i].add(r.hit().analytic().severity());
    }
    return lanes;
  }

  private static void lane(StringBuilder b, String host, Bin[] bins, int y, long t0, long t1) {
    String label = host.length() > 28 ? host.substring(0, 27) + "\u2026" : host;
    b.append("<text x=\"4\" y=\"").append(y + 15).append("\" class=\"lane\">").append(Html.plain(label)).append("</text>");
    b.append("<line x1=\"").append(LABEL).append("\" x2=\"").append(LABEL + BINS * BIN_W).append("\" y1=\"").append(y + LANE_H / 2)
        .append("\" y2=\"").append(y + LANE_H / 2).append("\" class=\"laneline\"/>");
    for (int i = 0; i < BINS; i++) {
      if (bins[i] != null) {
        long from = at(t0, t1, (double) i / BINS);
        b.append("<rect x=\"").append(LABEL + i * BIN_W).append("\" y=\"").append(y + 3).append("\" width=\"").append(BIN_W - 1)
            .append("\" height=\"").append(LANE_H - 6).append("\" class=\"sev-").append(bins[i].max().sigmaName())
            .append("\"><title>").append(Html.plain(host)).append(": ").append(bins[i].count()).append(" hits from ")
            .append(AXIS_TIME.format(Times.toInstant(from))).append(" UTC, highest severity ")
            .append(bins[i].max().sigmaName()).append("</title></rect>");
      }
    }
  }

  private static void axis(StringBuilder b, long t0, long t1, int y) {
    for (int k = 0; k <= 4; k++) {
      int x = LABEL + k * BINS * BIN_W / 4;
      long t = at(t0, t1, k / 4.0);
      String anchor = k == 0 ? "start" : k == 4 ? "end" : "middle";
      b.append("<line x1=\"").append(x).append("\" x2=\"").append(x).append("\" y1=\"").append(TOP).append("\" y2=\"")
          .append(y + 4).append("\" class=\"tick\"/>");
      b.append("<text x=\"").append(x).append("\" y=\"").append(y + 18).append("\" text-anchor=\"").append(anchor)
          .append("\" class=\"axis\">").append(AXIS_TIME.format(Times.toInstant(t))).append("</text>");
    }
  }

  private static long at(long t0, long t1, double fraction) {
    return t0 + (long) ((t1 - t0) * fraction);
  }

  /** Hits in one bin of one lane. */
  private record Bin(int count, Severity max) {
    Bin add(Severity s) {
      return new Bin(count + 1, s.compareTo(max) > 0 ? s : max);
    }
  }
}
