package org.sysmontriage.fleet;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sysmontriage.cli.HitJsonlWriter;
import org.sysmontriage.detect.AnalyticLibrary;
import org.sysmontriage.detect.DetectionResult;
import org.sysmontriage.detect.Detector;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.EventStoreBuilder;
import org.sysmontriage.event.ProgressListener;
import org.sysmontriage.event.SourceInfo;
import org.sysmontriage.risk.RiskRollup;

/**
 * The host-level half of the fleet job, run where a host's events were gathered: one store per
 * host, the desktop's detector over it (LSASS PIDs, aggregates and risk are per host, so every hit
 * is the one a desktop import of the same logs gives), hits in {@code scan}'s JSONL, and the
 * host's triage extract written to the output folder.
 */
final class HostTriage {
  private final Path extracts;
  private final long windowTicks;

  HostTriage(Path extracts, long windowTicks) {
    this.extracts = extracts;
    this.windowTicks = windowTicks;
  }

  HostResult run(String host, Iterable<FleetEvent> events) {
    EventStore store = store(events);
    DetectionResult result = new Detector(AnalyticLibrary.builtIn()).run(store, ProgressListener.NONE, new CancellationToken());
    List<HostResult.HitLine> hits = hitLines(store, result.hits());
    String extract = null;
    long extracted = 0;
    if (!result.hits().isEmpty()) {
      TriageExtract.Selection selection = TriageExtract.select(store, result.hits(), windowTicks);
      Path file = extracts.resolve(TriageExtract.fileName(host));
      try {
        TriageExtract.write(store, selection, file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the triage extract " + file + ": " + e.getMessage(), e);
      }
      extract = file.getFileName().toString();
      extracted = selection.size();
    }
    return new HostResult(host, store.size(), hits, risks(result.rollup()), extract, extracted);
  }

  /** The host's events filed in input order: by log (inputs in order), then by their place in the log. */
  static EventStore store(Iterable<FleetEvent> events) {
    List<FleetEvent> all = new ArrayList<>();
    events.forEach(all::add);
    all.sort(Comparator.comparingInt(FleetEvent::file).thenComparingInt(FleetEvent::part).thenComparingInt(FleetEvent::seq));
    EventStoreBuilder builder = new EventStoreBuilder();
    Map<String, Integer> sources = new LinkedHashMap<>();
    Map<String, Long> counts = new LinkedHashMap<>();
    EventDraft d = new EventDraft();
    for (FleetEvent e : all) {
      int index = sources.computeIfAbsent(e.source(), builder::addSource);
      counts.merge(e.source(), 1L, Long::sum);
      e.fill(d);
      builder.accept(d, index);
    }
    sources.forEach((name, index) -> builder.setSource(index,
        new SourceInfo(name, null, "", "", "", 0, counts.get(name), 0, List.of())));
    return builder.freeze();
  }

  private static List<HostResult.HitLine> hitLines(EventStore store, List<Hit> hits) {
    StringWriter out = new StringWriter();
    try (HitJsonlWriter w = new HitJsonlWriter(out)) {
      for (Hit h : hits) {
        w.write(store, h);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String[] lines = out.toString().split("\n"); // JSON strings escape newlines: one hit per line
    List<HostResult.HitLine> result = new ArrayList<>();
    for (int i = 0; i < hits.size(); i++) {
      result.add(new HostResult.HitLine(store.ticks(hits.get(i).event()), lines[i]));
    }
    return result;
  }

  private static List<HostResult.Risk> risks(RiskRollup rollup) {
    List<HostResult.Risk> out = new ArrayList<>();
    for (RiskRollup.Finding f : rollup.findings()) {
      out.add(new HostResult.Risk(f.kind(), f.name(), f.sum(), f.max(), f.hits(), f.analytics()));
    }
    return out;
  }
}
