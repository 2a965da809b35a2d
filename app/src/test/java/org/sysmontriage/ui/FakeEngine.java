package org.sysmontriage.ui;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.sysmontriage.detect.Analytic;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.ProgressListener;
import org.sysmontriage.ui.engine.AnalyticPage;
import org.sysmontriage.ui.engine.Engine;
import org.sysmontriage.ui.engine.ImportSnapshot;
import org.sysmontriage.ui.engine.TechniqueCard;

/** An engine over {@link Fixtures}: imports take {@code importSteps} progress steps, each checking the token. */
public class FakeEngine implements Engine {
  public final AtomicInteger imports = new AtomicInteger();
  private final int importSteps;
  private final long stepMillis;
  private final String hostSuffix;

  public FakeEngine() {
    this(1, 0);
  }

  public FakeEngine(int importSteps, long stepMillis) {
    this(importSteps, stepMillis, "");
  }

  /** Hosts named {@code WKS-01 + hostSuffix}: long names as real domains have them. */
  public FakeEngine(String hostSuffix) {
    this(1, 0, hostSuffix);
  }

  private FakeEngine(int importSteps, long stepMillis, String hostSuffix) {
    this.importSteps = importSteps;
    this.stepMillis = stepMillis;
    this.hostSuffix = hostSuffix;
  }

  @Override
  public EventStore importLogs(List<String> paths, Consumer<ImportSnapshot> progress, CancellationToken cancel) {
    imports.incrementAndGet();
    for (int i = 0; i < importSteps; i++) {
      cancel.check();
      progress.accept(new ImportSnapshot(i, importSteps, i * 10L, 0, 1, "fixture.json", 1.5));
      if (stepMillis > 0) {
        try {
          Thread.sleep(stepMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    cancel.check();
    return Fixtures.store(hostSuffix);
  }

  @Override
  public List<Hit> detect(EventStore store, ProgressListener progress, CancellationToken cancel) {
    return Fixtures.hits();
  }

  /** The fixture analytics only: every choice loads the same three, as one LSASS pack. */
  @Override
  public List<org.sysmontriage.ui.engine.PackStatus> useRules(org.sysmontriage.ui.engine.RuleChoice choice, CancellationToken cancel) {
    return List.of(new org.sysmontriage.ui.engine.PackStatus(org.sysmontriage.ui.engine.PackStatus.Kind.LSASS, "LSASS analytics", null,
        true, analytics().size(), List.of(), "", ""));
  }

  @Override
  public java.util.Map<String, String> packs() {
    return java.util.Map.of();
  }

  @Override
  public String rawRecord(EventStore store, int event) {
    return "<Event><System><EventID>" + store.eventId(event) + "</EventID></System></Event>";
  }

  @Override
  public List<Analytic> analytics() {
    return List.of(Fixtures.PROCDUMP, Fixtures.CALLTRACE, Fixtures.TASKMGR);
  }

  @Override
  public Optional<AnalyticPage> page(String analyticId) {
    return Optional.of(new AnalyticPage(analyticId, "Page of " + analyticId, List.of(new AnalyticPage.Implementation("Pseudocode", "search X"))
        , List.of("werfault.exe"), List.of("https://car.mitre.org/"), List.of("run procdump"),
        "title: " + analyticId + "\ndetection:\n  sel:\n    Image|endswith: '\\\\procdump.exe'  # the tool\n  condition: sel\n", "fixture.yml",
        "fixture.json", "Fixture Author", ""));
  }

  @Override
  public Optional<TechniqueCard> technique(String techniqueId) {
    return Optional.of(new TechniqueCard(techniqueId, "OS Credential Dumping: LSASS Memory", List.of("credential-access"),
        "https://attack.mitre.org/techniques/T1003/001/"));
  }

  @Override
  public org.sysmontriage.report.ReportCatalog reportCatalog() {
    return org.sysmontriage.report.ReportCatalog.basic();
  }
}
