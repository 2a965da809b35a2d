package org.sysmontriage.ui.hits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sysmontriage.detect.Analytic;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.detect.ProcessUsers;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.Times;

/**
 * The hits of an investigation in columns, addressed by hit index: what the table, the timeline
 * and the filters read. Cell texts are computed on demand from the store, never copied per row.
 */
public final class HitTable {
  private static final String[] USER_FIELDS = ProcessUsers.ownFields();
  private static final String[] PROCESS_FIELDS = {"SourceImage", "Image", "ParentImage"};
  private static final String[] TARGET_FIELDS = {"TargetImage", "ImageLoaded", "TargetObject", "DestinationIp"};
  private static final String[] COMMAND_FIELDS = {"CommandLine", "TargetFilename", "ParentCommandLine"};

  private final EventStore store;
  private final List<Hit> hits;
  private final List<Analytic> analytics = new ArrayList<>();
  private final int[] analyticIndex;
  private final long[] ticks;
  private final int[] risk;
  private final String[] user;
  /** The process creation event a hit's user was taken from, or -1 (its own field, or none). */
  private final int[] userCreation;
  private int[] hitOfEvent;
  private final String[] status;
  private final String[] triageText;
  private final boolean[] bookmarked;
  private final Map<String, String> packs;

  public HitTable(EventStore store, List<Hit> hits) {
    this(store, hits, Map.of());
  }

  /** @param packs the pack of each analytic that is not a built-in LSASS analytic (analytic id -> pack name) */
  public HitTable(EventStore store, List<Hit> hits, Map<String, String> packs) {
    this.store = store;
    this.packs = Map.copyOf(packs);
    this.hits = List.copyOf(hits);
    int n = hits.size();
    analyticIndex = new int[n];
    ticks = new long[n];
    risk = new int[n];
    user = new String[n];
    userCreation = new int[n];
    ProcessUsers users = ProcessUsers.of(store);
    status = new String[n];
    triageText = new String[n];
    bookmarked = new boolean[n];
    Map<String, Integer> byId = new LinkedHashMap<>();
    for (int h = 0; h < n; h++) {
      Hit hit = hits.get(h);
      Analytic a = hit.analytic();
      analyticIndex[h] = byId.computeIfAbsent(a.id(), id -> { analytics.add(a); return analytics.size() - 1; });
      ticks[h] = store.ticks(hit.event());
      risk[h] = hit.risk();
      ProcessUsers.Found u = users.user(hit.event());
      user[h] = u == null ? "" : u.user();
      userCreation[h] = u == null ? -1 : u.creationEvent();
    }
  }

  /** The highest-risk hit of an event, or -1 when the event has none. */
  public synchronized int hitOfEvent(int e) {
    if (hitOfEvent == null) {
      hitOfEvent = new int[store.size()];
      java.util.Arrays.fill(hitOfEvent, -1);
      for (int h = 0; h < size(); h++) {
        int ev = event(h);
        if (hitOfEvent[ev] < 0 || risk[h] > risk[hitOfEvent[ev]]) {
          hitOfEvent[ev] = h;
        }
      }
    }
    return e >= 0 && e < hitOfEvent.length ? hitOfEvent[e] : -1;
  }

  /** The first hit of an analytic with the highest risk, or -1. */
  public int firstHitOf(String analyticId) {
    int best = -1;
    for (int h = 0; h < size(); h++) {
      if (analyticId(h).equals(analyticId) && (best < 0 || ticks[h] < ticks[best])) {
        best = h;
      }
    }
    return best;
  }

  public static HitTable empty() {
    return new HitTable(EventStore.empty(), List.of());
  }

  public EventStore store() {
    return store;
  }

  public int size() {
    return hits.size();
  }

  public Hit hit(int h) {
    return hits.get(h);
  }

  public int event(int h) {
    return hits.get(h).event();
  }

  public long ticks(int h) {
    return ticks[h];
  }

  public int risk(int h) {
    return risk[h];
  }

  public int severity(int h) {
    return hits.get(h).analytic().severity().ordinal();
  }

  public int analyticIndex(int h) {
    return analyticIndex[h];
  }

  /** The distinct analytics that fired, in first-hit order. */
  public List<Analytic> analytics() {
    return List.copyOf(analytics);
  }

  public int hostId(int h) {
    return store.computerId(event(h));
  }

  /** Time to the millisecond, as the table shows it ("2024-03-12 08:09:38.513"); details show all 7 digits. */
  /** The analyst's verdict in words ("new", "true positive"...). Set on the UI thread only. */
  public String status(int h) {
    return status[h] == null ? "new" : status[h];
  }

  public void setStatus(int h, String label) {
    status[h] = label;
  }

  /** The hit's tags and notes as one line ("lsass, dbghelp · confirmed with the owner"). UI thread writes. */
  public String triageText(int h) {
    return triageText[h] == null ? "" : triageText[h];
  }

  /** True when the analyst starred the hit (the {@value #BOOKMARK} tag). */
  public boolean bookmarked(int h) {
    return bookmarked[h];
  }

  /** The tag a star sets: kept in the case with the other tags, shown in reports. */
  public static final String BOOKMARK = org.sysmontriage.casefile.HitTriage.BOOKMARK_TAG;

  /** Shows a hit's tags and notes in the table; set on the UI thread by the case work. */
  public void setTriage(int h, java.util.List<String> tags, String notes) {
    java.util.List<String> shown = tags.stream().filter(t -> !BOOKMARK.equals(t)).toList();
    String n = notes == null ? "" : notes.replace('\n', ' ').strip();
    triageText[h] = String.join(", ", shown) + (shown.isEmpty() || n.isEmpty() ? "" : " · ") + n;
    bookmarked[h] = tags.contains(BOOKMARK);
  }

  public String time(int h) {
    return shortTime(ticks[h]);
  }

  /** "2024-03-12 08:09:38.513" (UTC, milliseconds), as tables show times. */
  public static String shortTime(long ticks) {
    String full = Times.format(ticks);
    return full.length() < 23 ? full : full.substring(0, 10) + " " + full.substring(11, 23);
  }

  public String host(int h) {
    return store.computer(event(h));
  }

  /** The hit's user: its event's own user field, else its process creation's (see {@link #userCreation}). */
  public String user(int h) {
    return user[h];
  }

  /** The process creation event the hit's user was taken from, or -1 when the event names it itself or not at all. */
  public int userCreation(int h) {
    return userCreation[h];
  }

  public String analytic(int h) {
    return hits.get(h).analytic().title();
  }

  /** The pack of a hit's analytic ("Hunt", a rule folder's name), or "" for the built-in LSASS analytics. */
  public String pack(int h) {
    return packs.getOrDefault(analyticId(h), "");
  }

  public String analyticId(int h) {
    return hits.get(h).analytic().id();
  }

  public String technique(int h) {
    return String.join(", ", hits.get(h).analytic().techniques());
  }

  public String tactic(int h) {
    return String.join(", ", hits.get(h).analytic().tactics());
  }

  public String process(int h) {
    return first(event(h), PROCESS_FIELDS);
  }

  public String target(int h) {
    return first(event(h), TARGET_FIELDS);
  }

  public String commandOrFile(int h) {
    return first(event(h), COMMAND_FIELDS);
  }

  /** The event field a column's value of hit {@code h} was read from (for the allowlist), or null. */
  public String fieldOf(HitColumn c, int h) {
    String[] names = switch (c) {
      case USER -> USER_FIELDS;
      case PROCESS -> PROCESS_FIELDS;
      case TARGET -> TARGET_FIELDS;
      case COMMAND -> COMMAND_FIELDS;
      default -> new String[0];
    };
    for (String name : names) {
      String v = store.field(event(h), name);
      if (v != null && !v.isEmpty()) {
        return name;
      }
    }
    return null;
  }

  private String first(int e, String[] names) {
    for (String name : names) {
      String v = store.field(e, name);
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return "";
  }
}
