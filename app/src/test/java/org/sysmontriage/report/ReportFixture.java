package org.sysmontriage.report;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sysmontriage.detect.Analytic;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.detect.MatchedField;
import org.sysmontriage.detect.Severity;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.EventStoreBuilder;
import org.sysmontriage.event.ImportIssue;
import org.sysmontriage.event.SourceInfo;
import org.sysmontriage.event.Times;

/** A small store and hits built by hand, for report tests that do not depend on the readers or analytics. */
public final class ReportFixture {
  public static final Instant GENERATED = Instant.parse("2026-01-02T03:04:05Z");
  public static final String VERSION = "test-version";
  public static final String SHA_A = "a".repeat(64);
  public static final String SHA_B = "b".repeat(64);

  public static final Analytic PROCDUMP = new Analytic("e102e297-dbe6-4a19-b319-5c08f4c19a06",
      "Windows OS Credential Dumping with Procdump", "Procdump dumping lsass.", Severity.HIGH,
      List.of("T1003.001"), List.of("credential-access"), 80, 100);
  public static final Analytic DBGHELP = new Analytic("CAR-2020-05-001", "MiniDump of LSASS",
      "Process access to lsass with dbghelp.dll or dbgcore.dll in the CallTrace.", Severity.MEDIUM,
      List.of("T1003.001"), List.of("credential-access"), 70, 90);

  public final EventStore store;
  public final List<Hit> hits = new ArrayList<>();

  private ReportFixture(EventStore store) {
    this.store = store;
  }

  /** Two logs, two hosts, a procdump run and a dbghelp access, plus benign events. */
  public static ReportFixture sample() {
    EventStoreBuilder b = new EventStoreBuilder();
    int a = b.addSource("logs/ws01-sysmon.json");
    int s = b.addSource("logs/dc01.zip::sysmon.xml");
    b.accept(event(1, "2019-10-27T05:45:39.8510000Z", "WS01.corp.local", 101, 0,
        "Image", "C:\\Tools\\procdump64.exe", "CommandLine", "procdump64.exe -accepteula -ma lsass.exe C:\\tmp\\l.dmp",
        "User", "CORP\\alice", "ParentImage", "C:\\Windows\\System32\\cmd.exe"), a);
    b.accept(event(1, "2019-10-27T05:40:00.0000000Z", "WS01.corp.local", 100, 512, "Image", "C:\\Windows\\notepad.exe"), a);
    b.accept(event(10, "2019-10-27T06:10:02.1234567Z", "DC01.corp.local", 7, 4096,
        "SourceImage", "C:\\Windows\\System32\\rundll32.exe", "TargetImage", "C:\\Windows\\system32\\lsass.exe",
        "GrantedAccess", "0x1FFFFF", "CallTrace", "C:\\Windows\\SYSTEM32\\ntdll.dll+9d234|C:\\Windows\\System32\\dbghelp.dll+1a2b",
        "SourceUser", "CORP\\svc-backup"), s);
    b.setSource(a, new SourceInfo("logs/ws01-sysmon.json", Path.of("logs/ws01-sysmon.json"), "json", "winlogbeat7", SHA_A,
        2048, 2, 1, List.of(new ImportIssue("logs/ws01-sysmon.json", "line 3", "not JSON: unexpected character"))));
    b.setSource(s, new SourceInfo("logs/dc01.zip::sysmon.xml", null, "xml", "evtx-xml", SHA_B, 4096, 1, 0, List.of()));
    ReportFixture f = new ReportFixture(b.freeze());
    f.hits.add(new Hit(0, PROCDUMP, List.of(new MatchedField("Image", "C:\\Tools\\procdump64.exe", "Image ends with \\procdump64.exe"),
        new MatchedField("CommandLine", "procdump64.exe -accepteula -ma lsass.exe C:\\tmp\\l.dmp", "CommandLine contains -ma and lsass"))));
    f.hits.add(new Hit(2, DBGHELP, List.of(new MatchedField("TargetImage", "C:\\Windows\\system32\\lsass.exe", "TargetImage ends with \\lsass.exe"),
        new MatchedField("CallTrace", "...dbghelp.dll+1a2b", "CallTrace contains dbghelp.dll"))));
    return f;
  }

  public ReportInput input() {
    return ReportInput.of(store, hits).withGeneratedAt(GENERATED).withToolVersion(VERSION);
  }

  public static EventDraft event(int id, String time, String computer, long recordId, long offset, String... fields) {
    EventDraft d = new EventDraft();
    d.eventId = id;
    d.ticks = Times.parse(time);
    d.computer = computer;
    d.channel = "Microsoft-Windows-Sysmon/Operational";
    d.provider = "Microsoft-Windows-Sysmon";
    d.recordId = recordId;
    d.rawOffset = offset;
    for (int i = 0; i + 1 < fields.length; i += 2) {
      d.field(fields[i], fields[i + 1]);
    }
    return d;
  }
}
