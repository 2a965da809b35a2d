package org.sysmontriage.detect;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.sysmontriage.event.EventRuns;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.Guids;

/**
 * The user of an event: from its own user fields, else from the creation event of the process that
 * acted (Sysmon EID 1 with the same ProcessGuid, or, by host and process id, the latest Sysmon EID 1 or
 * Security 4688 that started that process id at or before the event). Most Sysmon events other than
 * 1 (process access 10, file 11, image load 7...) carry no user in older Sysmon versions; their process
 * creation does. Built once per store in one pass over the process creation events.
 */
public final class ProcessUsers {
  /** Fields that name an event's own user, the actor first. */
  static final String[] OWN_FIELDS = {"User", "SourceUser", "SubjectUserName", "TargetUser", "TargetUserName", "AccountName"};
  private static final long TICKS_PER_SECOND = 10_000_000L;
  /** A process creation logged up to this much after the event still counts (export clocks differ by ms). */
  private static final long SLACK = 2 * TICKS_PER_SECOND;

  /**
   * Who the user is and where it came from.
   *
   * @param user the user as the log names it ({@code ACME\bob})
   * @param field the field it was read from
   * @param creationEvent the process creation event it was taken from, or -1 when the event names it itself
   */
  public record Found(String user, String field, int creationEvent) {
    /** True when the user was taken from the process creation event. */
    public boolean fromCreation() {
      return creationEvent >= 0;
    }
  }

  private final EventStore store;
  /**
   * (host, GUID) -> the Sysmon EID 1 creations that name their user, in the store's EID 1 order (the first is the one).
   * A GUID of the usual form is keyed (host, its two numbers); any other text by a negative tag of its own.
   */
  private final EventRuns byGuid;
  /** "host:GUID" of the GUIDs not of the usual form (lower case, no braces) -> their tag (-1, -2, ...); usually empty. */
  private final Map<String, Integer> oddGuids = new HashMap<>();
  /** (host, process id's low 32 bits) -> the creations (EID 1, 4688) that name their user, in time order. */
  private final EventRuns byPid;

  private ProcessUsers(EventStore store) {
    this.store = store;
    EventRuns.Builder guids = new EventRuns.Builder();
    EventRuns.Builder pids = new EventRuns.Builder();
    for (int e : store.byEventId(1)) {
      String guid = store.field(e, "ProcessGuid");
      if (guid != null && own(e) != null) {
        int host = store.computerId(e);
        String g = normalGuid(guid);
        if (Guids.usual(g)) {
          guids.add(host, Guids.high(g), Guids.low(g), 0, e);
        } else {
          guids.add(oddGuids.computeIfAbsent(host + ":" + g, k -> -1 - oddGuids.size()), 0, 0, 0, e);
        }
        addPid(pids, e, store.field(e, "ProcessId"));
      }
    }
    for (int e : store.byEventId(4688)) {
      if (creatorUser(e) != null) {
        addPid(pids, e, store.field(e, "NewProcessId"));
      }
    }
    byGuid = guids.build();
    byPid = pids.build();
  }

  /** The last stores indexed (weakly held): the hit table builds it off the UI thread, the details reuse it. */
  private static final Map<EventStore, ProcessUsers> CACHE = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  /** The fields that name an event's own user, in the order they are read. */
  public static String[] ownFields() {
    return OWN_FIELDS.clone();
  }

  /** The index of a store's process creations (built once per store; a store is frozen after import). */
  public static ProcessUsers of(EventStore store) {
    ProcessUsers u = CACHE.get(store);
    if (u == null) {
      u = new ProcessUsers(store);
      CACHE.put(store, u);
    }
    return u;
  }

  /** The user of event {@code e}, or null when neither it nor its process creation names one. */
  public Found user(int e) {
    Found own = own(e);
    if (own != null) {
      return own;
    }
    int c = creation(e);
    if (c < 0) {
      return null;
    }
    Found u = store.eventId(c) == 4688 ? creatorUser(c) : own(c);
    // Security names the account in two fields; the creation user reads as Sysmon writes it (DOMAIN, backslash, user)
    return u == null ? null : new Found(withDomain(c, u.field(), u.user()), u.field(), c);
  }

  /** The process creation event of the process that acted in {@code e}, or -1. */
  public int creation(int e) {
    int host = store.computerId(e);
    for (String f : new String[] {"ProcessGuid", "SourceProcessGUID", "SourceProcessGuid"}) {
      String guid = store.field(e, f);
      if (guid != null) {
        int run = guidRun(host, normalGuid(guid));
        int c = run < 0 ? -1 : byGuid.event(byGuid.from(run));
        if (c >= 0 && c != e) {
          return c;
        }
      }
    }
    for (String f : new String[] {"ProcessId", "SourceProcessId"}) {
      long pid = pid(store.field(e, f));
      if (pid >= 0) {
        int c = latestBefore(byPid.find(host, pid & 0xffffffffL, 0), store.ticks(e) + SLACK);
        if (c >= 0 && c != e) {
          return c;
        }
      }
    }
    return -1;
  }

  private int guidRun(int host, String g) {
    if (Guids.usual(g)) {
      return byGuid.find(host, Guids.high(g), Guids.low(g));
    }
    Integer tag = oddGuids.get(host + ":" + g);
    return tag == null ? -1 : byGuid.find(tag, 0, 0);
  }

  /** The latest creation in run {@code run} of {@link #byPid} at or before {@code until}, or -1. */
  private int latestBefore(int run, long until) {
    int best = -1;
    for (int i = byPid.from(run); i < byPid.to(run); i++) {
      int c = byPid.event(i);
      if (store.ticks(c) > until) {
        break;
      }
      best = c;
    }
    return best;
  }

  /** The event's own user field as the log writes it. */
  private Found own(int e) {
    for (String f : OWN_FIELDS) {
      String v = store.field(e, f);
      if (named(v)) {
        return new Found(v, f, -1);
      }
    }
    return null;
  }

  /** The account a 4688 process runs as: TargetUserName where Windows logs it, else its creator's. */
  private Found creatorUser(int e) {
    String target = store.field(e, "TargetUserName");
    if (named(target)) {
      return new Found(target, "TargetUserName", -1);
    }
    String subject = store.field(e, "SubjectUserName");
    return named(subject) ? new Found(subject, "SubjectUserName", -1) : null;
  }

  /** {@code SubjectUserName} gets {@code SubjectDomainName} and a backslash in front, as Sysmon writes User. */
  private String withDomain(int e, String field, String user) {
    if (!field.endsWith("UserName") || user.indexOf('\\') >= 0) {
      return user;
    }
    String domain = store.field(e, field.substring(0, field.length() - "UserName".length()) + "DomainName");
    return named(domain) ? domain + "\\" + user : user;
  }

  private static boolean named(String v) {
    return v != null && !v.isBlank() && !v.equals("-");
  }

  private void addPid(EventRuns.Builder pids, int e, String value) {
    long pid = pid(value);
    if (pid >= 0) {
      pids.add(store.computerId(e), pid & 0xffffffffL, 0, store.ticks(e), e); // the low 32 bits, as Windows's ids
    }
  }

  /** A GUID's text lower case without braces: the form its key is made from. */
  private static String normalGuid(String guid) {
    String g = guid.trim().toLowerCase(Locale.ROOT);
    if (g.startsWith("{") && g.endsWith("}")) {
      g = g.substring(1, g.length() - 1);
    }
    return g;
  }

  /** A process id as Sysmon (decimal) or Security (hex {@code 0x1a4}) writes it; -1 when it is not one. */
  static long pid(String v) {
    if (v == null) {
      return -1;
    }
    String s = v.trim();
    try {
      if (s.startsWith("0x") || s.startsWith("0X")) {
        return s.length() > 2 && s.length() <= 18 ? Long.parseUnsignedLong(s.substring(2), 16) : -1;
      }
      return !s.isEmpty() && s.length() <= 19 ? Long.parseLong(s) : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
