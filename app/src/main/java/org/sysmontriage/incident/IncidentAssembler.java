package org.sysmontriage.incident;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.EventStore;

/** Turns one group of hits into an incident: steps, context, outcome, score, processes. */
final class IncidentAssembler {
  private static final String LSASS_TECHNIQUE = "T1003.001";

  private final EventFacts facts;
  private final Timeline timeline;
  private final ContextFinder context;
  private final ProcessTrees trees;
  private final Summaries words;
  private final Outcomes outcomes;

  IncidentAssembler(EventFacts facts, Timeline timeline, long window) {
    this.facts = facts;
    this.timeline = timeline;
    this.context = new ContextFinder(facts, timeline, window);
    this.trees = new ProcessTrees(facts);
    this.words = new Summaries(facts);
    this.outcomes = new Outcomes(facts);
  }

  /** {@code correlations}: the correlation findings whose hits are among {@code hits}. */
  Incident assemble(List<Hit> hits, List<IncidentCorrelation> correlations) {
    EventStore store = facts.store();
    Map<Integer, List<Hit>> byEvent = new LinkedHashMap<>();
    hits.forEach(h -> byEvent.computeIfAbsent(h.event(), e -> new ArrayList<>()).add(h));
    Set<String> guids = new LinkedHashSet<>();
    Set<String> names = new LinkedHashSet<>();
    boolean lsass = false;
    for (Hit h : hits) {
      int e = h.event();
      addIfPresent(guids, facts.actorGuid(e));
      lsass |= h.analytic().techniques().contains(LSASS_TECHNIQUE) || facts.targetsLsass(e);
      String file = facts.targetFile(e);
      if (file != null && store.eventId(e) == 11) {
        names.add(EventFacts.baseName(file));
      }
      names.addAll(EventFacts.namedFiles(facts.commandLine(e)));
    }
    Set<String> dumpNames = Set.copyOf(names);
    List<Step> steps = new ArrayList<>();
    byEvent.forEach((e, l) -> steps.add(step(e, l)));
    long start = steps.stream().mapToLong(Step::ticks).min().orElseThrow();
    long end = steps.stream().mapToLong(Step::ticks).max().orElseThrow();
    String host = store.computer(hits.get(0).event());
    for (int e : context.lsassAccess(guids, byEvent.keySet())) {
      steps.add(step(e, List.of()));
    }
    Set<Integer> known = new LinkedHashSet<>(byEvent.keySet());
    steps.forEach(s -> known.add(s.event()));
    for (int e : context.trail(host, names, start, end, known)) {
      steps.add(trailStep(e, dumpNames));
    }
    steps.sort(Comparator.comparingLong(Step::ticks).thenComparingInt(Step::event));
    return build(hits, steps, lsass, dumpNames, names, guids, IncidentCorrelation.strongestFirst(correlations));
  }

  private Incident build(List<Hit> hits, List<Step> steps, boolean lsass, Set<String> dumpNames, Set<String> names,
      Set<String> guids, List<IncidentCorrelation> correlations) {
    Set<String> hosts = new LinkedHashSet<>();
    Map<String, String> users = new LinkedHashMap<>();
    Set<String> sources = new LinkedHashSet<>();
    Set<String> hitSources = new LinkedHashSet<>();
    Set<String> techniques = new LinkedHashSet<>();
    Set<String> tactics = new LinkedHashSet<>();
    Set<String> hashes = new LinkedHashSet<>();
    Set<StepKind> stages = new LinkedHashSet<>();
    for (Step s : steps) {
      hosts.add(facts.store().computer(s.event()));
      addUser(users, facts.user(s.event()));
      sources.add(s.evidence());
      if (!s.context()) {
        hitSources.add(s.evidence());
      }
      if (!s.context() || lsass) {
        stages.add(s.kind());
      }
      String hash = facts.toolHash(s.event());
      if (hash != null && s.kind() == StepKind.TOOL_START && !isSystemImage(facts.image(s.event()))) {
        hashes.add(hash);
      }
    }
    stages.remove(StepKind.OTHER);
    for (Hit h : hits) {
      techniques.addAll(h.analytic().techniques());
      tactics.addAll(h.analytic().tactics());
    }
    Outcomes.Decision d = outcomes.decide(steps, lsass, dumpNames);
    Hit first = hits.stream().min(Comparator.comparingLong((Hit h) -> timeline.ticks(h.event())).thenComparingInt(Hit::event)).orElseThrow();
    return new Incident("", key(first), List.copyOf(hosts), List.copyOf(users.values()), steps.get(0).ticks(),
        steps.get(steps.size() - 1).ticks(), Score.of(hits, hitSources, stages, correlations), d.outcome(), d.reason(),
        List.copyOf(techniques), List.copyOf(tactics), List.copyOf(sources), steps, hits, List.copyOf(names),
        List.copyOf(hashes), trees.tree(guids, steps), null, correlations);
  }

  /** A dump-file trail event: writing the dump itself, or what was done with it (packed, copied, sent). */
  private Step trailStep(int e, Set<String> dumpNames) {
    Step s = step(e, List.of());
    String file = facts.targetFile(e);
    if (file != null && dumpNames.contains(EventFacts.baseName(file)) && s.kind() == StepKind.DUMP_WRITTEN) {
      return s;
    }
    String cmd = facts.commandLine(e);
    String what = cmd == null ? "from the dump" : DumpNames.verb(cmd) + " the dump";
    return new Step(s.event(), s.ticks(), s.rawTicks(), StepKind.DUMP_HANDLED, s.summary() + " (" + what + ")", s.hits(),
        s.evidence(), s.source(), s.recordId());
  }

  private Step step(int e, List<Hit> hits) {
    List<Hit> sorted = new ArrayList<>(hits);
    sorted.sort(Comparator.comparingInt(Hit::risk).reversed().thenComparing(h -> h.analytic().id()));
    EventStore store = facts.store();
    long record = store.recordId(e);
    return new Step(e, timeline.ticks(e), store.ticks(e), words.kind(e), words.summary(e, sorted.isEmpty() ? null : sorted.get(0)),
        sorted, facts.sourceKind(e), store.source(e).source(), record);
  }

  /** The first hit's case-file key: {@code sha256|recordId|rawOffset|analyticId}. */
  private String key(Hit h) {
    EventStore s = facts.store();
    int e = h.event();
    return s.source(e).sha256() + '|' + s.recordId(e) + '|' + s.rawOffset(e) + '|' + h.analytic().id();
  }

  /** Windows' own binaries (rundll32, cmd) share hashes on every host: not a tool fingerprint. */
  private static boolean isSystemImage(String image) {
    String i = image == null ? "" : image.toLowerCase(java.util.Locale.ROOT);
    return i.contains("\\windows\\system32\\") || i.contains("\\windows\\syswow64\\");
  }

  /** One entry per account: {@code PANDALAB\\nora.quemona} and {@code nora.quemona} are one user, shown with its domain. */
  private static void addUser(Map<String, String> users, String user) {
    if (user != null) {
      String key = user.substring(user.lastIndexOf('\\') + 1).toLowerCase(java.util.Locale.ROOT);
      users.merge(key, user, (old, now) -> old.indexOf('\\') < 0 && now.indexOf('\\') >= 0 ? now : old);
    }
  }

  private static void addIfPresent(Set<String> set, String v) {
    if (v != null) {
      set.add(v);
    }
  }
}
