package org.sysmontriage.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sysmontriage.casefile.HitKey;
import org.sysmontriage.casefile.HitTriage;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.detect.MatchedField;
import org.sysmontriage.detect.ProcessUsers;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.Times;

/**
 * One hit as every report format shows it: the event's system fields, the user, and its evidence.
 * A row holds only the hit, its store and its triage; everything else is read from the store when a
 * writer asks, so a report of a million hits holds a million small rows, not a million copies of
 * their events (the writers stream each row's fields out and drop them).
 */
public final class HitRow {
  private final Hit hit;
  private final EventStore store;
  private final HitTriage triage;
  private final String author;

  private HitRow(Hit hit, EventStore store, HitTriage triage, String author) {
    this.hit = hit;
    this.store = store;
    this.triage = triage;
    this.author = author;
  }

  static HitRow of(EventStore store, Hit h, HitTriage triage, String author) {
    return new HitRow(h, store, triage, author);
  }

  public Hit hit() {
    return hit;
  }

  /** The case's status, tags and notes ({@link HitTriage#NEW} without a case). */
  public HitTriage triage() {
    return triage;
  }

  /** The author of the analytic's rule (DRL 1.1 asks it be shown with each hit of a SigmaHQ rule), or empty. */
  public String author() {
    return author;
  }

  public HitKey key() {
    return HitKey.of(store, hit);
  }

  public long ticks() {
    return store.ticks(hit.event());
  }

  public String computer() {
    return store.computer(hit.event());
  }

  public String source() {
    return store.source(hit.event()).source();
  }

  public long recordId() {
    return store.recordId(hit.event());
  }

  long rawOffset() {
    return store.rawOffset(hit.event());
  }

  public int eventId() {
    return store.eventId(hit.event());
  }

  /** Every EventData field of the event, the matched ones first: a new map on each call (not kept). */
  public Map<String, String> fields() {
    int e = hit.event();
    Map<String, String> fields = new LinkedHashMap<>();
    for (MatchedField m : hit.matches()) {
      String v = store.field(e, m.field());
      if (v != null) {
        fields.put(m.field(), v);
      }
    }
    for (int k = 0, n = store.fieldCount(e); k < n; k++) {
      fields.put(store.fieldName(e, k), store.fieldValue(e, k)); // a repeated name: its place first, its value last
    }
    return fields;
  }

  public String time() {
    return Times.format(ticks());
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
      String v = last(n);
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return "";
  }

  /** The value of a field as {@link #fields()} has it (a repeated name: the last value); null when absent. */
  private String last(String name) {
    int e = hit.event();
    int id = store.nameId(name);
    String v = null;
    for (int k = 0, n = id < 0 ? 0 : store.fieldCount(e); k < n; k++) {
      if (store.fieldName(e, k).equals(name)) {
        v = store.fieldValue(e, k);
      }
    }
    return v;
  }

  /** True when this field decided the hit. */
  public boolean matched(String field) {
    return hit.matches().stream().anyMatch(m -> m.field().equals(field));
  }

  /**
   * The user of the hit: its event's own user field (not "-"), else the user of the process creation
   * event of the process that acted ({@link ProcessUsers}, as the GUI shows it); empty when none.
   */
  public String user() {
    ProcessUsers.Found u = ProcessUsers.of(store).user(hit.event());
    return u == null ? "" : u.user();
  }

  /**
   * Where {@link #user()} was read when the hit's own event names no user: {@code process creation EventID 1
   * record 4242}; empty when the event names its user itself (or no user was found).
   */
  public String userFrom() {
    ProcessUsers.Found u = ProcessUsers.of(store).user(hit.event());
    if (u == null || !u.fromCreation()) {
      return "";
    }
    int c = u.creationEvent();
    long record = store.recordId(c);
    return "process creation EventID " + store.eventId(c) + (record < 0 ? "" : " record " + record);
  }
}
