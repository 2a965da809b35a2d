package org.sysmontriage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.casefile.AppliedCase;
import org.sysmontriage.casefile.HitStatus;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.report.ReportType;
import org.sysmontriage.ui.casework.CaseViewModel;
import org.sysmontriage.ui.casework.ExportViewModel;
import org.sysmontriage.ui.common.SameThreadTaskRunner;
import org.sysmontriage.ui.engine.Investigation;
import org.sysmontriage.ui.hits.HitTable;

class CaseWorkTest {
  @TempDir Path dir;
  private final EventStore store = Fixtures.store();
  private final CaseViewModel vm = new CaseViewModel();

  private HitTable attach() {
    AppliedCase applied = vm.apply(List.of(), store, Fixtures.hits());
    HitTable t = new HitTable(store, applied.kept());
    vm.attach(t);
    return t;
  }

  @Test
  void aVerdictShowsInTheTableAndSurvivesSaveAndOpen() {
    HitTable t = attach();
    vm.setStatus(1, HitStatus.TRUE_POSITIVE);
    vm.setNotes(1, "lsass, dbghelp", "confirmed with the host owner");
    assertEquals("true positive", t.status(1));
    assertTrue(vm.dirtyProperty().get());
    Path file = dir.resolve("x.case.json");
    vm.save(file);
    assertEquals(false, vm.dirtyProperty().get());

    CaseViewModel reopened = new CaseViewModel();
    reopened.open(file);
    HitTable again = new HitTable(store, reopened.apply(List.of(), store, Fixtures.hits()).kept());
    reopened.attach(again);
    assertEquals("true positive", again.status(1));
    assertEquals(List.of("lsass", "dbghelp"), reopened.triage(1).tags());
    assertEquals("confirmed with the host owner", reopened.triage(1).notes());
  }

  @Test
  void openingACaseNamesItsLogsWithoutReadingThem() throws Exception {
    // The case's log is a sparse file of 1 TiB: hashing it when the case is read would take hours. The case is
    // read (in the window, on a worker thread) without reading the logs; the import hashes each log once.
    Path log = dir.resolve("evidence.evtx");
    try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(log.toFile(), "rw")) {
      f.setLength(1L << 40);
    }
    Path file = dir.resolve("big.case.json");
    org.sysmontriage.casefile.CaseFiles.save(file, org.sysmontriage.casefile.CaseFile.empty().withSources(List.of(
        new org.sysmontriage.event.SourceInfo(log.toString(), log, "evtx", "EVTX 3.1", "ab".repeat(32), 1L << 40, 1, 0, List.of()))),
        org.sysmontriage.casefile.EvidenceGuard.NONE);
    CaseViewModel.Loaded loaded = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
        () -> CaseViewModel.read(file), "reading the case read its 1 TiB log (a hash on open)");
    assertEquals(List.of(log.toString()), loaded.logs());
    assertEquals("", loaded.problems(), "the log is there: nothing missing");
  }

  @Test
  void anAllowlistEntrySuppressesMatchingHitsForGood() {
    attach();
    vm.allow(1, "SourceImage", "C:\\Windows\\System32\\rundll32.exe", "admin tool");
    AppliedCase applied = vm.apply(List.of(), store, Fixtures.hits());
    assertEquals(2, applied.kept().size());
    assertEquals(1, applied.suppressedCount());
  }

  @Test
  void exportWritesTheChosenReportAndSaysWhere() throws Exception {
    Investigation inv = new Investigation(List.of("fixture.json"), store, Fixtures.hits());
    ExportViewModel export = new ExportViewModel(new FakeEngine(), new SameThreadTaskRunner(), () -> inv, () -> vm.caseFileProperty().get(), () -> 0);
    Path out = dir.resolve("r.csv");
    export.export(ExportViewModel.typeOf(out), out);
    assertTrue(export.messageProperty().get().startsWith("CSV report written to " + out + ": 3 hits"), export.messageProperty().get());
    assertTrue(Files.readString(out).contains("CAR-2020-05-001"));
    assertEquals(ReportType.NAVIGATOR, ExportViewModel.typeOf(Path.of("a.layer.json")));
    assertEquals(ReportType.HTML, ExportViewModel.typeOf(Path.of("a.html")));
  }

  @Test
  void savingTheCaseOrExportingOverAnOpenedLogIsRefusedAndTheLogKept() throws Exception {
    Path ev = Files.createDirectories(dir.resolve("ev"));
    Path log = Files.writeString(ev.resolve("fixture.json"), "{\"EventID\":1}\n");
    vm.apply(List.of(ev.toString()), store, Fixtures.hits());
    vm.save(log);
    assertTrue(vm.messageProperty().get().contains("is inside the input folder " + ev), vm.messageProperty().get());
    assertEquals(null, vm.pathProperty().get());

    Investigation inv = new Investigation(List.of(log.toString()), store, Fixtures.hits());
    ExportViewModel export = new ExportViewModel(new FakeEngine(), new SameThreadTaskRunner(), () -> inv, () -> vm.caseFileProperty().get(), () -> 0);
    Path hardLink = Files.createLink(dir.resolve("report.html"), log);
    export.export(ReportType.HTML, hardLink);
    assertTrue(export.messageProperty().get().contains("evidence is never overwritten"), export.messageProperty().get());
    assertEquals("{\"EventID\":1}\n", Files.readString(log));
  }
}
