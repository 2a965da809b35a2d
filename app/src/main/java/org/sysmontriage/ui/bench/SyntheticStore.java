package org.sysmontriage.ui.bench;

import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.EventReplicas;
import org.sysmontriage.event.Times;

/**
 * A store of N events built from real ones, for measuring the window under load: copy k of an
 * event gets its own time (+k ms), record id, process ids and GUIDs, and every path gets a folder of
 * its own ({@code C:\Tools\k7\procdump64.exe}), so the value dictionaries grow as in a real capture
 * (the window sorts, filters and paints distinct strings, not cache hits). File names, the host and
 * short codes (access masks) are kept, so the analytics fire on every copy as on the original.
 */
public final class SyntheticStore {
  private SyntheticStore() {}

  public static EventStore replicate(EventStore real, int n, CancellationToken cancel) {
    return EventReplicas.replicate(real, n, cancel, SyntheticStore::distinct);
  }

  /** The value of copy {@code copy}: distinct from every other copy's, with the same meaning for the analytics. */
  static String distinct(String name, String value, int copy, long ticks) {
    if (value.isEmpty()) {
      return value;
    }
    if (name.endsWith("Time") && ticks != Times.UNKNOWN) {
      return Times.format(ticks);
    }
    if (value.length() == 38 && value.charAt(0) == '{' && value.charAt(37) == '}') {
      return guid(value, copy);
    }
    if (name.endsWith("ProcessId") || name.endsWith("ThreadId")) {
      return value + copy; // "4242" -> "42427": still a number, distinct per copy
    }
    int slash = value.lastIndexOf('\\');
    if (slash >= 0) {
      return value.substring(0, slash + 1) + "k" + copy + value.substring(slash);
    }
    return value;
  }

  private static String guid(String g, int copy) {
    String tail = g.substring(25, 37);
    try {
      long v = (Long.parseLong(tail, 16) + copy * 0x1000193L) & 0xffffffffffffL;
      return g.substring(0, 25) + String.format("%012X", v) + "}";
    } catch (NumberFormatException e) {
      return g;
    }
  }
}
