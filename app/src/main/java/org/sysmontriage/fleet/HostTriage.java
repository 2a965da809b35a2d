package org.sysmontriage.fleet;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.sysmontriage.casefile.AppliedCase;
import org.sysmontriage.casefile.CaseFile;
import org.sysmontriage.casefile.CaseFiles;
import org.sysmontriage.cli.HitJsonlWriter;
import org.sysmontriage.cli.IncidentWriters;
import org.sysmontriage.detect.AnalyticLibrary;
import org.sysmontriage.detect.DetectionResult;
import org.sysmontriage.detect.Detector;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.EventStoreBuilder;
import org.sysmontriage.event.ProgressListener;
import org.sysmontriage.event.SourceInfo;
import org.sysmontriage.incident.ClockSkew;
import org.sysmontriage.incident.Incident;
import org.sysmontriage.incident.IncidentEngine;
import org.sysmontriage.incident.IncidentOptions;
import org.sysmontriage.risk.RiskRollup;

/**
 * The host-level half of the fleet job, run where a host's events were gathered: one store per
 * host, the desktop's detector over it (LSASS PIDs, aggregates and risk are per host, so every hit
 * is the one a desktop import of the same logs gives), hits in {@code scan}'s JSONL, the host's
 * incidents in {@code incidents}' JSONL (numbered across hosts by {@link FleetIncidents}), and the
 * host's triage extract written to the output folder.
 */
final class HostTriage {
  /** Libraries loaded in this JVM, by their rule paths: an executor compiles a rule set once, not per host. */
  private static final Map<List<String>, AnalyticLibrary> LIBRARIES = new ConcurrentHashMap<>();
  /** Cases read in this JVM, by their text: parsed once per executor, not per host. */
  private static final Map<String, CaseFile> CASES = new ConcurrentHashMap<>();

  private final Path extracts;
  private final long windowTicks;
  private final List<String> rules;
  private final Options options;

  /**
   * What every host's analysis is given besides its events.
   *
   * @param sha256 each log's SHA-256 by its name (known on the driver after the reading job): hit
   *     keys of a case and clock skews name a log by it
   * @param caseJson the case ({@code --case}) as {@link CaseFiles#json} gives it, or null
   * @param skews clock skews to apply to the incidents (the host's clocks among them are applied)
   * @param incidentsOnly only the incidents are wanted (a second pass with skews): no extract, no hit lines
   */
  record Options(Map<String, String> sha256, String caseJson, List<FleetSkews.Shift> skews, boolean incidentsOnly)
      implements java.io.Serializable {
    Options {
      sha256 = Map.copyOf(sha256);
      skews = List.copyOf(skews);
    }

    static Options plain() {
      return new Options(Map.of(), null, List.of(), false);
    }
  }

  HostTriage(Path extracts, long windowTicks, List<String> rules, Options options) {
    this.extracts = extracts;
    this.windowTicks = windowTicks;
    this.rules = List.copyOf(rules);
    this.options = options;
  }

  /** The built-in analytics plus the rules at these paths (errors are reported once, by the driver). */
  static AnalyticLibrary library(List<String> rules) {
    if (rules.isEmpty()) {
      return AnalyticLibrary.builtIn();
    }
    return LIBRARIES.computeIfAbsent(List.copyOf(rules), r -> AnalyticLibrary.load(r.stream().map(Path::of).toList()));
  }

  HostResult run(String host, Iterable<EventBlock> blocks) {
    return ExecutorCores.run(() -> analyse(host, blocks));
  }

  /**
   * Detection (parallel inside) and the case's allowlist and statuses; then three pieces of work at
   * once, each on its own only reading the host's store: the incidents and the extract beside the
   * hit lines (themselves written in slices in parallel). A host with most of the hits is then not
   * one thread's serial work while the executor's other cores wait.
   */
  private HostResult analyse(String host, Iterable<EventBlock> blocks) {
    long start = System.nanoTime();
    EventStore store = store(blocks, options.sha256());
    long stored = System.nanoTime();
    AnalyticLibrary library = library(rules);
    DetectionResult result = new Detector(library).run(store, ProgressListener.NONE, new CancellationToken());
    CaseFile caseFile = options.caseJson() == null ? null : CASES.computeIfAbsent(options.caseJson(), CaseFiles::parse);
    AppliedCase applied = caseFile == null ? AppliedCase.none(store, result.hits()) : caseFile.apply(store, result.hits());
    List<Hit> kept = applied.kept();
    long detected = System.nanoTime();
    List<ClockSkew> skews = FleetSkews.local(options.skews(), store);
    if (options.incidentsOnly()) {
      List<HostResult.IncidentLine> incidents = incidents(store, kept, library, skews);
      long end = System.nanoTime();
      return new HostResult(host, store.size(), List.of(), List.of(), incidents, null, 0, end - start,
          Map.of(), List.of(), List.of(), new HostResult.Phases(stored - start, detected - stored, 0, end - detected, 0));
    }
    CompletableFuture<Timed<TriageExtract.Selection>> extract = kept.isEmpty() ? CompletableFuture.completedFuture(new Timed<>(null, 0))
        : ExecutorCores.beside(() -> Timed.of(() -> extract(host, store, kept)));
    CompletableFuture<Timed<List<HostResult.IncidentLine>>> incidents = ExecutorCores.beside(() -> Timed.of(() ->
        incidents(store, kept, library, skews)));
    Timed<List<HostResult.HitLine>> hits = Timed.of(() -> hitLines(store, applied, caseFile != null, library));
    Map<Integer, Integer> suppressed = new java.util.TreeMap<>();
    if (caseFile != null) {
      applied.suppressed().forEach((entry, n) -> suppressed.put(caseFile.allowlist().indexOf(entry), n));
    }
    TriageExtract.Selection selection = extract.join().value();
    HostResult.Phases phases = new HostResult.Phases(stored - start, detected - stored, hits.nanos(), incidents.join().nanos(),
        extract.join().nanos());
    return new HostResult(host, store.size(), hits.value(), risks(result.rollup()), incidents.join().value(),
        selection == null ? null : TriageExtract.fileName(host), selection == null ? 0 : selection.size(), System.nanoTime() - start,
        suppressed, FleetSkews.pairs(store), store.sources().stream().map(SourceInfo::source).toList(), phases);
  }

  /** A result and the nanoseconds it took. */
  private record Timed<T>(T value, long nanos) {
    static <T> Timed<T> of(java.util.function.Supplier<T> work) {
      long start = System.nanoTime();
      T value = work.get();
      return new Timed<>(value, System.nanoTime() - start);
    }
  }

  private TriageExtract.Selection extract(String host, EventStore store, List<Hit> hits) {
    TriageExtract.Selection selection = TriageExtract.select(store, hits, windowTicks);
    Path file = extracts.resolve(TriageExtract.fileName(host));
    try {
      TriageExtract.write(store, selection, file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the triage extract " + file + ": " + e.getMessage(), e);
    }
    return selection;
  }

  /**
   * The host's events filed in input order: blocks by log (inputs in order) and piece, events in
   * the order each piece read them; each log carries its SHA-256 from {@code sha256} (by name).
   */
  static EventStore store(Iterable<EventBlock> blocks, Map<String, String> sha256) {
    List<EventBlock> all = new ArrayList<>();
    blocks.forEach(all::add);
    all.sort(Comparator.comparingInt(EventBlock::file).thenComparingInt(EventBlock::part));
    EventStoreBuilder builder = new EventStoreBuilder();
    Map<String, Integer> sources = new LinkedHashMap<>();
    Map<String, Long> counts = new LinkedHashMap<>();
    for (EventBlock b : all) {
      b.read((d, source) -> {
        int index = sources.computeIfAbsent(source, builder::addSource);
        counts.merge(source, 1L, Long::sum);
        builder.accept(d, index);
      });
    }
    sources.forEach((name, index) -> builder.setSource(index,
        new SourceInfo(name, null, "", "", sha256.getOrDefault(name, ""), 0, counts.get(name), 0, List.of())));
    return builder.freeze();
  }

  /**
   * The host's incidents as {@code incidents --format jsonl} gives them: default window, the
   * library's correlation rules and the bundled chains tie hits; the clock skews given are applied.
   */
  private static List<HostResult.IncidentLine> incidents(EventStore store, List<Hit> hits, AnalyticLibrary library,
      List<ClockSkew> skews) {
    List<Incident> incidents = new IncidentEngine(IncidentOptions.defaults().withLibrary(library).withSkews(skews))
        .run(store, hits, new CancellationToken()).incidents();
    String[] lines = lines(w -> {
      PrintWriter p = new PrintWriter(w);
      IncidentWriters.jsonl(p, incidents);
      p.flush();
    });
    List<HostResult.IncidentLine> result = new ArrayList<>();
    for (int k = 0; k < incidents.size(); k++) {
      Incident i = incidents.get(k);
      result.add(new HostResult.IncidentLine(FleetIncidents.number(i.id()), i.id(), i.startTicks(), i.hosts(), i.score().value(),
          i.toolHashes(), i.dumpFiles(), lines[k]));
    }
    return result;
  }

  /** Hits per slice of hit lines written by one thread. */
  private static final int HIT_SLICE = 1024;

  /**
   * The kept hits as {@code scan --format jsonl} writes them; with a case ({@code withCase}) with
   * their status, tags and notes. Each line stands alone, so slices of hits are written in parallel
   * and put back in order.
   */
  private static List<HostResult.HitLine> hitLines(EventStore store, AppliedCase applied, boolean withCase, AnalyticLibrary library) {
    List<Hit> hits = applied.kept();
    int slices = (hits.size() + HIT_SLICE - 1) / HIT_SLICE;
    return java.util.stream.IntStream.range(0, slices).parallel().mapToObj(k -> {
      List<Hit> slice = hits.subList(k * HIT_SLICE, Math.min(hits.size(), (k + 1) * HIT_SLICE));
      String[] lines = lines(out -> {
        try (HitJsonlWriter w = new HitJsonlWriter(out, library::author)) {
          for (Hit h : slice) {
            w.write(store, h, withCase ? applied.triage(h) : null);
          }
        }
      });
      List<HostResult.HitLine> result = new ArrayList<>(slice.size());
      for (int i = 0; i < slice.size(); i++) {
        result.add(new HostResult.HitLine(store.ticks(slice.get(i).event()), lines[i]));
      }
      return result;
    }).flatMap(List::stream).toList();
  }

  @FunctionalInterface
  private interface JsonlBody {
    void write(java.io.Writer out) throws IOException;
  }

  /** What a JSONL writer wrote, one element per object: JSON strings escape newlines, so lines are objects. */
  private static String[] lines(JsonlBody body) {
    StringWriter out = new StringWriter();
    try {
      body.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().split("\n");
  }

  private static List<HostResult.Risk> risks(RiskRollup rollup) {
    List<HostResult.Risk> out = new ArrayList<>();
    for (RiskRollup.Finding f : rollup.findings()) {
      out.add(new HostResult.Risk(f.kind(), f.name(), f.sum(), f.max(), f.hits(), f.analytics()));
    }
    return out;
  }
}
