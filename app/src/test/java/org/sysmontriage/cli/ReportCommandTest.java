package org.sysmontriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.casefile.AllowEntry;
import org.sysmontriage.casefile.CaseFile;
import org.sysmontriage.casefile.CaseFiles;
import org.sysmontriage.casefile.CaseSource;
import org.sysmontriage.casefile.EvidenceGuard;
import org.sysmontriage.casefile.SourceCheck;

class ReportCommandTest {
  /** An OTRF-flat Sysmon 10: rundll32 opening lsass with dbgcore.dll in the CallTrace (comsvcs MiniDump). */
  static final String ACCESS = "{\"SourceName\":\"Microsoft-Windows-Sysmon\",\"Channel\":\"Microsoft-Windows-Sysmon/Operational\","
      + "\"Hostname\":\"WORKSTATION6.lab.local\",\"EventID\":10,\"UtcTime\":\"2020-10-18 23:50:06.120\","
      + "\"SourceImage\":\"C:\\\\windows\\\\system32\\\\rundll32.exe\",\"TargetImage\":\"C:\\\\windows\\\\system32\\\\lsass.exe\","
      + "\"GrantedAccess\":\"0x1fffff\",\"CallTrace\":\"C:\\\\windows\\\\SYSTEM32\\\\ntdll.dll+9c534|C:\\\\windows\\\\System32\\\\dbgcore.DLL+6cd4\","
      + "\"SourceUser\":\"LAB\\\\wardog\",\"TargetUser\":\"NT AUTHORITY\\\\SYSTEM\"}\n";

  @TempDir Path dir;
  Path log;
  final StringWriter err = new StringWriter();

  @BeforeEach
  void writeLog() throws Exception {
    log = dir.resolve("access.ndjson");
    Files.writeString(log, ACCESS);
  }

  @Test
  void writesEveryReportTypeWithTheHit() throws Exception {
    for (String type : List.of("html", "csv", "json", "navigator")) {
      Path out = dir.resolve("r." + type);
      assertEquals(0, run("report", "--type", type, "--out", out.toString(), log.toString()), err.toString());
      assertTrue(Files.readString(out).contains("T1003.001"), type);
    }
    JsonNode doc = new ObjectMapper().readTree(dir.resolve("r.json").toFile());
    assertTrue(ids(doc).contains("CAR-2020-05-001"), ids(doc).toString());
    assertEquals(SourceCheck.sha256(log), doc.get("summary").get("sources").get(0).get("sha256").asText());
    assertTrue(Files.readString(dir.resolve("r.html")).contains("https://car.mitre.org/analytics/CAR-2020-05-001/"));
  }

  @Test
  void caseAllowlistSuppressesAndChangedLogsAreNamed() throws Exception {
    Path caseFile = dir.resolve("case.json");
    CaseFile c = new CaseFile(CaseFile.FORMAT, CaseFile.VERSION, List.of(new CaseSource(log.toString(), SourceCheck.sha256(log), 1),
        new CaseSource("other.evtx", "0".repeat(64), 1)), null, null)
        .withAllow(new AllowEntry("CAR-2020-05-001", "SourceImage", "*\\rundll32.exe", "t", "", "test"));
    CaseFiles.save(caseFile, c, EvidenceGuard.NONE);
    Path out = dir.resolve("r.json");
    assertEquals(0, run("report", "--type", "json", "--out", out.toString(), "--case", caseFile.toString(), log.toString()));
    JsonNode doc = new ObjectMapper().readTree(out.toFile());
    assertTrue(!ids(doc).contains("CAR-2020-05-001") && doc.get("summary").get("suppressed").asInt() >= 1, doc.toString());
    assertTrue(err.toString().contains("other.evtx: listed in the case but not opened"), err.toString());
  }

  @Test
  void refusesToOverwriteALogItReads() throws Exception {
    assertEquals(TriageCommand.USAGE, run("report", "--type", "csv", "--out", log.toString(), log.toString()));
    assertEquals(ACCESS, Files.readString(log));
    assertTrue(err.toString().contains("evidence is never overwritten"));
  }

  @Test
  void rejectsARiskOutsideZeroToHundred() {
    assertEquals(TriageCommand.USAGE, run("report", "--type", "csv", "--out", dir.resolve("x").toString(), "--min-risk", "101", log.toString()));
  }

  @Test
  void aReportThatCannotBeWrittenSaysWhyAndExitsTwo() throws Exception {
    Path out = log.resolve("r.csv");
    assertEquals(TriageCommand.USAGE, run("report", "--type", "csv", "--out", out.toString(), log.toString()));
    assertTrue(err.toString().contains("cannot write the report to " + out + ": a part of the path is a file, not a folder"), err.toString());
    assertTrue(!err.toString().contains("\tat "), err.toString());
  }

  private int run(String... args) {
    var cl = TriageCommand.commandLine();
    cl.setErr(new PrintWriter(err, true));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    return cl.execute(args);
  }

  private static List<String> ids(JsonNode doc) {
    List<String> ids = new ArrayList<>();
    doc.get("hits").forEach(h -> ids.add(h.get("analytic_id").asText()));
    return ids;
  }
}
