package org.sysmontriage.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sysmontriage.attack.AttackCatalog;
import org.sysmontriage.casefile.AllowEntry;
import org.sysmontriage.casefile.CaseFile;
import org.sysmontriage.casefile.HitKey;
import org.sysmontriage.casefile.HitStatus;
import org.sysmontriage.casefile.HitTriage;
import org.sysmontriage.detect.AnalyticLibrary;
import org.sysmontriage.detect.DetectionResult;
import org.sysmontriage.detect.Detector;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.ProgressListener;
import org.sysmontriage.ingest.ImportProgress;
import org.sysmontriage.ingest.ImportResult;
import org.sysmontriage.ingest.Importer;

/**
 * The real pipeline on two sample logs (Event Viewer XML and an OTRF JSON inside a zip): Importer,
 * built-in analytics, every writer; compared with golden files (time and version fixed).
 * After a deliberate change to sample-logs/ or the analytics, regenerate with {@code -Dgolden.update=true}.
 */
class SampleLogsReportGoldenTest {
  static final List<String> LOGS = List.of("xml/eventviewer_WKS-FIN-07_sysmon.xml", "archives/capture_WKS-FIN-07_2024-03-15.zip");

  @Test
  void sampleLogReportsMatchTheirGoldenFiles() throws IOException {
    ReportInput in = pipeline();
    for (ReportType t : ReportType.values()) {
      Golden.check("sample-logs." + t.extension(), ReportGoldenTest.render(t, in));
    }
  }

  @Test
  void caseAppliedToSampleLogsMatchesItsGoldenFiles() throws IOException {
    ReportInput in = pipeline();
    Hit first = in.hits().get(0);
    CaseFile c = CaseFile.of(in.sources())
        .withTriage(HitKey.of(in.store(), first), new HitTriage(HitStatus.TRUE_POSITIVE, List.of("incident-7"),
            "Task Manager dump of lsass by m.keller; confirmed.", "2024-03-16T09:00:00Z", "analyst"))
        .withAllow(new AllowEntry("CAR-2020-05-001", "SourceImage", "*\\WerFault.exe", "analyst", "2024-03-16T09:00:00Z",
            "WER reads lsass when a process crashes: a false positive the CAR page names"));
    ReportInput withCase = in.withCase(c).withScore(NavigatorScore.COUNT);
    assertTrue(ReportData.of(withCase).suppressed() > 0, "the WerFault allowlist entry suppresses a hit");
    for (ReportType t : ReportType.values()) {
      Golden.check("sample-logs-case." + t.extension(), ReportGoldenTest.render(t, withCase));
    }
  }

  static ReportInput pipeline() {
    Path dir = Path.of(System.getProperty("sample.logs.dir", "../sample-logs"));
    assertTrue(Files.isDirectory(dir), "sample-logs/ not found at " + dir.toAbsolutePath());
    Path here = Path.of("").toAbsolutePath();
    List<String> paths = LOGS.stream().map(l -> here.relativize(dir.toAbsolutePath().normalize().resolve(l)).toString()).toList();
    ImportResult imported = new Importer().run(paths, ImportProgress.NONE, new CancellationToken());
    AnalyticLibrary lib = AnalyticLibrary.builtIn();
    DetectionResult result = new Detector(lib).run(imported.store(), ProgressListener.NONE, new CancellationToken());
    return ReportInput.of(imported.store(), result.hits()).withSources(imported.sources())
        .withCatalog(new LibraryCatalog(lib, AttackCatalog.builtIn())).withAggregates(result.aggregates())
        .withGeneratedAt(ReportFixture.GENERATED).withToolVersion(ReportFixture.VERSION);
  }
}
