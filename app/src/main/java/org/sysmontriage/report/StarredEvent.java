package org.sysmontriage.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sysmontriage.casefile.CaseFile;
import org.sysmontriage.casefile.EventKey;
import org.sysmontriage.casefile.HitTriage;
import org.sysmontriage.detect.ProcessUsers;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.Times;

/**
 * An event the analyst starred, as the reports' "Starred events" part lists it: a starred hit (its
 * {@code bookmark} tag, with its analytic, verdict, tags and notes) or an event that is no hit (kept in the
 * case file's bookmarks), or a bookmark whose event is not in the logs read ({@link #found()} false: only
 * its key is known).
 *
 * @param key the event's key in the case ({@code sha256|record id|offset})
 * @param event the event in the store, or -1 when the logs read do not hold it
 * @param hit the starred hit's row, or null for an event that is no hit (or not found)
 */
public record StarredEvent(String key, int event, HitRow hit, EventStore store) {
  private static final Comparator<StarredEvent> ORDER = Comparator.comparing((StarredEvent s) -> !s.found())
      .thenComparingLong(s -> s.found() ? s.store.ticks(s.event) : 0).thenComparing(StarredEvent::key);

  /**
   * The starred hits among {@code rows} and the case's starred events that are no hit, in time order; a
   * bookmark whose event is not in {@code store} comes last, with its key. One pass over the store, and only
   * when the case has bookmarks.
   */
  static List<StarredEvent> of(EventStore store, List<HitRow> rows, CaseFile c) {
    List<StarredEvent> out = new ArrayList<>();
    for (HitRow r : rows) {
      if (r.triage().starred()) {
        out.add(new StarredEvent(EventKey.of(store, r.hit().event()).text(), r.hit().event(), r, store));
      }
    }
    if (c != null && !c.bookmarks().isEmpty()) {
      Map<String, Integer> wanted = new HashMap<>();
      c.bookmarks().forEach(k -> wanted.put(k, -1));
      for (int e = 0; e < store.size(); e++) {
        String k = EventKey.of(store, e).text();
        if (wanted.get(k) != null && wanted.get(k) < 0) {
          wanted.put(k, e);
        }
      }
      for (String k : c.bookmarks()) {
        out.add(new StarredEvent(k, wanted.get(k), null, store));
      }
    }
    out.sort(ORDER);
    return List.copyOf(out);
  }

  /** False for a bookmark of the case whose event is not in the logs read. */
  public boolean found() {
    return event >= 0;
  }

  public String time() {
    return found() ? Times.format(store.ticks(event)) : "";
  }

  public String computer() {
    return found() ? store.computer(event) : "";
  }

  /** The log's path as read; empty when not found. */
  public String source() {
    return found() ? store.source(event).source() : "";
  }

  public long recordId() {
    return found() ? store.recordId(event) : -1;
  }

  public int eventId() {
    return found() ? store.eventId(event) : -1;
  }

  public String channel() {
    return found() ? store.channel(event) : "";
  }

  /** The user as for a hit: the event's own user field, else its process creation's; empty when none. */
  public String user() {
    ProcessUsers.Found u = found() ? ProcessUsers.of(store).user(event) : null;
    return u == null ? "" : u.user();
  }

  /** The first non-empty of these fields of the event, in order; empty when none. */
  public String first(String... names) {
    if (!found()) {
      return "";
    }
    for (String n : names) {
      String v = store.field(event, n);
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return "";
  }

  /** The hit's verdict, tags (without the star) and notes; {@link HitTriage#NEW} for an event that is no hit. */
  public HitTriage triage() {
    if (hit == null) {
      return HitTriage.NEW;
    }
    HitTriage t = hit.triage();
    return new HitTriage(t.status(), t.tags().stream().filter(x -> !HitTriage.BOOKMARK_TAG.equals(x)).toList(), t.notes(),
        t.updatedAt(), t.updatedBy());
  }
}
