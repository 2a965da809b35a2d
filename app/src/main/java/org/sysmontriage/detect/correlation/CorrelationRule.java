package org.sysmontriage.detect.correlation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sysmontriage.detect.sigma.RuleException;
import org.sysmontriage.detect.sigma.YamlNode;
import org.sysmontriage.event.Times;

/**
 * A Sigma correlation rule (specification v2): {@code event_count}, {@code value_count},
 * {@code temporal} and {@code temporal_ordered} over the matches of other rules, grouped by fields,
 * within a timespan.
 *
 * @param rules the referenced rules as written (a rule's {@code id} or {@code name}), in order
 * @param groupBy the group-by fields (after aliases: the names the correlation uses)
 * @param aliases alias -> (referenced rule as written -> that rule's field)
 * @param timespanTicks the timespan in 100 ns ticks
 * @param condition the count condition; for temporal rules without one: all rules present
 * @param valueField the field whose distinct values value_count counts (null for the other types)
 * @param generate whether the referenced rules also report their own hits (Sigma's default: false)
 */
public record CorrelationRule(String id, String title, String author, String level, Type type, List<String> rules,
    List<String> groupBy, Map<String, Map<String, String>> aliases, long timespanTicks, Condition condition,
    String valueField, boolean generate, String source, int line) {

  public enum Type {
    EVENT_COUNT, VALUE_COUNT, TEMPORAL, TEMPORAL_ORDERED;

    public String sigmaName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Bounds on a count: each present bound must hold. */
  public record Condition(Long gt, Long gte, Long lt, Long lte, Long eq) {
    public boolean holds(long n) {
      return (gt == null || n > gt) && (gte == null || n >= gte) && (lt == null || n < lt) && (lte == null || n <= lte)
          && (eq == null || n == eq);
    }

    /** True when adding events can only make the condition true (gt / gte alone). */
    public boolean growing() {
      return lt == null && lte == null && eq == null;
    }

    @Override
    public String toString() {
      List<String> parts = new ArrayList<>();
      if (gt != null) {
        parts.add("> " + gt);
      }
      if (gte != null) {
        parts.add(">= " + gte);
      }
      if (lt != null) {
        parts.add("< " + lt);
      }
      if (lte != null) {
        parts.add("<= " + lte);
      }
      if (eq != null) {
        parts.add("= " + eq);
      }
      return String.join(" and ", parts);
    }
  }

  public CorrelationRule {
    rules = List.copyOf(rules);
    groupBy = List.copyOf(groupBy);
    aliases = Map.copyOf(aliases);
  }

  /** True when {@code doc} is a correlation rule (it has a {@code correlation} block). */
  public static boolean isCorrelation(YamlNode doc) {
    return doc != null && doc.isMap() && doc.get("correlation") != null;
  }

  /** Reads a correlation rule; every problem is a {@link RuleException} with its line. */
  public static CorrelationRule parse(YamlNode doc, String source) throws RuleException {
    YamlNode c = doc.get("correlation");
    if (!c.isMap()) {
      throw new RuleException("correlation must be a map", c);
    }
    String title = doc.text("title", "").trim();
    String id = doc.text("id", "").trim();
    if (title.isEmpty() || id.isEmpty()) {
      throw new RuleException("a correlation rule needs a title and an id", doc);
    }
    String typeText = c.text("type", "").trim().toLowerCase(Locale.ROOT);
    Type type;
    try {
      type = Type.valueOf(typeText.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new RuleException("correlation type '" + typeText + "' is not one of event_count, value_count, temporal, temporal_ordered",
          c.get("type") == null ? c : c.get("type"));
    }
    List<String> rules = c.texts("rules");
    if (rules.isEmpty()) {
      throw new RuleException("a correlation names no rules", c);
    }
    if (type == Type.TEMPORAL_ORDERED && rules.size() < 2 || type == Type.TEMPORAL && rules.size() < 2) {
      throw new RuleException(type.sigmaName() + " needs at least two rules", c.get("rules"));
    }
    YamlNode span = c.get("timespan");
    if (span == null) {
      span = c.get("timeframe");
    }
    if (span == null || span.text() == null) {
      throw new RuleException("a correlation needs a timespan (e.g. 5m)", c);
    }
    long ticks = timespan(span.text().trim(), span);
    Map<String, Map<String, String>> aliases = new LinkedHashMap<>();
    YamlNode a = c.get("aliases");
    if (a != null && a.isMap()) {
      for (Map.Entry<String, YamlNode> e : a.map().entrySet()) {
        Map<String, String> perRule = new LinkedHashMap<>();
        if (e.getValue().isMap()) {
          e.getValue().map().forEach((rule, field) -> perRule.put(rule, field.text()));
        }
        aliases.put(e.getKey(), perRule);
      }
    }
    Condition condition = null;
    String valueField = null;
    YamlNode cond = c.get("condition");
    if (cond != null) {
      if (!cond.isMap()) {
        throw new RuleException("a correlation condition is a map such as {gte: 10}", cond);
      }
      condition = new Condition(bound(cond, "gt"), bound(cond, "gte"), bound(cond, "lt"), bound(cond, "lte"), bound(cond, "eq"));
      valueField = cond.text("field", null);
      if (condition.equals(new Condition(null, null, null, null, null))) {
        throw new RuleException("a correlation condition needs gt, gte, lt, lte or eq", cond);
      }
    }
    if ((type == Type.EVENT_COUNT || type == Type.VALUE_COUNT) && condition == null) {
      throw new RuleException(type.sigmaName() + " needs a condition", c);
    }
    if (type == Type.VALUE_COUNT && (valueField == null || valueField.isBlank())) {
      throw new RuleException("value_count needs condition.field: the field whose distinct values are counted", cond);
    }
    boolean generate = Boolean.parseBoolean(c.text("generate", doc.text("generate", "false")));
    return new CorrelationRule(id, title, doc.text("author", ""), doc.text("level", ""), type, rules, c.texts("group-by"),
        aliases, ticks, condition, valueField, generate, source, doc.line());
  }

  private static Long bound(YamlNode cond, String key) throws RuleException {
    String t = cond.text(key, null);
    if (t == null) {
      return null;
    }
    try {
      return Long.parseLong(t.trim());
    } catch (NumberFormatException e) {
      throw new RuleException("condition " + key + " needs a whole number, not '" + t + "'", cond.get(key));
    }
  }

  /** {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d}, {@code 1w} (Sigma's timespan units). */
  static long timespan(String s, YamlNode at) throws RuleException {
    if (s.length() < 2) {
      throw new RuleException("timespan '" + s + "' is not a number with a unit (s, m, h, d, w)", at);
    }
    long unit = switch (s.charAt(s.length() - 1)) {
      case 's' -> 1;
      case 'm' -> 60;
      case 'h' -> 3600;
      case 'd' -> 86_400;
      case 'w' -> 604_800;
      default -> -1;
    };
    long n;
    try {
      n = Long.parseLong(s.substring(0, s.length() - 1));
    } catch (NumberFormatException e) {
      n = -1;
    }
    if (unit < 0 || n <= 0 || n > 3650L * 86_400 / unit) {
      throw new RuleException("timespan '" + s + "' is not a positive number with a unit (s, m, h, d, w)", at);
    }
    return n * unit * Times.TICKS_PER_SECOND;
  }

  /** The event field that group-by field {@code field} means for referenced rule {@code ruleRef}. */
  public String fieldFor(String field, String ruleRef) {
    Map<String, String> perRule = aliases.get(field);
    String f = perRule == null ? null : perRule.get(ruleRef);
    return f == null ? field : f;
  }
}
