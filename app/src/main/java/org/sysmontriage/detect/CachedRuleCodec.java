package org.sysmontriage.detect;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sysmontriage.detect.sigma.CacheInput;
import org.sysmontriage.detect.sigma.CacheOutput;
import org.sysmontriage.detect.sigma.CacheTables;
import org.sysmontriage.detect.sigma.ConditionCodec;
import org.sysmontriage.detect.sigma.Registry;
import org.sysmontriage.detect.sigma.SigmaRule;
import org.sysmontriage.detect.sigma.Target;

/**
 * A loaded rule in the rule cache's compact form ({@link RuleTreeCache}) and back: what the metadata
 * reader made of its YAML document (the {@link Analytic}, the {@link AnalyticInfo} but for what comes
 * from the file being loaded: its path, text and the rule's document in it), its targets, LSASS checks
 * and compiled condition ({@link ConditionCodec}), and its Sigma name and where its document and id
 * are, so a rule from the cache is neither parsed nor read again. Texts go through the cache file's
 * table, so the many that rules share (authors, statuses, field names) are stored and decoded once.
 */
final class CachedRuleCodec {
  private CachedRuleCodec() {}

  /**
   * A rule of a cached file: the rule as loaded (its info without the file's path, text and document,
   * its Sigma rule without the YAML document), its Sigma {@code name}, the line and the char range of its
   * document in the file's text, and the line of its {@code id} (0: none) for the loader's errors.
   */
  record Compiled(LoadedRule rule, String name, int docLine, int docStart, int docEnd, int idLine) {
    /**
     * The rule as loaded from the file at {@code source} with this text (the file's bytes are the cached
     * ones, so its document is where it was found when the rule was cached).
     */
    Loaded loaded(String source, String text, boolean builtIn) {
      String document = 0 <= docStart && docStart <= docEnd && docEnd <= text.length() ? text.substring(docStart, docEnd) + "\n"
          : RuleMetadata.document(text, docLine);
      AnalyticInfo i = rule.info();
      AnalyticInfo info = new AnalyticInfo(i.id(), i.title(), i.description(), i.status(), i.author(), i.logsource(), i.pageIds(),
          i.sourceUrl(), i.coverage(), i.implementations(), i.testSteps(), i.falsePositives(), i.d3fend(), i.riskReasoning(),
          i.references(), i.samples(), i.notes(), i.aggregateBy(), source, text, document, builtIn);
      return new Loaded(new LoadedRule(rule.analytic(), info, rule.rule(), rule.lsassTarget(), rule.behaviour(), rule.foldsInto()),
          name, idLine);
    }
  }

  /** A rule of a file taken from the cache, with what the loader checks of it (its name and id's line). */
  record Loaded(LoadedRule rule, String name, int idLine) {}

  static void write(CacheOutput out, Compiled c, Registry registry) throws IOException {
    LoadedRule r = c.rule();
    Analytic a = r.analytic();
    AnalyticInfo i = r.info();
    texts(out, a.id(), a.title(), c.name(), a.description(), a.severity().name());
    out.varint(c.docLine());
    out.varint(c.docStart());
    out.varint(c.docEnd());
    out.varint(c.idLine());
    out.varint(a.impact());
    out.varint(a.confidence());
    lists(out, a.techniques(), a.tactics());
    texts(out, i.status(), i.author(), i.logsource(), i.sourceUrl(), i.coverage(), i.riskReasoning(), i.notes());
    lists(out, i.pageIds(), i.testSteps(), i.falsePositives(), i.d3fend(), i.references(), i.samples(), i.aggregateBy());
    out.varint(i.implementations().size());
    for (AnalyticInfo.Implementation m : i.implementations()) {
      texts(out, m.name(), m.language(), m.text());
    }
    texts(out, r.lsassTarget().name());
    optional(out, r.behaviour());
    optional(out, r.foldsInto());
    out.varint(r.rule().targets().size());
    for (Target t : r.rule().targets()) {
      target(out, t);
    }
    ConditionCodec.write(out, r.rule().condition(), registry);
  }

  static Compiled read(CacheInput in, CacheTables t, Registry registry) throws IOException {
    String id = text(in, t);
    String title = text(in, t);
    String name = text(in, t);
    String description = text(in, t);
    Severity severity = constant(Severity.class, text(in, t));
    int docLine = in.readVarint();
    int docStart = in.readVarint();
    int docEnd = in.readVarint();
    int idLine = in.readVarint();
    int impact = in.readVarint();
    int confidence = in.readVarint();
    Analytic analytic = new Analytic(id, title, description, severity, list(in, t), list(in, t), impact, confidence);
    String status = text(in, t);
    String author = text(in, t);
    String logsource = text(in, t);
    String sourceUrl = text(in, t);
    String coverage = text(in, t);
    String riskReasoning = text(in, t);
    String notes = text(in, t);
    List<String> pageIds = list(in, t);
    List<String> testSteps = list(in, t);
    List<String> falsePositives = list(in, t);
    List<String> d3fend = list(in, t);
    List<String> references = list(in, t);
    List<String> samples = list(in, t);
    List<String> aggregateBy = list(in, t);
    AnalyticInfo.Implementation[] implementations = new AnalyticInfo.Implementation[in.readVarCount()];
    for (int m = 0; m < implementations.length; m++) {
      implementations[m] = new AnalyticInfo.Implementation(text(in, t), text(in, t), text(in, t));
    }
    AnalyticInfo info = new AnalyticInfo(id, title, description, status, author, logsource, pageIds, sourceUrl, coverage,
        List.of(implementations), testSteps, falsePositives, d3fend, riskReasoning, references, samples, notes, aggregateBy,
        "", "", "", false);
    LoadedRule.LsassTarget lsass = constant(LoadedRule.LsassTarget.class, text(in, t));
    String behaviour = optional(in, t);
    String foldsInto = optional(in, t);
    Target[] targets = new Target[in.readVarCount()];
    for (int k = 0; k < targets.length; k++) {
      targets[k] = target(in, t);
    }
    SigmaRule rule = new SigmaRule(id, title, ConditionCodec.read(in, t, registry), List.of(targets), null);
    return new Compiled(new LoadedRule(analytic, info, rule, lsass, behaviour, foldsInto), name, docLine, docStart, docEnd, idLine);
  }

  private static void target(CacheOutput out, Target t) {
    int[] ids = t.eventIds();
    out.varint(ids == null ? 0 : ids.length + 1);
    for (int k = 0; ids != null && k < ids.length; k++) {
      out.varint(ids[k]);
    }
    lists(out, List.copyOf(t.channels()), List.copyOf(t.providers()));
    out.varint(t.fieldMap().size());
    t.fieldMap().forEach((k, v) -> texts(out, k, v));
  }

  private static Target target(CacheInput in, CacheTables t) throws IOException {
    int n = in.readVarCount();
    int[] ids = n == 0 ? null : new int[n - 1];
    for (int k = 0; ids != null && k < ids.length; k++) {
      ids[k] = in.readVarint();
    }
    Set<String> channels = Set.copyOf(list(in, t));
    Set<String> providers = Set.copyOf(list(in, t));
    int fields = in.readVarCount();
    @SuppressWarnings("unchecked")
    Map.Entry<String, String>[] map = new Map.Entry[fields];
    for (int k = 0; k < fields; k++) {
      map[k] = Map.entry(text(in, t), text(in, t));
    }
    return new Target(ids, channels, providers, Map.ofEntries(map));
  }

  private static void texts(CacheOutput out, String... texts) {
    for (String s : texts) {
      out.text(s);
    }
  }

  @SafeVarargs
  private static void lists(CacheOutput out, List<String>... lists) {
    for (List<String> l : lists) {
      out.varint(l.size());
      l.forEach(out::text);
    }
  }

  private static void optional(CacheOutput out, String s) {
    out.varint(s == null ? 0 : 1);
    if (s != null) {
      out.text(s);
    }
  }

  private static String text(CacheInput in, CacheTables t) throws IOException {
    return t.text(in.readVarint());
  }

  private static List<String> list(CacheInput in, CacheTables t) throws IOException {
    String[] l = new String[in.readVarCount()];
    for (int k = 0; k < l.length; k++) {
      l[k] = text(in, t);
    }
    return List.of(l);
  }

  private static String optional(CacheInput in, CacheTables t) throws IOException {
    return in.readVarint() == 0 ? null : text(in, t);
  }

  private static <E extends Enum<E>> E constant(Class<E> type, String name) throws IOException {
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw new IOException("unknown " + type.getSimpleName() + " " + name);
    }
  }
}
