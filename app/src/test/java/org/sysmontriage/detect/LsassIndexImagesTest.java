package org.sysmontriage.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sysmontriage.detect.TestEvents.security;
import static org.sysmontriage.detect.TestEvents.sysmon;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sysmontriage.detect.lsass.LsassIndex;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.Times;

/**
 * The LSASS index's table of the last image seen per computer and PID (kept by the store's ids, not
 * by text keys): the same PID on two computers stays apart, the last sighting wins whatever the
 * PID's spelling (decimal or hex), every field that names a process counts, LSASS itself is kept
 * out of it, and a table that grows keeps every entry.
 */
class LsassIndexImagesTest {
  private static EventDraft on(String computer, EventDraft d) {
    d.computer = computer;
    return d;
  }

  @Test
  void lastImagePerComputerAndPidWhateverTheSpelling() {
    List<EventDraft> events = new ArrayList<>();
    for (int pid = 1; pid <= 500; pid++) { // enough to make the table grow several times
      events.add(on("a.example.org", sysmon(1, "ProcessId", Integer.toString(pid), "Image", "C:\\a\\" + pid + ".exe")));
      events.add(on("b.example.org", sysmon(1, "ProcessId", Integer.toString(pid), "Image", "C:\\b\\" + pid + ".exe")));
    }
    events.add(on("a.example.org", sysmon(10, "SourceProcessId", "0x7", "SourceImage", "C:\\late\\seven.exe",
        "TargetProcessId", "624", "TargetImage", "C:\\Windows\\system32\\lsass.exe", "GrantedAccess", "0x1410")));
    events.add(on("b.example.org", security(4688, "NewProcessId", "0x00000000000001f4", "NewProcessName", "C:\\b\\new500.exe",
        "ProcessId", "0x9", "ParentProcessName", "C:\\b\\parent9.exe")));
    events.add(on("a.example.org", sysmon(1, "ProcessId", "8", "Image", "C:\\Windows\\System32\\LSASS.EXE ")));
    LsassIndex index = new LsassIndex(TestEvents.store(events));

    assertEquals("C:\\a\\1.exe", index.imageOfPid("a.example.org", 1));
    assertEquals("C:\\b\\1.exe", index.imageOfPid("b.example.org", 1));
    assertEquals("C:\\a\\499.exe", index.imageOfPid("a.example.org", 499));
    assertEquals("C:\\late\\seven.exe", index.imageOfPid("a.example.org", 7));
    assertEquals("C:\\b\\7.exe", index.imageOfPid("b.example.org", 7));
    assertEquals("C:\\b\\new500.exe", index.imageOfPid("b.example.org", 500));
    assertEquals("C:\\a\\500.exe", index.imageOfPid("a.example.org", 500));
    assertEquals("C:\\b\\parent9.exe", index.imageOfPid("b.example.org", 9));
    assertNull(index.imageOfPid("a.example.org", 624), "LSASS is not an other process");
    assertEquals("C:\\a\\8.exe", index.imageOfPid("a.example.org", 8), "an LSASS sighting does not replace the other image");
    assertNull(index.imageOfPid("a.example.org", 501));
    assertNull(index.imageOfPid("c.example.org", 1));
    assertTrue(index.isLsassPid("a.example.org", 624, Times.UNKNOWN));
    assertTrue(index.isLsassPid("a.example.org", 8, Times.UNKNOWN));
    assertFalse(index.isLsassPid("b.example.org", 624, Times.UNKNOWN));
  }
}
