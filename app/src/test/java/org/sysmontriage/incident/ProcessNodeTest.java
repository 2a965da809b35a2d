package org.sysmontriage.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** A tree node reads its id, parent, texts and time from its event, as the nodes that copied them did. */
class ProcessNodeTest {
  private static final String WKS = "WKS-01";

  @Test
  void aNodeReadsWhatItShowsFromItsEvent() {
    Story s = new Story()
        .sysmon(WKS, 0, 1, "ProcessGuid", "{22222222-0000-0000-0000-00000000000A}", "ProcessId", "700", "Image", "C:\\Windows\\cmd.exe",
            "CommandLine", "cmd /c x", "User", "ACME\\bob", "ParentProcessGuid", "{22222222-0000-0000-0000-000000000001}")
        .security(WKS, 5, 4688, "NewProcessId", "0x2bc", "ProcessId", "0x4", "NewProcessName", "C:\\Windows\\notepad.exe",
            "SubjectUserName", "alice")
        .security(WKS, 6, 4688, "NewProcessId", "0x2c6", "NewProcessName", "C:\\Windows\\calc.exe")
        .sysmon(WKS, 9, 10, "SourceProcessGUID", "{22222222-0000-0000-0000-00000000000B}", "SourceProcessId", "800",
            "SourceImage", "C:\\Tools\\x.exe")
        .sysmon(WKS, 10, 3, "ProcessId", "900", "Image", "C:\\Tools\\y.exe");
    EventFacts facts = new EventFacts(s.store());
    ProcessNode sysmon = ProcessNode.created(facts, 0, 2, true);
    assertEquals("22222222-0000-0000-0000-00000000000a", sysmon.id());
    assertEquals("22222222-0000-0000-0000-000000000001", sysmon.parentId());
    assertEquals(2, sysmon.depth());
    assertEquals(Story.BASE, sysmon.ticks());
    assertEquals("C:\\Windows\\cmd.exe", sysmon.image());
    assertEquals("cmd /c x", sysmon.commandLine());
    assertEquals("ACME\\bob", sysmon.user());
    assertEquals("700", sysmon.pid());
    assertEquals(0, sysmon.event());
    ProcessNode security = ProcessNode.created(facts, 1, 0, false);
    assertEquals("pid:700", security.id());
    assertEquals("pid:4", security.parentId());
    assertEquals("alice", security.user());
    assertNull(ProcessNode.created(facts, 2, 0, false).parentId(), "no creator id: no parent");
    ProcessNode byGuid = ProcessNode.unstarted(facts, 3, 1, true);
    assertEquals("22222222-0000-0000-0000-00000000000b", byGuid.id());
    assertNull(byGuid.parentId(), "a process whose start is not in the logs has no known parent");
    assertEquals("C:\\Tools\\x.exe", byGuid.image());
    assertEquals("800", byGuid.pid());
    assertEquals("pid:900", ProcessNode.unstarted(facts, 4, 0, true).id());
    ProcessNode moved = sysmon.atDepth(5);
    assertEquals(5, moved.depth());
    assertEquals(sysmon.id(), moved.id());
    assertEquals(sysmon.marked(), moved.marked());
    assertEquals(sysmon.event(), moved.event());
    assertEquals(sysmon, moved.atDepth(2), "equal as the record was: same event, depth, mark and kind");
    assertEquals(sysmon.hashCode(), moved.atDepth(2).hashCode());
    assertNotEquals(sysmon, moved);
    assertNotEquals(sysmon, ProcessNode.created(facts, 0, 2, false));
    assertNotEquals(ProcessNode.created(facts, 3, 1, true), byGuid);
  }
}
