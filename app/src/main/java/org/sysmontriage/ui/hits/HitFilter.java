package org.sysmontriage.ui.hits;

import java.util.Locale;

/**
 * What the hits table is narrowed to. Null or empty choices mean "any".
 *
 * @param fromTicks inclusive start of the brushed time range, or Long.MIN_VALUE
 * @param toTicks inclusive end of the brushed time range, or Long.MAX_VALUE
 */
public record HitFilter(
    String text, String host, String user, String analyticId, String technique, int minRisk, long fromTicks, long toTicks) {

  public static final HitFilter NONE = new HitFilter("", null, null, null, null, 0, Long.MIN_VALUE, Long.MAX_VALUE);

  /** True when hit {@code h} passes every criterion. */
  public boolean accepts(HitTable t, int h) {
    if (t.risk(h) < minRisk || t.ticks(h) < fromTicks || t.ticks(h) > toTicks) {
      return false;
    }
    if (set(host) && !host.equals(t.host(h)) || set(user) && !user.equalsIgnoreCase(t.user(h))) {
      return false;
    }
    if (set(analyticId) && !analyticId.equals(t.analyticId(h))) {
      return false;
    }
    if (set(technique) && !t.hit(h).analytic().techniques().contains(technique)) {
      return false;
    }
    return !set(text) || containsText(t, h, text.toLowerCase(Locale.ROOT));
  }

  public boolean hasTimeRange() {
    return fromTicks != Long.MIN_VALUE || toTicks != Long.MAX_VALUE;
  }

  private static boolean containsText(HitTable t, int h, String needle) {
    for (HitColumn c : HitColumn.values()) {
      if (c.text(t, h).toLowerCase(Locale.ROOT).contains(needle)) {
        return true;
      }
    }
    return false;
  }

  private static boolean set(String s) {
    return s != null && !s.isEmpty();
  }
}
