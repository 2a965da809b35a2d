package org.sysmontriage.detect.sigma;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compiles one Sigma rule document; every problem is a {@link RuleException} with its line. */
public final class SigmaCompiler {
  private final Registry registry;
  private final Map<String, List<String>> placeholders;

  public SigmaCompiler(Registry registry) {
    this(registry, Map.of());
  }

  /** @param placeholders values for the {@code expand} modifier's {@code %name%} placeholders */
  public SigmaCompiler(Registry registry, Map<String, List<String>> placeholders) {
    this.registry = registry;
    this.placeholders = Map.copyOf(placeholders);
  }

  public SigmaRule compile(YamlNode doc) throws RuleException {
    List<Target> targets = targets(doc);
    YamlNode detection = doc.get("detection");
    if (detection == null || !detection.isMap()) {
      throw new RuleException("the rule has no detection map", detection == null ? doc : detection);
    }
    return new SigmaRule(doc.text("id", "").trim(), doc.text("title", "").trim(), condition(detection), targets, doc);
  }

  /**
   * A rule whose condition was compiled before (the rule cache): the same checks and targets as
   * {@link #compile}, from its document without the detection.
   */
  public SigmaRule compiled(YamlNode doc, Node condition) throws RuleException {
    return new SigmaRule(doc.text("id", "").trim(), doc.text("title", "").trim(), condition, targets(doc), doc);
  }

  /** The rule's targets, after checking what every rule needs besides its detection. */
  private static List<Target> targets(YamlNode doc) throws RuleException {
    if (doc == null || !doc.isMap()) {
      throw new RuleException("a rule must be a YAML map", doc);
    }
    if (doc.get("action") != null) {
      throw new RuleException("rule collections ('action: " + doc.text("action", "") + "') are not supported", doc.get("action"));
    }
    String title = doc.text("title", null);
    if (title == null || title.isBlank()) {
      throw new RuleException("the rule has no title", doc);
    }
    String id = doc.text("id", "").trim();
    if (id.isEmpty()) {
      throw new RuleException("the rule has no id", doc);
    }
    return Logsources.targets(doc.get("logsource"));
  }

  private Node condition(YamlNode detection) throws RuleException {
    SelectionCompiler selections = new SelectionCompiler(registry, placeholders);
    Map<String, Node> named = new LinkedHashMap<>();
    YamlNode condition = null;
    for (Map.Entry<String, YamlNode> e : detection.map().entrySet()) {
      if (e.getKey().equals("condition")) {
        condition = e.getValue();
      } else if (!e.getKey().equals("timeframe")) {
        named.put(e.getKey(), selections.compile(e.getValue()));
      }
    }
    if (condition == null) {
      throw new RuleException("the detection has no condition", detection);
    }
    if (condition.isList()) {
      List<Node> any = new java.util.ArrayList<>();
      for (YamlNode c : condition.list()) {
        any.add(ConditionParser.parse(String.valueOf(c.text()), named, c));
      }
      return any.size() == 1 ? any.get(0) : new Node.Or(any);
    }
    return ConditionParser.parse(String.valueOf(condition.text()), named, condition);
  }
}
