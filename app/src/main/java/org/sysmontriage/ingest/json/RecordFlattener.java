package org.sysmontriage.ingest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Streams one JSON object into a {@link FlatRecord} without building a tree. An Elasticsearch
 * hit's {@code _source} is unwrapped to the top (a {@code _source} marker entry is added);
 * arrays of scalars become one comma-joined value; xmltodict {@code Data} pairs become
 * {@code ...Data.NAME} entries.
 */
final class RecordFlattener {
  static final String SOURCE_MARKER = "_source";
  private final String[] deferredKeys;
  private java.util.Map<String, String> recordPaths = java.util.Map.of();
  private ElementHandler elements;

  /** Receives one element of a record array; must consume it up to and including its END_OBJECT. */
  interface ElementHandler {
    void element(JsonParser p, String prefix) throws IOException;
  }

  /** {@code deferredKeys}: top-level string keys left undecoded until asked for. */
  RecordFlattener(java.util.Set<String> deferredKeys) {
    this.deferredKeys = deferredKeys.stream().map(String::intern).toArray(String[]::new);
  }

  /** Jackson interns field names, so identity finds the (few) deferred keys cheaply. */
  private boolean isDeferred(String name) {
    for (String k : deferredKeys) {
      if (k == name) {
        return true;
      }
    }
    return false;
  }

  /**
   * Objects (or arrays of objects) at these paths are records of their own, handed to
   * {@code handler} with the key prefix they need (Elasticsearch {@code hits.hits}, xmltodict
   * {@code Events.Event} -> {@code Event.}) instead of being flattened into the enclosing object.
   */
  void recordPaths(java.util.Map<String, String> paths, ElementHandler handler) {
    this.recordPaths = paths;
    this.elements = handler;
  }

  /** Reads the object whose START_OBJECT the parser is on, up to and including its END_OBJECT. */
  void flatten(JsonParser p, FlatRecord out) throws IOException {
    readObject(p, "", out, true);
  }

  /** As {@link #flatten}, with every key under {@code prefix} (a record array element). */
  void flatten(JsonParser p, String prefix, FlatRecord out) throws IOException {
    readObject(p, prefix, out, prefix.isEmpty());
  }

  private void readObject(JsonParser p, String prefix, FlatRecord out, boolean top) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      String key = prefix.isEmpty() ? name : prefix.concat(name);
      if (elements != null && (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && recordPaths.containsKey(key)) {
        records(p, t, recordPaths.get(key));
      } else if (t == JsonToken.START_OBJECT) {
        if (top && name.equals(SOURCE_MARKER)) {
          out.add(SOURCE_MARKER, "");
          readObject(p, "", out, false);
        } else {
          readNested(p, key, out);
        }
      } else if (t == JsonToken.START_ARRAY) {
        readArray(p, key, out);
      } else if (t == JsonToken.VALUE_STRING && prefix.isEmpty() && out.canDefer() && isDeferred(name)) {
        out.addDeferred(key, (int) p.currentTokenLocation().getByteOffset());
      } else if (t != JsonToken.VALUE_NULL) {
        out.add(key, p.getText());
      }
    }
  }

  private void records(JsonParser p, JsonToken t, String prefix) throws IOException {
    if (t == JsonToken.START_OBJECT) {
      elements.element(p, prefix);
      return;
    }
    JsonToken e;
    while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
      if (e == JsonToken.START_OBJECT) {
        elements.element(p, prefix);
      } else {
        p.skipChildren();
      }
    }
  }

  private void readNested(JsonParser p, String key, FlatRecord out) throws IOException {
    int mark = out.size();
    readObject(p, key + ".", out, false);
    if (key.endsWith("Data")) {
      out.collapsePair(mark, key);
    }
  }

  private void readArray(JsonParser p, String key, FlatRecord out) throws IOException {
    out.enterArray();
    String joined;
    try {
      joined = joinArray(p, key, out);
    } finally {
      out.exitArray();
    }
    if (joined != null) {
      out.add(key, joined);
    }
  }

  /** Flattens the array's objects; returns its scalars joined with ", ", or null when it has none. */
  private String joinArray(JsonParser p, String key, FlatRecord out) throws IOException {
    StringBuilder joined = null;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == JsonToken.START_OBJECT) {
        readNested(p, key, out);
      } else if (t == JsonToken.START_ARRAY) {
        p.skipChildren();
      } else if (t != JsonToken.VALUE_NULL) {
        if (joined == null) {
          joined = new StringBuilder();
        } else {
          joined.append(", ");
        }
        joined.append(p.getText());
      }
    }
    return joined == null ? null : joined.toString();
  }
}
