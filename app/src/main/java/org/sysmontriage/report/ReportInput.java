package org.sysmontriage.report;

import java.time.Instant;
import java.util.List;
import org.sysmontriage.casefile.CaseFile;
import org.sysmontriage.detect.AggregateFinding;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.SourceInfo;

/**
 * Everything a report is made from. Build it with {@link #of} and the {@code with...} methods.
 *
 * @param sources the logs read (summary: size, SHA-256, events, issues)
 * @param hits every hit of the detector; the case's allowlist and {@code minRisk} are applied by the writers
 * @param caseFile the investigation whose statuses, notes and allowlist apply, or null
 * @param minRisk hits below this risk are left out (and counted)
 * @param toolVersion printed in the report
 * @param generatedAt printed in the report (UTC); fixed in golden tests
 * @param score what a Navigator layer scores techniques by
 * @param aggregates grouped findings of analytics that define a grouping ({@link org.sysmontriage.detect.DetectionResult#aggregates()})
 */
public record ReportInput(
    List<SourceInfo> sources,
    EventStore store,
    List<Hit> hits,
    ReportCatalog catalog,
    CaseFile caseFile,
    int minRisk,
    String toolVersion,
    Instant generatedAt,
    NavigatorScore score,
    List<AggregateFinding> aggregates) {

  public ReportInput {
    sources = List.copyOf(sources);
    hits = List.copyOf(hits);
    aggregates = List.copyOf(aggregates);
  }

  /** A report over a store's logs and hits: no case, every risk, the basic catalog, made now. */
  public static ReportInput of(EventStore store, List<Hit> hits) {
    return new ReportInput(store.sources(), store, hits, ReportCatalog.basic(), null, 0, "dev", Instant.now(), NavigatorScore.RISK, List.of());
  }

  public ReportInput withSources(List<SourceInfo> s) {
    return new ReportInput(s, store, hits, catalog, caseFile, minRisk, toolVersion, generatedAt, score, aggregates);
  }

  public ReportInput withCatalog(ReportCatalog c) {
    return new ReportInput(sources, store, hits, c, caseFile, minRisk, toolVersion, generatedAt, score, aggregates);
  }

  public ReportInput withCase(CaseFile c) {
    return new ReportInput(sources, store, hits, catalog, c, minRisk, toolVersion, generatedAt, score, aggregates);
  }

  public ReportInput withMinRisk(int r) {
    return new ReportInput(sources, store, hits, catalog, caseFile, r, toolVersion, generatedAt, score, aggregates);
  }

  public ReportInput withToolVersion(String v) {
    return new ReportInput(sources, store, hits, catalog, caseFile, minRisk, v, generatedAt, score, aggregates);
  }

  public ReportInput withGeneratedAt(Instant t) {
    return new ReportInput(sources, store, hits, catalog, caseFile, minRisk, toolVersion, t, score, aggregates);
  }

  public ReportInput withAggregates(List<AggregateFinding> a) {
    return new ReportInput(sources, store, hits, catalog, caseFile, minRisk, toolVersion, generatedAt, score, a);
  }

  public ReportInput withScore(NavigatorScore s) {
    return new ReportInput(sources, store, hits, catalog, caseFile, minRisk, toolVersion, generatedAt, s, aggregates);
  }
}
