package org.sysmontriage.casefile;

import java.util.Locale;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.detect.sigma.Glob;
import org.sysmontriage.event.EventStore;

/**
 * Suppresses a known false positive for good, like a Splunk filter macro: hits of {@code analyticId}
 * whose event has {@code field} equal to {@code value} (case-insensitive, exact; {@code *} and
 * {@code ?} are wildcards, matched without backtracking: time linear in the value) are left out of
 * views and reports, and counted as suppressed.
 *
 * @param field an EventData name ({@code SourceImage}) or a system field: {@code Computer},
 *     {@code Channel}, {@code Provider}, {@code EventID}
 * @param by who added it
 * @param at ISO-8601 UTC time it was added
 * @param why the reason, for the next analyst
 */
public record AllowEntry(String analyticId, String field, String value, String by, String at, String why) {
  public AllowEntry {
    requireText(analyticId, "analytic_id");
    requireText(field, "field");
    if (value == null) {
      throw new IllegalArgumentException("allowlist entry needs a value");
    }
    by = by == null ? "" : by;
    at = at == null ? "" : at;
    why = why == null ? "" : why;
  }

  /** A compiled form for matching many hits. */
  public Matcher matcher() {
    return new Matcher(this, Glob.wildcard(value));
  }

  /** The value of a field of event {@code e}, system fields included; null when absent. */
  public static String fieldValue(EventStore store, int e, String field) {
    return switch (field) {
      case "Computer" -> store.computer(e);
      case "Channel" -> store.channel(e);
      case "Provider" -> store.provider(e);
      case "EventID" -> Integer.toString(store.eventId(e));
      default -> store.field(e, field);
    };
  }

  private static void requireText(String s, String name) {
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException("allowlist entry needs " + name);
    }
  }

  /** An allowlist entry ready to test hits. */
  public static final class Matcher {
    private final AllowEntry entry;
    private final Glob pattern;
    private final String lower;

    Matcher(AllowEntry entry, Glob pattern) {
      this.entry = entry;
      this.pattern = pattern;
      this.lower = entry.value().toLowerCase(Locale.ROOT);
    }

    public AllowEntry entry() {
      return entry;
    }

    public boolean matches(EventStore store, Hit hit) {
      if (!entry.analyticId().equals(hit.analytic().id())) {
        return false;
      }
      String v = fieldValue(store, hit.event(), entry.field());
      if (v == null) {
        return false;
      }
      String low = v.toLowerCase(Locale.ROOT);
      return low.equals(lower) || pattern.matches(low);
    }
  }
}
