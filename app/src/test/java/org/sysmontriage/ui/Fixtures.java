package org.sysmontriage.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sysmontriage.detect.Analytic;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.detect.MatchedField;
import org.sysmontriage.detect.Severity;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.EventStoreBuilder;
import org.sysmontriage.event.SourceInfo;
import org.sysmontriage.event.Times;

/**
 * A small investigation for UI tests: on WKS-01 procdump is started, opens lsass and writes a dump;
 * on SRV-02 an lsass access with dbghelp in the call trace; benign events around them.
 */
public final class Fixtures {
  public static final Analytic PROCDUMP = new Analytic("e102e297-dbe6-4a19-b319-5c08f4c19a06", "Dump LSASS via procdump",
      "procdump dumping lsass", Severity.HIGH, List.of("T1003.001"), List.of("credential-access"), 80, 100);
  public static final Analytic CALLTRACE = new Analytic("CAR-2020-05-001", "MiniDump of LSASS",
      "dbghelp in the call trace", Severity.MEDIUM, List.of("T1003.001"), List.of("credential-access"), 70, 90);
  public static final Analytic TASKMGR = new Analytic("CAR-2019-08-001", "Credential Dumping via Windows Task Manager",
      "taskmgr writes lsass.dmp", Severity.LOW, List.of("T1003"), List.of("credential-access"), 40, 50);

  static final String PARENT_GUID = "{11111111-0000-0000-0000-000000000001}";
  static final String PROCDUMP_GUID = "{11111111-0000-0000-0000-000000000002}";
  static final String LSASS_GUID = "{11111111-0000-0000-0000-000000000003}";

  /** Event indexes in the fixture store. */
  public static final int PARENT = 0;
  public static final int PROCDUMP_START = 1;
  public static final int PROCDUMP_ACCESS = 2;
  public static final int DUMP_FILE = 3;
  public static final int SRV_ACCESS = 4;
  public static final int BENIGN_WKS = 5;
  public static final int FAR_AWAY = 6;

  private Fixtures() {}

  public static long t(String iso) {
    return Times.parse(iso);
  }

  public static EventStore store() {
    return store("");
  }

  /** The same events with {@code hostSuffix} after each host name ({@code .corp.example.com}: long names, as in real domains). */
  public static EventStore store(String hostSuffix) {
    EventStoreBuilder b = new EventStoreBuilder();
    int src = b.addSource("fixture.json");
    add(b, hostSuffix, src, 1, "WKS-01", "2024-03-01T10:00:00Z", Map.of("Image", "C:\\Windows\\explorer.exe", "ProcessGuid", PARENT_GUID, "User", "CORP\\alice"));
    add(b, hostSuffix, src, 1, "WKS-01", "2024-03-01T10:00:05Z", Map.of("Image", "C:\\Tools\\procdump64.exe", "CommandLine", "procdump64.exe -ma lsass.exe C:\\Temp\\l.dmp",
        "ProcessGuid", PROCDUMP_GUID, "ParentProcessGuid", PARENT_GUID, "User", "CORP\\alice"));
    add(b, hostSuffix, src, 10, "WKS-01", "2024-03-01T10:00:06Z", Map.of("SourceImage", "C:\\Tools\\procdump64.exe", "TargetImage", "C:\\Windows\\System32\\lsass.exe",
        "SourceProcessGUID", PROCDUMP_GUID, "TargetProcessGUID", LSASS_GUID, "GrantedAccess", "0x1FFFFF", "SourceUser", "CORP\\alice"));
    add(b, hostSuffix, src, 11, "WKS-01", "2024-03-01T10:00:07Z", Map.of("Image", "C:\\Tools\\procdump64.exe", "TargetFilename", "C:\\Temp\\l.dmp", "ProcessGuid", PROCDUMP_GUID));
    add(b, hostSuffix, src, 10, "SRV-02", "2024-03-01T12:30:00Z", Map.of("SourceImage", "C:\\Windows\\System32\\rundll32.exe", "TargetImage", "C:\\Windows\\System32\\lsass.exe",
        "CallTrace", "C:\\Windows\\SYSTEM32\\ntdll.dll+9d234|C:\\Windows\\System32\\dbghelp.dll+1234", "SourceUser", "CORP\\bob"));
    add(b, hostSuffix, src, 3, "WKS-01", "2024-03-01T10:02:00Z", Map.of("Image", "C:\\Windows\\System32\\svchost.exe", "DestinationIp", "10.0.0.5"));
    add(b, hostSuffix, src, 3, "WKS-01", "2024-03-01T14:00:00Z", Map.of("Image", "C:\\Windows\\System32\\svchost.exe", "DestinationIp", "10.0.0.9"));
    b.setSource(src, new SourceInfo("fixture.json", null, "json", "winlogbeat7", "ab".repeat(32), 1234, 7, 1,
        List.of(new org.sysmontriage.event.ImportIssue("fixture.json", "line 9", "not JSON: unexpected character"))));
    return b.freeze();
  }

  public static List<Hit> hits() {
    List<Hit> hits = new ArrayList<>();
    hits.add(new Hit(PROCDUMP_START, PROCDUMP, List.of(new MatchedField("CommandLine", "procdump64.exe -ma lsass.exe C:\\Temp\\l.dmp", "CommandLine contains -ma and lsass"))));
    hits.add(new Hit(SRV_ACCESS, CALLTRACE, List.of(new MatchedField("CallTrace", "dbghelp.dll", "CallTrace contains dbghelp.dll"),
        new MatchedField("TargetImage", "C:\\Windows\\System32\\lsass.exe", "TargetImage ends with lsass.exe"))));
    hits.add(new Hit(DUMP_FILE, TASKMGR, List.of(new MatchedField("TargetFilename", "C:\\Temp\\l.dmp", "TargetFilename ends with .dmp"))));
    return hits;
  }

  /** With long host names, user names as long as real ones too ({@code insecurebank\\Administrator} in the corpus). */
  private static String longer(String value) {
    return value.replace("CORP\\alice", "insecurebank\\Administrator").replace("CORP\\bob", "insecurebank\\svc_backup_operator");
  }

  private static void add(EventStoreBuilder b, String hostSuffix, int src, int id, String host, String time, Map<String, String> fields) {
    EventDraft d = new EventDraft();
    d.eventId = id;
    d.computer = host + hostSuffix;
    d.channel = "Microsoft-Windows-Sysmon/Operational";
    d.provider = "Microsoft-Windows-Sysmon";
    d.ticks = t(time);
    d.recordId = b.size() + 100;
    fields.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(f -> d.field(f.getKey(), hostSuffix.isEmpty() ? f.getValue() : longer(f.getValue())));
    b.accept(d, src);
  }
}
