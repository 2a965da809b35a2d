package org.sysmontriage.detect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sysmontriage.attack.AttackCatalog;
import org.sysmontriage.detect.sigma.RuleException;
import org.sysmontriage.detect.sigma.SigmaRule;
import org.sysmontriage.detect.sigma.YamlNode;

/**
 * Reads a rule's Sigma metadata (tags, level) and our {@code x-sysmon-triage} block into the
 * {@link Analytic} and {@link AnalyticInfo} records.
 */
final class RuleMetadata {
  static final String BLOCK = "x-sysmon-triage";

  private RuleMetadata() {}

  static LoadedRule read(SigmaRule rule, String source, String text, boolean builtIn) throws RuleException {
    YamlNode doc = rule.doc();
    YamlNode x = doc.get(BLOCK);
    if (x != null && !x.isMap()) {
      throw new RuleException(BLOCK + " must be a map", x);
    }
    YamlNode meta = x == null ? new YamlNode(java.util.Map.of(), doc.line()) : x;
    Severity level = level(doc);
    int impact = percent(meta, "impact", Severity.defaultImpact(level));
    int confidence = percent(meta, "confidence", Severity.defaultConfidence(level));
    List<String> techniques = new ArrayList<>();
    List<String> tactics = new ArrayList<>();
    readTags(doc.texts("tags"), techniques, tactics);
    int risk = impact * confidence / 100;
    Severity severity = level != null ? level : Severity.ofRisk(risk);
    String description = doc.text("description", "").trim();
    Analytic analytic = new Analytic(rule.id(), rule.title(), description, severity, techniques, tactics, impact, confidence);
    AnalyticInfo info = new AnalyticInfo(rule.id(), rule.title(), description, doc.text("status", ""),
        doc.text("author", ""), logsource(doc.get("logsource")), meta.texts("pages"), meta.text("source_url", ""),
        meta.text("coverage", ""), implementations(meta), meta.texts("test_steps"), doc.texts("falsepositives"),
        meta.texts("d3fend"), meta.text("risk_reasoning", "").trim(), doc.texts("references"), meta.texts("samples"),
        meta.text("notes", "").trim(), aggregateBy(meta), source, text, document(text, doc.line()), builtIn);
    String foldsInto = meta.text("folds_into", "").trim();
    return new LoadedRule(analytic, info, rule, lsassTarget(meta), behaviour(meta), foldsInto.isEmpty() ? null : foldsInto);
  }

  /**
   * The YAML document of {@code text} that holds line {@code line}: the lines between the {@code ---}
   * separators around it, comments kept, trailing blank lines dropped. One pass over the text.
   */
  static String document(String text, int line) {
    int[] range = documentRange(text, line);
    return text.substring(range[0], range[1]) + "\n";
  }

  /** Where {@link #document} is in {@code text}: its first char and the end of its last non-blank one. */
  static int[] documentRange(String text, int line) {
    int start = 0;
    int end = text.length();
    int at = 0;
    int n = 1;
    while (at < text.length()) {
      int eol = text.indexOf('\n', at);
      int next = eol < 0 ? text.length() : eol + 1;
      if (text.startsWith("---", at) && isSeparator(text.substring(at, eol < 0 ? text.length() : eol).stripTrailing())) {
        if (n < line) {
          start = next;
        } else {
          end = at;
          break;
        }
      }
      at = next;
      n++;
    }
    int trim = end;
    while (trim > start && Character.isWhitespace(text.charAt(trim - 1))) {
      trim--;
    }
    return new int[] {start, trim};
  }

  private static boolean isSeparator(String line) {
    return line.equals("---") || line.startsWith("--- ");
  }

  /** {@code attack.t1003.001} -> T1003.001; {@code attack.credential_access} -> credential-access. */
  static void readTags(List<String> tags, List<String> techniques, List<String> tactics) {
    Set<String> tech = new LinkedHashSet<>();
    Set<String> tact = new LinkedHashSet<>();
    for (String tag : tags) {
      String t = tag.toLowerCase(Locale.ROOT).trim();
      if (!t.startsWith("attack.")) {
        continue;
      }
      String rest = t.substring(7);
      if (isTechnique(rest)) {
        tech.add(rest.toUpperCase(Locale.ROOT));
      } else if (!isGroupOrSoftware(rest) && !(rest.startsWith("ta") && digits(rest, 2, 4) && rest.length() == 6)) {
        tact.add(rest.replace('_', '-'));
      }
    }
    List<String> sorted = new ArrayList<>(tech);
    sorted.sort((a, b) -> Integer.compare(b.length(), a.length())); // most specific first
    techniques.addAll(sorted);
    if (tact.isEmpty()) {
      AttackCatalog catalog = AttackCatalog.builtIn();
      for (String id : sorted) {
        catalog.technique(id).ifPresent(tq -> tact.addAll(tq.tactics()));
      }
    }
    tactics.addAll(tact);
  }

  /** {@code t1234} or {@code t1234.567} (what {@code t\d{4}(\.\d{3})?} matches, without compiling it per tag). */
  static boolean isTechnique(String t) {
    return t.startsWith("t") && digits(t, 1, 4) && (t.length() == 5 || (t.length() == 9 && t.charAt(5) == '.' && digits(t, 6, 3)));
  }

  /** {@code g1234} or {@code s1234}: an ATT&CK group or software id. */
  private static boolean isGroupOrSoftware(String t) {
    return t.length() == 5 && (t.charAt(0) == 'g' || t.charAt(0) == 's') && digits(t, 1, 4);
  }

  /** Whether {@code s} has {@code n} ASCII digits from {@code from}. */
  private static boolean digits(String s, int from, int n) {
    if (s.length() < from + n) {
      return false;
    }
    for (int i = from; i < from + n; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static Severity level(YamlNode doc) throws RuleException {
    String l = doc.text("level", "").trim().toUpperCase(Locale.ROOT);
    if (l.isEmpty()) {
      return null;
    }
    try {
      return Severity.valueOf(l);
    } catch (IllegalArgumentException e) {
      throw new RuleException("unknown level '" + l.toLowerCase(Locale.ROOT) + "' (informational, low, medium, high, critical)", doc.get("level"));
    }
  }

  private static int percent(YamlNode meta, String key, int fallback) throws RuleException {
    YamlNode n = meta.get(key);
    if (n == null) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(String.valueOf(n.text()).trim());
      if (v < 0 || v > 100) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new RuleException(key + " must be a whole number from 0 to 100, not '" + n.text() + "'", n);
    }
  }

  private static String logsource(YamlNode ls) {
    if (ls == null || !ls.isMap()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (String k : List.of("product", "category", "service")) {
      String v = ls.text(k, null);
      if (v != null) {
        parts.add(k + ": " + v);
      }
    }
    return String.join(", ", parts);
  }

  private static List<AnalyticInfo.Implementation> implementations(YamlNode meta) throws RuleException {
    YamlNode list = meta.get("implementations");
    if (list == null) {
      return List.of();
    }
    if (!list.isList()) {
      throw new RuleException("implementations must be a list of {name, language, text}", list);
    }
    List<AnalyticInfo.Implementation> out = new ArrayList<>();
    for (YamlNode i : list.list()) {
      if (!i.isMap() || i.text("text", null) == null) {
        throw new RuleException("an implementation needs at least a text", i);
      }
      out.add(new AnalyticInfo.Implementation(i.text("name", ""), i.text("language", ""), i.text("text", "").strip()));
    }
    return out;
  }

  private static LoadedRule.LsassTarget lsassTarget(YamlNode meta) throws RuleException {
    YamlNode n = meta.get("lsass_target");
    if (n == null) {
      return LoadedRule.LsassTarget.ANY;
    }
    try {
      return LoadedRule.LsassTarget.valueOf(String.valueOf(n.text()).trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new RuleException("lsass_target must be required, excluded or any, not '" + n.text() + "'", n);
    }
  }

  private static String behaviour(YamlNode meta) throws RuleException {
    YamlNode n = meta.get("behaviour");
    if (n == null) {
      return null;
    }
    String name = String.valueOf(n.text()).trim();
    if (!org.sysmontriage.detect.lsass.LsassJudge.BEHAVIOURS.contains(name)) {
      throw new RuleException("behaviour must be one of " + org.sysmontriage.detect.lsass.LsassJudge.BEHAVIOURS + ", not '" + name + "'", n);
    }
    return name;
  }

  private static List<String> aggregateBy(YamlNode meta) {
    YamlNode agg = meta.get("aggregate");
    return agg == null ? List.of() : agg.texts("by");
  }
}
