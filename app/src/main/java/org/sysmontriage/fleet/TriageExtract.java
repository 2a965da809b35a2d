package org.sysmontriage.fleet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.Times;

/**
 * A host's triage extract: the events around each hit, written as NDJSON in the XML-as-JSON shape
 * ({@code Event.System}, {@code Event.EventData.Data[{"@Name","#text"}]}) that the JSON reader reads
 * back with the same values. Around a hit means: the hit itself, the events of the same processes
 * (the Sysmon process GUIDs, or process ids where a log has none, of the hit as process, parent, source
 * or target: the parent's start, the access, the dump file, the image loads, the children), every event of the host within the time
 * window, and every event that shows lsass.exe as a process (its PIDs and GUIDs over time), so the
 * extract alone gives the same hits.
 * Each line also carries {@code "sysmon_triage":{"source","offset","why"}}: where it was read and why it is here.
 */
final class TriageExtract {
  static final String[] GUID_FIELDS = {"ProcessGuid", "ParentProcessGuid", "SourceProcessGUID", "TargetProcessGUID"};
  /** Process ids name a process too where the log has no GUIDs (Security events, some exports). */
  static final String[] PID_FIELDS = {"ProcessId", "ParentProcessId", "SourceProcessId", "TargetProcessId", "NewProcessId"};
  static final String[] LSASS_IMAGE_FIELDS = {"Image", "TargetImage", "SourceImage", "ParentImage", "NewProcessName",
    "ParentProcessName", "ProcessName"};
  /** Events taken per process GUID at most (lsass as a target can have very many). */
  static final int PER_PROCESS = 5_000;

  static final int HIT = 1;
  static final int PROCESS = 2;
  static final int WINDOW = 4;
  static final int LSASS = 8;
  private static final String[] WHY = {"hit", "process", "window", "lsass"};
  private static final JsonFactory JSON = new JsonFactory().setRootValueSeparator(null);

  private TriageExtract() {}

  /** The chosen events in time order, with why each was chosen (bits of HIT, PROCESS, WINDOW, LSASS). */
  record Selection(int[] events, int[] why) {
    int size() {
      return events.length;
    }
  }

  static Selection select(EventStore store, List<Hit> hits, long windowTicks) {
    int[] why = new int[store.size()];
    Map<Long, List<Integer>> byProcess = processIndex(store);
    int[][] names = {nameIds(store, GUID_FIELDS), nameIds(store, PID_FIELDS)};
    int[] byTime = store.byTime();
    long[] times = new long[byTime.length];
    for (int i = 0; i < byTime.length; i++) {
      times[i] = store.ticks(byTime[i]);
    }
    for (Hit h : hits) {
      int e = h.event();
      why[e] |= HIT;
      for (int kind = 0; kind < names.length; kind++) {
        for (int name : names[kind]) {
          int v = name < 0 ? -1 : store.valueId(e, name);
          for (int x : v < 0 ? List.<Integer>of() : byProcess.getOrDefault(key(kind, v), List.of())) {
            why[x] |= PROCESS;
          }
        }
      }
    }
    markWindows(store, hits, windowTicks, byTime, times, why);
    markLsass(store, why);
    List<Integer> chosen = new ArrayList<>();
    for (int e : byTime) {
      if (why[e] != 0) {
        chosen.add(e);
      }
    }
    int[] events = chosen.stream().mapToInt(Integer::intValue).toArray();
    int[] reasons = new int[events.length];
    for (int i = 0; i < events.length; i++) {
      reasons[i] = why[events[i]];
    }
    return new Selection(events, reasons);
  }

  /** Every event within the window of a hit; hits in time order, so each event is visited once. */
  private static void markWindows(EventStore store, List<Hit> hits, long windowTicks, int[] byTime, long[] times, int[] why) {
    long[] hitTimes = hits.stream().mapToLong(h -> store.ticks(h.event())).filter(t -> t != Times.UNKNOWN).sorted().toArray();
    int marked = 0;
    for (long t : hitTimes) {
      int i = Math.max(marked, Times.firstAtOrAfter(times, t - windowTicks));
      for (; i < times.length && times[i] <= t + windowTicks; i++) {
        why[byTime[i]] |= WINDOW;
      }
      marked = i;
    }
  }

  /**
   * Every event that shows lsass.exe as a process (its PIDs and GUIDs over time): the analytics judge
   * a dump command aimed at a PID, or an access by GUID, by these sightings.
   */
  private static void markLsass(EventStore store, int[] why) {
    int[] names = nameIds(store, LSASS_IMAGE_FIELDS);
    Map<Integer, Boolean> isLsass = new HashMap<>();
    for (int e = 0, n = store.size(); e < n; e++) {
      for (int name : names) {
        int v = name < 0 ? -1 : store.valueId(e, name);
        if (v >= 0 && isLsass.computeIfAbsent(v, k -> isLsassImage(store.value(k)))) {
          why[e] |= LSASS;
          break;
        }
      }
    }
  }

  private static boolean isLsassImage(String image) {
    String s = image.trim().toLowerCase(Locale.ROOT);
    return s.equals("lsass.exe") || s.endsWith("\\lsass.exe");
  }

  private static int[] nameIds(EventStore store, String[] fields) {
    int[] ids = new int[fields.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = store.nameId(fields[i]);
    }
    return ids;
  }

  /**
   * Each process GUID (kind 0) and process id (kind 1) -> the events that name it in any such field
   * (at most PER_PROCESS): the process's own events, its parent's, its children's, its accesses.
   */
  private static Map<Long, List<Integer>> processIndex(EventStore store) {
    int[][] names = {nameIds(store, GUID_FIELDS), nameIds(store, PID_FIELDS)};
    Map<Long, List<Integer>> index = new HashMap<>();
    for (int e = 0, n = store.size(); e < n; e++) {
      for (int kind = 0; kind < names.length; kind++) {
        for (int name : names[kind]) {
          int v = name < 0 ? -1 : store.valueId(e, name);
          if (v >= 0) {
            List<Integer> list = index.computeIfAbsent(key(kind, v), k -> new ArrayList<>());
            if (list.size() < PER_PROCESS && (list.isEmpty() || list.get(list.size() - 1) != e)) {
              list.add(e);
            }
          }
        }
      }
    }
    return index;
  }

  private static long key(int kind, int valueId) {
    return (long) kind << 32 | valueId;
  }


  /** A file name for a host's extract: letters, digits, {@code . _ -} kept, the rest {@code _}, plus a short hash when changed. */
  static String fileName(String host) {
    String safe = host.replaceAll("[^A-Za-z0-9._-]", "_");
    if (safe.isEmpty() || safe.startsWith(".")) {
      safe = "host_" + safe;
    }
    if (!safe.equals(host)) {
      safe += "-" + Integer.toHexString(host.hashCode());
    }
    return safe + ".ndjson";
  }

  /** Writes the extract next to {@code file} first and moves it in place, so a reader never sees half of it. */
  static void write(EventStore store, Selection selection, Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), ".extract-", ".tmp");
    try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
        JsonGenerator g = JSON.createGenerator(w)) {
      for (int i = 0; i < selection.size(); i++) {
        line(g, store, selection.events()[i], selection.why()[i]);
        g.writeRaw('\n');
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void line(JsonGenerator g, EventStore s, int e, int why) throws IOException {
    g.writeStartObject();
    g.writeObjectFieldStart("Event");
    g.writeObjectFieldStart("System");
    g.writeObjectFieldStart("Provider");
    g.writeStringField("@Name", s.provider(e));
    g.writeEndObject();
    g.writeNumberField("EventID", s.eventId(e));
    if (s.ticks(e) != Times.UNKNOWN) {
      g.writeObjectFieldStart("TimeCreated");
      g.writeStringField("@SystemTime", Times.format(s.ticks(e)));
      g.writeEndObject();
    }
    if (s.recordId(e) >= 0) {
      g.writeNumberField("EventRecordID", s.recordId(e));
    }
    g.writeStringField("Channel", s.channel(e));
    g.writeStringField("Computer", s.computer(e));
    g.writeEndObject();
    g.writeObjectFieldStart("EventData");
    g.writeArrayFieldStart("Data");
    for (int k = 0, n = s.fieldCount(e); k < n; k++) {
      g.writeStartObject();
      g.writeStringField("@Name", s.fieldName(e, k));
      g.writeStringField("#text", s.fieldValue(e, k));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
    g.writeObjectFieldStart("sysmon_triage");
    g.writeStringField("source", s.source(e).source());
    g.writeNumberField("offset", s.rawOffset(e));
    g.writeStringField("why", why(why));
    g.writeEndObject();
    g.writeEndObject();
  }

  private static String why(int bits) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < WHY.length; i++) {
      if ((bits & (1 << i)) != 0) {
        out.add(WHY[i]);
      }
    }
    return String.join(",", out).toLowerCase(Locale.ROOT);
  }
}
