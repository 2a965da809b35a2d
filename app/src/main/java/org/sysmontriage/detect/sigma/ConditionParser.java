package org.sysmontriage.detect.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sigma conditions: {@code and}, {@code or}, {@code not}, parentheses, {@code 1 of x*}, {@code
 * all of x*}, {@code any of}, {@code them}. Precedence: not, then and, then or.
 */
final class ConditionParser {
  private static final Pattern TOKEN = Pattern.compile("\\(|\\)|[^\\s()]+");

  private final Map<String, Node> selections;
  private final YamlNode at;
  private final List<String> tokens = new ArrayList<>();
  private int pos;

  private ConditionParser(String condition, Map<String, Node> selections, YamlNode at) {
    this.selections = selections;
    this.at = at;
    Matcher m = TOKEN.matcher(condition);
    while (m.find()) {
      tokens.add(m.group());
    }
  }

  static Node parse(String condition, Map<String, Node> selections, YamlNode at) throws RuleException {
    if (condition.contains("|")) {
      throw new RuleException("aggregations in conditions ('|') are not supported: " + condition, at);
    }
    ConditionParser p = new ConditionParser(condition, selections, at);
    if (p.tokens.isEmpty()) {
      throw new RuleException("empty condition", at);
    }
    Node n = p.or();
    if (p.pos < p.tokens.size()) {
      throw new RuleException("unexpected '" + p.tokens.get(p.pos) + "' in condition: " + condition, at);
    }
    return n;
  }

  private Node or() throws RuleException {
    List<Node> parts = new ArrayList<>(List.of(and()));
    while (peekWord("or")) {
      pos++;
      parts.add(and());
    }
    return parts.size() == 1 ? parts.get(0) : new Node.Or(parts);
  }

  private Node and() throws RuleException {
    List<Node> parts = new ArrayList<>(List.of(not()));
    while (peekWord("and")) {
      pos++;
      parts.add(not());
    }
    return parts.size() == 1 ? parts.get(0) : new Node.And(parts);
  }

  private Node not() throws RuleException {
    if (peekWord("not")) {
      pos++;
      return new Node.Not(not());
    }
    return primary();
  }

  private Node primary() throws RuleException {
    String t = next();
    if (t.equals("(")) {
      Node inner = or();
      if (!")".equals(next())) {
        throw new RuleException("missing ')' in condition", at);
      }
      return inner;
    }
    if ((t.equalsIgnoreCase("all") || t.equalsIgnoreCase("any")) && peekWord("of")) {
      pos++;
      return quantifier(t.equalsIgnoreCase("all") ? -1 : 1, next());
    }
    if (isCount(t) && peekWord("of")) {
      pos++;
      return quantifier(Integer.parseInt(t), next());
    }
    Node n = selections.get(t);
    if (n == null) {
      throw new RuleException("condition names '" + t + "', which the detection does not define", at);
    }
    return n;
  }

  private static boolean isCount(String t) {
    if (t.isEmpty() || t.length() > 4) {
      return false;
    }
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) < '0' || t.charAt(i) > '9') {
        return false;
      }
    }
    return Integer.parseInt(t) > 0;
  }

  /** {@code N of target}: n = -1 for all, 1 for any. */
  private Node quantifier(int n, String target) throws RuleException {
    List<Node> picked = new ArrayList<>();
    boolean them = target.equals("them");
    String[] parts = target.split("\\*", -1);
    for (Map.Entry<String, Node> e : selections.entrySet()) {
      boolean hit = them ? !e.getKey().startsWith("_") : starMatch(parts, e.getKey());
      if (hit) {
        picked.add(e.getValue());
      }
    }
    if (picked.isEmpty()) {
      throw new RuleException("'" + target + "' matches no search identifier", at);
    }
    if (n == -1 || n == picked.size()) {
      return picked.size() == 1 ? picked.get(0) : new Node.And(picked);
    }
    if (n == 1) {
      return picked.size() == 1 ? picked.get(0) : new Node.Or(picked);
    }
    if (n > picked.size()) {
      return new Node.Const(false); // fewer search identifiers than asked for: can never hold
    }
    return new Node.AtLeast(n, picked);
  }

  /**
   * Whether {@code name} is the pieces of a pattern split at its {@code *}s with any text in place of
   * each star (case-sensitive; every other character literal). Each middle piece is taken leftmost,
   * which is exact for star-only patterns.
   */
  static boolean starMatch(String[] pieces, String name) {
    if (pieces.length == 1) {
      return name.equals(pieces[0]);
    }
    String last = pieces[pieces.length - 1];
    if (!name.startsWith(pieces[0]) || name.length() < pieces[0].length() + last.length()) {
      return false;
    }
    int at = pieces[0].length();
    int end = name.length() - last.length();
    for (int i = 1; i < pieces.length - 1; i++) {
      int found = name.indexOf(pieces[i], at);
      if (found < 0 || found + pieces[i].length() > end) {
        return false;
      }
      at = found + pieces[i].length();
    }
    return name.startsWith(last, end);
  }

  private boolean peekWord(String w) {
    return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(w);
  }

  private String next() throws RuleException {
    if (pos >= tokens.size()) {
      throw new RuleException("condition ends too early", at);
    }
    return tokens.get(pos++);
  }
}
