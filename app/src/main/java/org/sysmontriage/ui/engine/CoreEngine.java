package org.sysmontriage.ui.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.sysmontriage.attack.AttackCatalog;
import org.sysmontriage.detect.Analytic;
import org.sysmontriage.detect.AnalyticInfo;
import org.sysmontriage.detect.AnalyticLibrary;
import org.sysmontriage.detect.Detector;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.detect.HuntPack;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.ProgressListener;
import org.sysmontriage.ingest.ImportStatus;
import org.sysmontriage.ingest.Importer;
import org.sysmontriage.ingest.RawRecords;
import org.sysmontriage.report.LibraryCatalog;
import org.sysmontriage.report.ReportCatalog;

/** The engine of the command line, adapted for the ViewModels: Importer, Detector, library, ATT&CK. */
public final class CoreEngine implements Engine {
  private volatile AnalyticLibrary library;
  private volatile Map<String, String> packOf = Map.of();
  private final AttackCatalog attack;

  public CoreEngine() {
    this(AnalyticLibrary.builtIn(), AttackCatalog.builtIn());
  }

  public CoreEngine(AnalyticLibrary library, AttackCatalog attack) {
    this.library = library;
    this.attack = attack;
  }

  @Override
  public EventStore importLogs(List<String> paths, Consumer<ImportSnapshot> progress, CancellationToken cancel) {
    return new Importer().run(paths, s -> progress.accept(snapshot(s)), cancel).store();
  }

  private static ImportSnapshot snapshot(ImportStatus s) {
    return new ImportSnapshot(s.bytesDone(), s.bytesTotal(), s.events(), s.filesDone(), s.filesTotal(), s.currentSource(), s.mbPerSecond());
  }

  @Override
  public List<Hit> detect(EventStore store, ProgressListener progress, CancellationToken cancel) {
    return new Detector(library).run(store, progress, cancel).hits();
  }

  @Override
  public List<PackStatus> useRules(RuleChoice choice, CancellationToken cancel) {
    RuleSetLoader.Loaded loaded = RuleSetLoader.load(choice);
    cancel.check();
    synchronized (this) {
      library = loaded.library();
      packOf = loaded.packOf();
    }
    return loaded.packs();
  }

  @Override
  public Map<String, String> packs() {
    return packOf;
  }

  @Override
  public String rawRecord(EventStore store, int event) {
    return RawRecords.raw(store, event);
  }

  @Override
  public List<Analytic> analytics() {
    return library.analytics();
  }

  @Override
  public Optional<AnalyticPage> page(String analyticId) {
    String license = RuleSetLoader.HUNT.equals(packOf.get(analyticId)) ? HuntPack.LICENSE_URL : "";
    return Optional.ofNullable(library.info(analyticId)).map(i -> page(i, license));
  }

  /** The prefix of an analytic's samples that ship with the project (the others name public corpora). */
  public static final String SAMPLE_LOGS = "sample-logs/";

  private static AnalyticPage page(AnalyticInfo i, String license) {
    List<AnalyticPage.Implementation> impls = i.implementations().stream()
        .map(x -> new AnalyticPage.Implementation(x.name() + (x.language().isEmpty() ? "" : " (" + x.language() + ")"), x.text()))
        .toList();
    List<String> refs = new java.util.ArrayList<>();
    if (!i.sourceUrl().isEmpty()) {
      refs.add(i.sourceUrl());
    }
    i.references().stream().filter(r -> !refs.contains(r)).forEach(refs::add);
    String description = i.description() + (i.riskReasoning().isEmpty() ? "" : "\n\nRisk: " + i.riskReasoning())
        + (i.notes().isEmpty() ? "" : "\n\nNote: " + i.notes());
    return new AnalyticPage(i.id(), description, impls, i.falsePositives(), refs, i.testSteps(), i.ruleDocument(),
        i.builtIn() ? "built-in rule " + i.ruleSource() : i.ruleSource(), i.samples().stream().filter(s -> s.startsWith(SAMPLE_LOGS)).findFirst().orElse(""),
        i.author(), license);
  }

  @Override
  public Optional<TechniqueCard> technique(String techniqueId) {
    return attack.technique(techniqueId).map(t -> new TechniqueCard(t.id(), t.name(), t.tactics(), t.url()));
  }

  @Override
  public ReportCatalog reportCatalog() {
    return new LibraryCatalog(library, attack);
  }
}
