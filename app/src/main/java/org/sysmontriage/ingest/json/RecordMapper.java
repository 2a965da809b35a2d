package org.sysmontriage.ingest.json;

import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.Times;

/**
 * Maps one {@link FlatRecord} of a known dialect onto an {@link EventDraft}: system fields into
 * the draft's members, EventData under Sysmon's names, then the Sysmon message text and the
 * ECS/HELK map fill only what EventData lacks. Event time is Sysmon's UtcTime where present.
 */
final class RecordMapper {
  private final JsonDialects table;
  private final int[] best = new int[Dialect.SLOTS];
  private final int[] bestAt = new int[Dialect.SLOTS];
  private final java.util.Map<String, String> channels = new java.util.HashMap<>();

  RecordMapper(JsonDialects table) {
    this.table = table;
  }

  /** Fills the draft; returns false when the record holds no usable EventID. */
  boolean map(FlatRecord rec, Dialect d, EventDraft out) {
    java.util.Arrays.fill(best, Integer.MAX_VALUE);
    java.util.Arrays.fill(bestAt, -1);
    if (d.flat) {
      flatFields(rec, d, out);
    } else {
      nestedFields(rec, d, out);
    }
    out.eventId = (int) number(rec, Dialect.EVENT_ID, -1);
    if (out.eventId < 0) {
      return false;
    }
    out.computer = text(rec, Dialect.COMPUTER);
    out.channel = channel(text(rec, Dialect.CHANNEL));
    out.provider = text(rec, Dialect.PROVIDER);
    out.recordId = number(rec, Dialect.RECORD_ID, -1);
    fillFromOtherSources(rec, d, out);
    out.ticks = eventTime(rec, out);
    return true;
  }

  /** Canonical channel name, remembered per raw spelling (a log has a handful of channels). */
  private String channel(String raw) {
    String c = channels.get(raw);
    if (c == null) {
      c = table.channel(raw);
      if (channels.size() < 1024) {
        channels.put(raw, c);
      }
    }
    return c;
  }

  private void flatFields(FlatRecord rec, Dialect d, EventDraft out) {
    for (int i = 0, n = rec.size(); i < n; i++) {
      String key = rec.key(i);
      Integer role = d.role(key);
      if (role == null) {
        out.field(key, rec.value(i));
      } else if (role >= 0) {
        system(role, i);
      } else if (role == Dialect.DROP_VALUES && !d.dropsValue(key, rec.value(i))) {
        out.field(key, rec.value(i));
      }
    }
  }

  private void nestedFields(FlatRecord rec, Dialect d, EventDraft out) {
    for (int i = 0, n = rec.size(); i < n; i++) {
      String key = rec.key(i);
      Integer role = d.role(key);
      if (role != null && role >= 0) {
        system(role, i);
        continue;
      }
      for (String prefix : d.eventDataPrefixes) {
        if (key.length() > prefix.length() && key.startsWith(prefix)) {
          out.field(key.substring(prefix.length()), rec.value(i));
          break;
        }
      }
    }
  }

  private void system(int role, int at) {
    int slot = role >> 4;
    int priority = role & 15;
    if (priority < best[slot]) {
      best[slot] = priority;
      bestAt[slot] = at;
    }
  }

  private void fillFromOtherSources(FlatRecord rec, Dialect d, EventDraft out) {
    EcsMap.FieldFiller filler = (name, value) -> {
      if (out.get(name) == null) {
        out.field(name, value);
      }
    };
    for (String source : d.sources) {
      if (source.equals("message") && table.isSysmon(out.provider, out.channel)) {
        String message = firstPresent(rec, d.messageKeys);
        if (message != null) {
          SysmonMessageParser.parse(message, filler);
        }
      } else if (source.equals("ecs") && !d.ecs.isEmpty()) {
        d.ecs.fill(rec, out.eventId, filler);
      }
    }
  }

  private long eventTime(FlatRecord rec, EventDraft out) {
    String utc = out.get("UtcTime");
    long t = utc == null ? Times.UNKNOWN : Times.parse(utc);
    return t != Times.UNKNOWN ? t : Times.parse(text(rec, Dialect.TIME));
  }

  private String text(FlatRecord rec, int slot) {
    return bestAt[slot] < 0 ? "" : rec.value(bestAt[slot]);
  }

  private long number(FlatRecord rec, int slot, long missing) {
    return bestAt[slot] < 0 ? missing : parseLong(rec.value(bestAt[slot]), missing);
  }

  static long parseLong(String s, long missing) {
    int n = s.length();
    if (n == 0 || n > 18) {
      return missing;
    }
    long v = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return missing;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static String firstPresent(FlatRecord rec, java.util.List<String> keys) {
    for (String k : keys) {
      String v = rec.get(k);
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
