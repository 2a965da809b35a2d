package org.sysmontriage.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.event.TriageException;
import org.sysmontriage.report.ReportFixture;

class CaseFilesTest {
  @TempDir Path dir;

  @Test
  void savedCaseLoadsBackEqual() {
    ReportFixture f = ReportFixture.sample();
    CaseFile c = CaseFile.of(f.store.sources())
        .withTriage(HitKey.of(f.store, f.hits.get(0)), new HitTriage(HitStatus.BENIGN, List.of("admin", "change-123"),
            "Scheduled \"dump\" by IT, ticket 123.\nSecond line.", "2026-01-02T03:00:00Z", "bob"))
        .withAllow(new AllowEntry("CAR-2020-05-001", "SourceImage", "*\\rundll32.exe", "bob", "2026-01-02T03:00:00Z", "backup"));
    Path file = dir.resolve("case.json");
    CaseFiles.save(file, c, EvidenceGuard.NONE);
    assertEquals(c, CaseFiles.load(file));
    assertEquals(HitStatus.BENIGN, CaseFiles.load(file).triage(HitKey.of(f.store, f.hits.get(0))).status());
  }

  @Test
  void hitKeyDoesNotDependOnImportOrder() {
    ReportFixture f = ReportFixture.sample();
    HitKey k = HitKey.of(f.store, f.hits.get(1));
    assertEquals(ReportFixture.SHA_B + "|7|4096|CAR-2020-05-001", k.text());
    assertEquals(k, HitKey.parse(k.text()));
    assertEquals(new HitKey("x", 1, 2, "CAR-2019-07-002/process-access"), HitKey.parse("x|1|2|CAR-2019-07-002/process-access"));
  }

  @Test
  void allowlistSuppressesCaseInsensitiveExactAndWildcardValues() {
    ReportFixture f = ReportFixture.sample();
    AllowEntry exact = new AllowEntry("CAR-2020-05-001", "SourceImage", "c:\\WINDOWS\\system32\\rundll32.EXE", "", "", "");
    AllowEntry wildcard = new AllowEntry("CAR-2020-05-001", "SourceImage", "*\\rundll3?.exe", "", "", "");
    AllowEntry partial = new AllowEntry("CAR-2020-05-001", "SourceImage", "rundll32.exe", "", "", "");
    AllowEntry otherAnalytic = new AllowEntry("CAR-2019-08-001", "SourceImage", "*", "", "", "");
    AllowEntry host = new AllowEntry("CAR-2020-05-001", "Computer", "dc01.CORP.local", "", "", "");
    for (AllowEntry e : List.of(exact, wildcard, host)) {
      AppliedCase a = CaseFile.empty().withAllow(e).apply(f.store, f.hits);
      assertEquals(List.of(f.hits.get(0)), a.kept(), e.toString());
      assertEquals(1, a.suppressedCount());
    }
    for (AllowEntry e : List.of(partial, otherAnalytic)) {
      assertEquals(f.hits, CaseFile.empty().withAllow(e).apply(f.store, f.hits).kept(), e.toString());
    }
  }

  @Test
  void changedAndMissingLogsAreNamedOnOpen() throws Exception {
    Path log = dir.resolve("a.json");
    Files.writeString(log, "{\"EventID\":1}\n");
    Path gone = dir.resolve("gone.json");
    String sha = SourceCheck.sha256(log);
    CaseFile c = new CaseFile(CaseFile.FORMAT, 1, List.of(new CaseSource(log.toString(), sha, 14),
        new CaseSource("a.json", sha, 14), new CaseSource(gone.toString(), "0".repeat(64), 1),
        new CaseSource(dir.resolve("x.zip") + "::member.json", "1".repeat(64), 1)), null, null);
    Path file = dir.resolve("case.json");
    CaseFiles.save(file, c, EvidenceGuard.NONE);
    assertEquals(List.of(), CaseFiles.open(file).problems().stream().filter(p -> p.path().endsWith("a.json")).toList(),
        "present and unchanged (also found relative to the case file's folder)");
    Files.writeString(log, "{\"EventID\":2}\n");
    List<SourceProblem> problems = CaseFiles.open(file).problems();
    assertEquals(List.of(SourceProblem.Kind.CHANGED, SourceProblem.Kind.CHANGED, SourceProblem.Kind.MISSING, SourceProblem.Kind.MISSING),
        problems.stream().map(SourceProblem::kind).toList());
    assertTrue(problems.get(2).message().contains("gone.json"));
    assertTrue(problems.get(0).message().contains(sha));
  }

  @Test
  void logsNotOpenedOrChangedAreNamedAgainstTheImport() {
    ReportFixture f = ReportFixture.sample();
    CaseFile c = new CaseFile(CaseFile.FORMAT, 1, List.of(new CaseSource("logs/ws01-sysmon.json", "9".repeat(64), 1),
        new CaseSource("elsewhere.evtx", "8".repeat(64), 1), new CaseSource("renamed.json", ReportFixture.SHA_B, 1)), null, null);
    List<SourceProblem> p = c.checkAgainst(f.store.sources());
    assertEquals(2, p.size());
    assertEquals(SourceProblem.Kind.CHANGED, p.get(0).kind());
    assertEquals(ReportFixture.SHA_A, p.get(0).actualSha256());
    assertEquals(SourceProblem.Kind.NOT_OPENED, p.get(1).kind());
  }

  @Test
  void damagedOrForeignFilesGiveAMessageNotACrash() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"format\": \"sysmon-triage-case\", \"version\": 1, \"sources\": [", StandardCharsets.UTF_8);
    assertTrue(assertThrows(TriageException.class, () -> CaseFiles.load(bad)).getMessage().contains("damaged"));
    Files.writeString(bad, "{\"hello\": 1}");
    assertTrue(assertThrows(TriageException.class, () -> CaseFiles.load(bad)).getMessage().contains("not a Sysmon Triage case file"));
    Files.writeString(bad, "{\"format\": \"sysmon-triage-case\", \"version\": 1, \"allowlist\": [{\"analytic_id\": \"x\"}]}");
    assertTrue(assertThrows(TriageException.class, () -> CaseFiles.load(bad)).getMessage().contains("damaged"));
    assertTrue(assertThrows(TriageException.class, () -> CaseFiles.load(dir.resolve("none.json"))).getMessage().contains("does not exist"));
  }

  @Test
  void failedSaveKeepsTheLastGoodFile() throws Exception {
    Path file = dir.resolve("case.json");
    CaseFile good = CaseFile.empty().withAllow(new AllowEntry("a", "Image", "x", "", "", ""));
    CaseFiles.save(file, good, EvidenceGuard.NONE);
    assertThrows(java.io.IOException.class, () -> AtomicFiles.write(file, out -> {
      out.write("{\"format\": ".getBytes(StandardCharsets.UTF_8));
      throw new java.io.IOException("disk full");
    }));
    assertEquals(good, CaseFiles.load(file));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary file left behind");
    }
  }
}
