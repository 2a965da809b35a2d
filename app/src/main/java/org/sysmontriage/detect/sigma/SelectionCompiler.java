package org.sysmontriage.detect.sigma;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Compiles one detection item (a search identifier's value) into a {@link Node}. */
final class SelectionCompiler {
  private final Registry registry;
  private final Map<String, List<String>> placeholders;

  SelectionCompiler(Registry registry, Map<String, List<String>> placeholders) {
    this.registry = registry;
    this.placeholders = placeholders;
  }

  Node compile(YamlNode item) throws RuleException {
    if (item.isMap()) {
      return fieldMap(item);
    }
    if (item.isList()) {
      List<Node> alternatives = new ArrayList<>();
      for (YamlNode element : item.list()) {
        alternatives.add(element.isScalar() ? keyword(element, List.of()) : compile(element));
      }
      if (alternatives.isEmpty()) {
        throw new RuleException("empty list in detection", item);
      }
      return or(alternatives);
    }
    return keyword(item, List.of());
  }

  private Node fieldMap(YamlNode item) throws RuleException {
    List<Node> all = new ArrayList<>();
    for (Map.Entry<String, YamlNode> e : item.map().entrySet()) {
      all.add(field(e.getKey(), e.getValue()));
    }
    if (all.isEmpty()) {
      throw new RuleException("empty map in detection", item);
    }
    return all.size() == 1 ? all.get(0) : new Node.And(all);
  }

  private Node field(String key, YamlNode value) throws RuleException {
    List<String> parts = Arrays.asList(key.split("\\|", -1));
    String field = parts.get(0).trim();
    List<String> mods = parts.subList(1, parts.size()).stream().map(m -> m.trim().toLowerCase(Locale.ROOT)).toList();
    for (String m : mods) {
      if (!ValueCompiler.KNOWN.contains(m)) {
        throw new RuleException("unsupported modifier '" + m + "' in '" + key + "'", value);
      }
    }
    List<YamlNode> values = value.isList() ? value.list() : List.of(value);
    if (values.isEmpty()) {
      throw new RuleException("no values for '" + key + "'", value);
    }
    for (YamlNode v : values) {
      if (!v.isScalar()) {
        throw new RuleException("value of '" + key + "' must be a string, number or list of them", v);
      }
    }
    if (mods.contains("fieldref")) {
      return fieldRef(field, mods, values);
    }
    if (mods.contains("expand")) {
      values = expandPlaceholders(values);
      mods = mods.stream().filter(m -> !m.equals("expand")).toList();
    }
    boolean all = mods.contains("all");
    boolean plain = !mods.contains("exists") && values.stream().allMatch(v -> v.value() != null);
    if (!all && plain) { // a value list is one test: one cached answer per value instead of one per list item
      List<ValueTest> tests = new ArrayList<>();
      for (YamlNode v : values) {
        tests.addAll(ValueCompiler.tests(v.text(), field.isEmpty() ? keywordMods(mods) : mods, v));
      }
      return field.isEmpty() ? new Node.KeywordLeaf(registry.test(ValueTest.AnyOf.of(tests)), ValueTest.AnyOf.of(tests).reason())
          : testLeaf(field, ValueTest.AnyOf.of(tests));
    }
    List<Node> leaves = new ArrayList<>();
    for (YamlNode v : values) {
      leaves.add(field.isEmpty() ? keyword(v, mods) : leaf(field, mods, v));
    }
    return all ? new Node.And(leaves) : or(leaves);
  }

  private Node testLeaf(String field, ValueTest t) {
    SystemField system = SystemField.of(field);
    int id = registry.test(t);
    if (system != null) {
      return new Node.SystemLeaf(system, field, id, t.reason());
    }
    if (field.equals("Data")) {
      return new Node.DataLeaf(field, id, t.reason());
    }
    return new Node.FieldLeaf(registry.slot(field), field, id, t.reason());
  }

  /** {@code Field|fieldref: Other} (a list: any of the other fields). */
  private Node fieldRef(String field, List<String> mods, List<YamlNode> values) throws RuleException {
    String mode = mods.contains("contains") ? "contains" : mods.contains("startswith") ? "startswith"
        : mods.contains("endswith") ? "endswith" : "equals";
    for (String m : mods) {
      if (!List.of("fieldref", "contains", "startswith", "endswith", "all").contains(m)) {
        throw new RuleException("modifier '" + m + "' cannot be combined with fieldref", values.get(0));
      }
    }
    if (field.isEmpty() || SystemField.of(field) != null) {
      throw new RuleException("fieldref needs an event data field on its left, not '" + field + "'", values.get(0));
    }
    List<Node> refs = new ArrayList<>();
    for (YamlNode v : values) {
      String ref = v.text();
      if (ref == null || ref.isBlank()) {
        throw new RuleException("fieldref names no field", v);
      }
      refs.add(new Node.FieldRefLeaf(registry.slot(field), field, registry.slot(ref.trim()), ref.trim(), mode));
    }
    return mods.contains("all") ? new Node.And(refs) : or(refs);
  }

  /**
   * The {@code expand} modifier: each {@code %name%} placeholder is replaced by the values the
   * compiler's placeholder map gives it (several values: the item becomes a list of them); a
   * placeholder without values reads as {@code *} (any text), the default mapping documented in the README.
   */
  private List<YamlNode> expandPlaceholders(List<YamlNode> values) throws RuleException {
    List<YamlNode> out = new ArrayList<>();
    for (YamlNode v : values) {
      if (v.value() == null) {
        out.add(v);
        continue;
      }
      List<String> expanded = List.of("");
      String text = v.text();
      int i = 0;
      while (i < text.length()) {
        int open = text.indexOf('%', i);
        int close = open < 0 ? -1 : text.indexOf('%', open + 1);
        if (open < 0 || close < 0) {
          expanded = append(expanded, List.of(text.substring(i)));
          break;
        }
        expanded = append(expanded, List.of(text.substring(i, open)));
        String name = text.substring(open + 1, close);
        List<String> with = placeholders.getOrDefault(name, List.of());
        expanded = append(expanded, with.isEmpty() ? List.of("*") : with);
        i = close + 1;
      }
      if (expanded.size() > 1024) {
        throw new RuleException("expand gives more than 1024 values", v);
      }
      expanded.forEach(e -> out.add(new YamlNode(e, v.line())));
    }
    return out;
  }

  private static List<String> append(List<String> prefixes, List<String> parts) {
    List<String> out = new ArrayList<>();
    for (String p : prefixes) {
      for (String part : parts) {
        out.add(p + part);
      }
    }
    return out;
  }

  private static List<String> keywordMods(List<String> mods) {
    List<String> kwMods = new ArrayList<>(mods);
    if (!kwMods.contains("re") && !kwMods.contains("startswith") && !kwMods.contains("endswith")) {
      kwMods.add("contains");
    }
    return kwMods;
  }

  private Node leaf(String field, List<String> mods, YamlNode v) throws RuleException {
    SystemField system = SystemField.of(field);
    if (mods.contains("exists")) {
      if (system != null) {
        return new Node.Const(Boolean.parseBoolean(v.text()));
      }
      return new Node.ExistsLeaf(registry.slot(field), field, Boolean.parseBoolean(v.text()));
    }
    if (v.value() == null) {
      if (system != null) {
        throw new RuleException("'" + field + "' is never null", v);
      }
      return new Node.NullLeaf(registry.slot(field), field);
    }
    return testLeaf(field, ValueTest.AnyOf.of(ValueCompiler.tests(v.text(), mods, v)));
  }

  /** Unfielded search: Sigma tools treat a keyword as "somewhere in the event" (contains). */
  private Node keyword(YamlNode v, List<String> mods) throws RuleException {
    if (v.value() == null) {
      throw new RuleException("a keyword cannot be null", v);
    }
    List<Node> alternatives = new ArrayList<>();
    for (ValueTest t : ValueCompiler.tests(v.text(), keywordMods(mods), v)) {
      alternatives.add(new Node.KeywordLeaf(registry.test(t), t.reason()));
    }
    return mods.contains("all") && alternatives.size() > 1 ? new Node.And(alternatives) : or(alternatives);
  }

  private static Node or(List<Node> nodes) {
    return nodes.size() == 1 ? nodes.get(0) : new Node.Or(nodes);
  }
}
