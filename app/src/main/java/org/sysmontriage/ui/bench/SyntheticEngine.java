package org.sysmontriage.ui.bench;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.sysmontriage.detect.Analytic;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.ProgressListener;
import org.sysmontriage.report.ReportCatalog;
import org.sysmontriage.ui.engine.AnalyticPage;
import org.sysmontriage.ui.engine.Engine;
import org.sysmontriage.ui.engine.ImportSnapshot;
import org.sysmontriage.ui.engine.TechniqueCard;

/** The real engine, except that an import reads the real logs and then grows them to N events. */
final class SyntheticEngine implements Engine {
  private final Engine real;
  private final int events;

  SyntheticEngine(Engine real, int events) {
    this.real = real;
    this.events = events;
  }

  @Override
  public EventStore importLogs(List<String> paths, Consumer<ImportSnapshot> progress, CancellationToken cancel) {
    EventStore read = real.importLogs(paths, progress, cancel);
    if (read.size() == 0) {
      throw new org.sysmontriage.event.TriageException("no events in " + paths + ": nothing to replicate");
    }
    return SyntheticStore.replicate(read, events, cancel);
  }

  @Override
  public List<Hit> detect(EventStore store, ProgressListener progress, CancellationToken cancel) {
    return real.detect(store, progress, cancel);
  }

  @Override
  public List<org.sysmontriage.ui.engine.PackStatus> useRules(org.sysmontriage.ui.engine.RuleChoice choice, CancellationToken cancel) {
    return real.useRules(choice, cancel);
  }

  @Override
  public java.util.Map<String, String> packs() {
    return real.packs();
  }

  @Override
  public String rawRecord(EventStore store, int event) {
    return real.rawRecord(store, event);
  }

  @Override
  public List<Analytic> analytics() {
    return real.analytics();
  }

  @Override
  public Optional<AnalyticPage> page(String analyticId) {
    return real.page(analyticId);
  }

  @Override
  public Optional<TechniqueCard> technique(String techniqueId) {
    return real.technique(techniqueId);
  }

  @Override
  public ReportCatalog reportCatalog() {
    return real.reportCatalog();
  }
}
