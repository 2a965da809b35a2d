package org.sysmontriage.report;

import org.sysmontriage.attack.AttackCatalog;
import org.sysmontriage.detect.Analytic;
import org.sysmontriage.detect.AnalyticInfo;
import org.sysmontriage.detect.AnalyticLibrary;

/** Names and links from the analytics library (source pages) and the bundled ATT&CK catalog. */
public final class LibraryCatalog implements ReportCatalog {
  private final AnalyticLibrary library;
  private final AttackCatalog attack;

  public LibraryCatalog(AnalyticLibrary library, AttackCatalog attack) {
    this.library = library;
    this.attack = attack;
  }

  /** The built-in analytics and ATT&CK catalog. */
  public static LibraryCatalog builtIn() {
    return new LibraryCatalog(AnalyticLibrary.builtIn(), AttackCatalog.builtIn());
  }

  @Override
  public String techniqueName(String techniqueId) {
    return attack.technique(techniqueId).map(AttackCatalog.Technique::name).orElse("");
  }

  @Override
  public java.util.List<String> techniqueTactics(String techniqueId) {
    return attack.technique(techniqueId).map(AttackCatalog.Technique::tactics).orElse(java.util.List.of());
  }

  @Override
  public String attackLabel() {
    return attack.label();
  }

  @Override
  public String tacticName(String shortName) {
    return attack.tactic(shortName).map(AttackCatalog.Tactic::name).orElseGet(() -> ReportCatalog.basic().tacticName(shortName));
  }

  @Override
  public String tacticUrl(String shortName) {
    return attack.tactic(shortName).map(AttackCatalog.Tactic::url).orElse("");
  }

  @Override
  public AnalyticSource source(Analytic a) {
    AnalyticInfo info = library.info(a.id());
    if (info == null) {
      return ReportCatalog.basic().source(a);
    }
    String name = info.pageIds().isEmpty() ? "Sysmon Triage analytic " + a.id() : String.join(", ", info.pageIds());
    return new AnalyticSource(name, info.sourceUrl());
  }

  @Override
  public String author(Analytic a) {
    return library.author(a.id());
  }

  @Override
  public java.util.List<org.sysmontriage.detect.correlation.CorrelationFinding> correlate(
      org.sysmontriage.event.EventStore store, java.util.List<org.sysmontriage.detect.Hit> hits) {
    return library.correlations().isEmpty() ? java.util.List.of() : org.sysmontriage.detect.Detector.correlate(library, store, hits);
  }

  /** The catalog's major version ({@code 18}; {@code 15} for 15.1), as the Navigator's {@code versions.attack} expects. */
  @Override
  public String attackVersion() {
    String v = attack.version();
    return v.contains(".") ? v.substring(0, v.indexOf('.')) : v;
  }

  @Override
  public AnalyticLibrary library() {
    return library;
  }
}
