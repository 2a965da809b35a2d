package org.sysmontriage.ingest.json;

import java.util.Map;

/**
 * Export field names (ECS, HELK) -> canonical Sysmon names, with per-EventID overrides: the
 * winlogbeat Sysmon pipeline moves SourceImage to {@code process.executable} for EventID 10 but
 * Image for EventID 1. A source key {@code a+b} joins both values with a backslash
 * ({@code user.domain+user.name} -> {@code DOMAIN\name}); a key {@code a|b|c} joins the present
 * values as Sysmon's Hashes list ({@code hash.sha1|hash.md5} -> {@code SHA1=...,MD5=...}).
 */
record EcsMap(Map<String, String> common, Map<Integer, Map<String, String>> byEventId) {
  static final EcsMap EMPTY = new EcsMap(Map.of(), Map.of());

  boolean isEmpty() {
    return common.isEmpty() && byEventId.isEmpty();
  }

  /** Fills each canonical field the draft still lacks from the record's export fields. */
  void fill(FlatRecord rec, int eventId, FieldFiller out) {
    Map<String, String> special = byEventId.getOrDefault(eventId, Map.of());
    for (Map.Entry<String, String> e : special.entrySet()) {
      fillOne(rec, e.getKey(), e.getValue(), out);
    }
    for (Map.Entry<String, String> e : common.entrySet()) {
      if (!special.containsKey(e.getKey())) {
        fillOne(rec, e.getKey(), e.getValue(), out);
      }
    }
  }

  private static void fillOne(FlatRecord rec, String from, String to, FieldFiller out) {
    if (from.indexOf('|') > 0) {
      String list = hashList(rec, from);
      if (!list.isEmpty()) {
        out.fillMissing(to, list);
      }
      return;
    }
    int plus = from.indexOf('+');
    if (plus < 0) {
      String v = rec.get(from);
      if (v != null) {
        out.fillMissing(to, v);
      }
      return;
    }
    String a = rec.get(from.substring(0, plus));
    String b = rec.get(from.substring(plus + 1));
    if (b != null) {
      out.fillMissing(to, a == null || a.isEmpty() ? b : a + "\\" + b);
    }
  }

  /** {@code SHA1=..,MD5=..} from the present keys; the label is the key's last segment, upper case. */
  private static String hashList(FlatRecord rec, String keys) {
    StringBuilder b = new StringBuilder();
    for (String key : keys.split("\\|")) {
      String v = rec.get(key);
      if (v != null && !v.isEmpty()) {
        if (b.length() > 0) {
          b.append(',');
        }
        b.append(key.substring(key.lastIndexOf('.') + 1).toUpperCase(java.util.Locale.ROOT)).append('=')
            .append(v.toUpperCase(java.util.Locale.ROOT));
      }
    }
    return b.toString();
  }

  /** Receives canonical fields; keeps a value only where none is present yet. */
  interface FieldFiller {
    void fillMissing(String name, String value);
  }

  static EcsMap merge(EcsMap base, EcsMap own) {
    Map<String, String> common = new java.util.LinkedHashMap<>(base.common);
    common.putAll(own.common);
    Map<Integer, Map<String, String>> by = new java.util.HashMap<>(base.byEventId);
    own.byEventId.forEach((id, m) -> {
      Map<String, String> merged = new java.util.LinkedHashMap<>(by.getOrDefault(id, Map.of()));
      merged.putAll(m);
      by.put(id, merged);
    });
    return new EcsMap(common, by);
  }
}
