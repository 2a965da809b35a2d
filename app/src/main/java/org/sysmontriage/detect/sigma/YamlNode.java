package org.sysmontriage.detect.sigma;

import java.util.List;
import java.util.Map;

/**
 * A YAML value with the line it starts on, so every rule error can say where it is.
 *
 * @param value a {@code Map<String, YamlNode>} (insertion order), a {@code List<YamlNode>}, a
 *     String, Number or Boolean, or null
 * @param line 1-based line in the rule file
 */
public record YamlNode(Object value, int line) {

  public boolean isMap() {
    return value instanceof Map;
  }

  public boolean isList() {
    return value instanceof List;
  }

  public boolean isScalar() {
    return !isMap() && !isList();
  }

  @SuppressWarnings("unchecked")
  public Map<String, YamlNode> map() {
    return (Map<String, YamlNode>) value;
  }

  @SuppressWarnings("unchecked")
  public List<YamlNode> list() {
    return (List<YamlNode>) value;
  }

  /** A child of a map, or null. */
  public YamlNode get(String key) {
    return isMap() ? map().get(key) : null;
  }

  /** The scalar as text (numbers and booleans as written), or null for null / non-scalars. */
  public String text() {
    return isScalar() && value != null ? value.toString() : null;
  }

  /** A child's text, or {@code fallback} when absent. */
  public String text(String key, String fallback) {
    YamlNode n = get(key);
    String t = n == null ? null : n.text();
    return t == null ? fallback : t;
  }

  /** A child as a list of texts: a scalar gives one element, absent gives none. */
  public List<String> texts(String key) {
    YamlNode n = get(key);
    if (n == null || n.value == null) {
      return List.of();
    }
    if (n.isList()) {
      return n.list().stream().map(YamlNode::text).filter(t -> t != null).toList();
    }
    return n.isScalar() ? List.of(n.text()) : List.of();
  }
}
