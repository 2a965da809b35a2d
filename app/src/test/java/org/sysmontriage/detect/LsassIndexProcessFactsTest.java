package org.sysmontriage.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.sysmontriage.detect.TestEvents.security;
import static org.sysmontriage.detect.TestEvents.sysmon;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sysmontriage.detect.lsass.LsassIndex;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.EventStore;

/**
 * What the LSASS index keeps about each process (it keeps the store's value ids and reads the texts when
 * asked): the process creation's facts, the main module's signature filling what the creation left out,
 * the first 64 files written in order, the other processes opened per access mask (distinct, any case),
 * a Security 4688 process by PID, and a process the logs say nothing about.
 */
class LsassIndexProcessFactsTest {
  private static final String GUID = "{11111111-2222-3333-4444-555555555555}";
  private static final String TOOL = "C:\\Tools\\tool.exe";

  private static EventDraft on(EventDraft d) {
    d.computer = "a.example.org";
    return d;
  }

  private static int first(EventStore store, int eventId) {
    for (int e = 0; e < store.size(); e++) {
      if (store.eventId(e) == eventId) {
        return e;
      }
    }
    throw new AssertionError("no event " + eventId);
  }

  @Test
  void factsOfAProcessAsTheLogsGiveThem() {
    List<EventDraft> events = new ArrayList<>();
    events.add(on(sysmon(1, "ProcessGuid", GUID, "ProcessId", "77", "Image", TOOL, "OriginalFileName", "tool.exe",
        "Hashes", "SHA256=ABCDEF", "ParentImage", "C:\\Windows\\explorer.exe", "Company", "-")));
    events.add(on(sysmon(7, "ProcessGuid", GUID, "ProcessId", "77", "Image", TOOL, "ImageLoaded", "c:/tools//TOOL.exe",
        "OriginalFileName", "other.exe", "Company", "Tools Inc.", "Signed", "true", "Signature", "Tools Inc.",
        "SignatureStatus", "Valid", "Hashes", "SHA256=999")));
    for (int i = 0; i < 70; i++) {
      events.add(on(sysmon(11, "ProcessGuid", GUID, "ProcessId", "77", "TargetFilename", "C:\\out\\f" + i + ".dmp")));
    }
    for (String target : new String[] {"{aaaaaaaa-0000-0000-0000-000000000001}", "{AAAAAAAA-0000-0000-0000-000000000001}",
        "{aaaaaaaa-0000-0000-0000-000000000002}"}) {
      events.add(on(sysmon(10, "SourceProcessGUID", GUID, "SourceProcessId", "77", "SourceImage", TOOL,
          "TargetProcessGUID", target, "TargetImage", "C:\\Windows\\notepad.exe", "GrantedAccess", "0x1000")));
    }
    events.add(on(sysmon(10, "SourceProcessGUID", GUID, "SourceProcessId", "77", "SourceImage", TOOL,
        "TargetProcessGUID", "{aaaaaaaa-0000-0000-0000-000000000003}", "TargetImage", "C:\\Windows\\notepad.exe",
        "GrantedAccess", "0x1400")));
    events.add(on(sysmon(10, "SourceProcessGUID", GUID, "SourceProcessId", "77", "SourceImage", TOOL,
        "TargetProcessGUID", "{bbbbbbbb-0000-0000-0000-000000000009}", "TargetImage", "C:\\Windows\\system32\\lsass.exe",
        "GrantedAccess", "0x1010")));
    events.add(on(security(4688, "NewProcessId", "0x1f4", "NewProcessName", "C:\\b\\new.exe", "ProcessId", "0x9",
        "ParentProcessName", "C:\\b\\parent.exe")));
    events.add(on(sysmon(11, "ProcessGuid", "{99999999-0000-0000-0000-000000000000}", "ProcessId", "12345",
        "TargetFilename", "C:\\x.txt")));
    EventStore store = TestEvents.store(events);
    LsassIndex index = new LsassIndex(store);

    LsassIndex.Process p = index.process(first(store, 1), "ProcessGuid", "ProcessId");
    assertEquals(TOOL, p.image());
    assertEquals("tool.exe", p.originalFileName(), "the creation's OriginalFileName is kept over the module's");
    assertEquals("Tools Inc.", p.company(), "'-' counts as none: the module's Company fills it");
    assertEquals("SHA256=ABCDEF", p.hashes());
    assertEquals("C:\\Windows\\explorer.exe", p.parentImage());
    assertEquals(Boolean.TRUE, p.signed);
    assertEquals("Tools Inc.", p.signature());
    assertEquals("Valid", p.signatureStatus());
    List<String> files = p.filesWritten();
    assertEquals(64, files.size(), "the first 64 files written are kept");
    for (int i = 0; i < 64; i++) {
      assertEquals("C:\\out\\f" + i + ".dmp", files.get(i));
    }
    assertEquals(2, p.otherTargets(0x1000), "two distinct processes opened with 0x1000 (GUIDs in any case)");
    assertEquals(1, p.otherTargets(0x1400));
    assertEquals(0, p.otherTargets(0x1010), "LSASS is not an other process");
    assertEquals(1, p.lsassReads);

    LsassIndex.Process created = index.process(first(store, 4688), "-", "NewProcessId");
    assertEquals("C:\\b\\new.exe", created.image());
    assertEquals("C:\\b\\parent.exe", created.parentImage());
    assertNull(created.hashes());
    assertNull(created.signed);

    int writer = store.size() - 1;
    LsassIndex.Process unknown = index.process(writer, "ProcessGuid", "ProcessId");
    assertNull(unknown.image());
    assertNull(unknown.originalFileName());
    assertNull(unknown.company());
    assertNull(unknown.signature());
    assertEquals(List.of("C:\\x.txt"), unknown.filesWritten());
    assertEquals(0, unknown.otherTargets(0x1000));
  }
}
