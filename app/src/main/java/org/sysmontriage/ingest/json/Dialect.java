package org.sysmontriage.ingest.json;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One JSON dialect's mapping onto canonical events, as loaded from {@code dialects.json}.
 * Immutable; shared by all reader threads.
 */
final class Dialect {
  /** System slots, in the order of {@link #systemKeys}. */
  static final int EVENT_ID = 0;
  static final int TIME = 1;
  static final int COMPUTER = 2;
  static final int CHANNEL = 3;
  static final int PROVIDER = 4;
  static final int RECORD_ID = 5;
  static final int SLOTS = 6;

  /** Role of a flattened key that is not a system key (see {@link #role}). */
  static final int DROP = -1;
  static final int DROP_VALUES = -2;

  final String name;
  final int index;
  final List<List<String>> detect;
  final boolean flat;
  final List<String> eventDataPrefixes;
  final List<String> messageKeys;
  final List<String> sources;
  final EcsMap ecs;
  /** key -> slot * 16 + priority for system keys, or DROP / DROP_VALUES. */
  private final Map<String, Integer> roles = new HashMap<>();
  private final Map<String, Set<String>> dropValues;

  Dialect(String name, int index, List<List<String>> detect, boolean flat, List<List<String>> systemKeys,
      List<String> eventDataPrefixes, List<String> messageKeys, List<String> sources, EcsMap ecs,
      List<String> drop, Map<String, Set<String>> dropValues) {
    this.name = name;
    this.index = index;
    this.detect = detect;
    this.flat = flat;
    this.eventDataPrefixes = eventDataPrefixes;
    this.messageKeys = messageKeys;
    this.sources = sources;
    this.ecs = ecs;
    this.dropValues = dropValues;
    for (String d : drop) {
      roles.put(d, DROP);
    }
    for (String d : dropValues.keySet()) {
      roles.put(d, DROP_VALUES);
    }
    for (int slot = 0; slot < SLOTS; slot++) {
      List<String> keys = systemKeys.get(slot);
      for (int p = 0; p < keys.size(); p++) {
        roles.put(keys.get(p), slot * 16 + p);
      }
    }
  }

  /** slot * 16 + priority (lower wins) for a system key, DROP, DROP_VALUES, or null for data. */
  Integer role(String key) {
    return roles.get(key);
  }

  /** True when {@code value} of a DROP_VALUES key is the exporter's own, not EventData. */
  boolean dropsValue(String key, String value) {
    Set<String> values = dropValues.get(key);
    return values != null && values.contains(value);
  }

  @Override
  public String toString() {
    return name;
  }
}
