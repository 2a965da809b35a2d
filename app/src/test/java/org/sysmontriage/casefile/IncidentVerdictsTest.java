package org.sysmontriage.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.incident.ClockSkew;
import org.sysmontriage.incident.Clock;
import org.sysmontriage.incident.Incident;
import org.sysmontriage.incident.IncidentEngine;
import org.sysmontriage.incident.IncidentOptions;
import org.sysmontriage.report.ReportFixture;

class IncidentVerdictsTest {
  @TempDir Path dir;

  @Test
  void anIncidentVerdictIsSavedAndAppliedToEachOfItsHitsKeepingTheirTags() {
    ReportFixture f = ReportFixture.sample();
    Incident incident = new IncidentEngine(IncidentOptions.defaults()).run(f.store, f.hits, new CancellationToken()).incidents().get(0);
    HitKey first = HitKey.of(f.store, incident.hits().get(0));
    CaseFile c = CaseFile.of(f.store.sources()).withTriage(first, new HitTriage(HitStatus.NEW, List.of("seen"), "", "", ""));

    c = c.withIncidentVerdict(f.store, incident, new HitTriage(HitStatus.TRUE_POSITIVE, List.of(), "procdump by the intruder", "2026-01-02T03:00:00Z", "bob"));

    assertEquals(HitStatus.TRUE_POSITIVE, c.incidentTriage(incident).status());
    for (var h : incident.hits()) {
      assertEquals(HitStatus.TRUE_POSITIVE, c.triage(HitKey.of(f.store, h)).status());
    }
    assertEquals(List.of("seen"), c.triage(first).tags());
    Path file = dir.resolve("case.json");
    CaseFiles.save(file, c, EvidenceGuard.NONE);
    assertEquals(c, CaseFiles.load(file));

    CaseFile cleared = c.withIncidentVerdict(f.store, incident, HitTriage.NEW);
    assertEquals(HitStatus.NEW, cleared.incidentTriage(incident).status());
    assertEquals(HitStatus.NEW, cleared.triage(first).status());
  }

  @Test
  void aConfirmedClockSkewIsKeptByLogHashAndChannelAndAppliesOnlyToThatClock() throws Exception {
    ClockSkew security = new ClockSkew(new Clock(0, "Security"), "a.json", "ab".repeat(32), 19 * 3600 * 10_000_000L, 65, 65);
    ClockSkew other = new ClockSkew(new Clock(1, "Security"), "b.json", "cd".repeat(32), 3600 * 10_000_000L, 3, 3);
    CaseFile c = CaseFile.empty().withSkew(security);
    Path file = dir.resolve("case.json");
    CaseFiles.save(file, c, EvidenceGuard.NONE);
    CaseFile loaded = CaseFiles.load(file);
    assertEquals(c, loaded);
    assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains("\"offset\" : \"+19:00:00.000\""));
    assertEquals(List.of(security), loaded.confirmedSkews(List.of(security, other)));
    assertEquals(List.of(), loaded.withoutSkew(security).confirmedSkews(List.of(security, other)));
  }

  @Test
  void aCaseSavedBeforeIncidentsExistedStillLoads() throws Exception {
    Path file = dir.resolve("old.json");
    Files.writeString(file, "{\"format\":\"sysmon-triage-case\",\"version\":1,\"sources\":[],\"hits\":{},\"allowlist\":[]}");
    CaseFile c = CaseFiles.load(file);
    assertEquals(0, c.incidents().size());
    assertEquals(0, c.clockSkews().size());
  }
}
