package org.sysmontriage.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sysmontriage.casefile.HitKey;
import org.sysmontriage.casefile.HitTriage;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.detect.MatchedField;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.Times;

/**
 * One hit as every report format shows it: the event's system fields, the user, and its evidence.
 *
 * @param fields every EventData field of the event, the matched ones first
 * @param triage the case's status, tags and notes ({@link HitTriage#NEW} without a case)
 * @param author the author of the analytic's rule (DRL 1.1 asks it be shown with each hit of a SigmaHQ rule), or empty
 */
public record HitRow(
    Hit hit,
    HitKey key,
    HitTriage triage,
    long ticks,
    String computer,
    String user,
    String source,
    long recordId,
    int eventId,
    Map<String, String> fields,
    String author) {
  /** Fields that name the user of a hit, most telling first. */
  private static final String[] USER_FIELDS = {"User", "SourceUser", "SubjectUserName", "TargetUserName"};

  static HitRow of(EventStore store, Hit h, HitTriage triage, String author) {
    int e = h.event();
    Map<String, String> fields = new LinkedHashMap<>();
    for (MatchedField m : h.matches()) {
      String v = store.field(e, m.field());
      if (v != null) {
        fields.put(m.field(), v);
      }
    }
    fields.putAll(store.fields(e));
    return new HitRow(h, HitKey.of(store, h), triage, store.ticks(e), store.computer(e), userOf(store, e),
        store.source(e).source(), store.recordId(e), store.eventId(e), fields, author);
  }

  public String time() {
    return Times.format(ticks);
  }

  public String analyticId() {
    return hit.analytic().id();
  }

  public int risk() {
    return hit.risk();
  }

  /** The first non-empty of a few fields, in order; empty when none. */
  public String first(String... names) {
    for (String n : names) {
      String v = fields.get(n);
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return "";
  }

  /** True when this field decided the hit. */
  public boolean matched(String field) {
    return hit.matches().stream().anyMatch(m -> m.field().equals(field));
  }

  private static String userOf(EventStore store, int e) {
    for (String f : USER_FIELDS) {
      String v = store.field(e, f);
      if (v != null && !v.isBlank() && !v.equals("-")) {
        return v;
      }
    }
    return "";
  }
}
