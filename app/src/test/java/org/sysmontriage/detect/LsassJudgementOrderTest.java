package org.sysmontriage.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sysmontriage.detect.TestEvents.sysmon;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sysmontriage.detect.lsass.Judgement;
import org.sysmontriage.detect.lsass.LsassIndex;
import org.sysmontriage.detect.lsass.LsassJudge;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.EventStore;

/**
 * The LSASS judgements run on several threads in any order (the matches of a scan are judged in
 * slices on every core): an answer must depend on the event and the logs only, never on which
 * events were asked about before it.
 */
class LsassJudgementOrderTest {
  private static final String KNOWN = "{11111111-2222-3333-4444-555555555555}";
  private static final String UNKNOWN = "{99999999-8888-7777-6666-555555555555}";

  private static int find(EventStore s, String field, String value) {
    for (int e = 0; e < s.size(); e++) {
      if (value.equals(s.field(e, field))) {
        return e;
      }
    }
    throw new AssertionError("no event with " + field + "=" + value);
  }

  /** A GUID no event introduces, asked about with a PID nothing knows, then with the PID of a known process. */
  private static EventStore guidUnknownToTheIndex() {
    return TestEvents.store(
        sysmon(1, "ProcessGuid", KNOWN, "ProcessId", "500", "Image", "C:\\Tools\\procdump64.exe", "CommandLine", "procdump64.exe -accepteula"),
        sysmon(3, "ProcessGuid", UNKNOWN, "ProcessId", "999", "DestinationPort", "445"),
        sysmon(3, "ProcessGuid", UNKNOWN, "ProcessId", "500", "DestinationPort", "443"));
  }

  @Test
  void aProcessLookupAnswersTheSameWhateverWasAskedBefore() {
    EventStore s = guidUnknownToTheIndex();
    int unknownPid = find(s, "DestinationPort", "445");
    int knownPid = find(s, "DestinationPort", "443");

    LsassIndex alone = new LsassIndex(s);
    LsassIndex.Process first = alone.process(knownPid, "ProcessGuid", "ProcessId");
    assertNotNull(first);
    assertEquals("C:\\Tools\\procdump64.exe", first.image(), "an unknown GUID falls back to the process the PID names");

    LsassIndex after = new LsassIndex(s);
    LsassIndex.Process nothing = after.process(unknownPid, "ProcessGuid", "ProcessId");
    assertNotNull(nothing, "a GUID with no process behind it is an empty process, not none");
    assertNull(nothing.image());
    assertEquals(0, nothing.filesWritten().size());
    LsassIndex.Process second = after.process(knownPid, "ProcessGuid", "ProcessId");
    assertEquals(first.image(), second.image(), "asking about another event with the same GUID first changes nothing");
    assertNull(after.process(unknownPid, "ProcessGuid", "ProcessId").image());
  }

  /**
   * Two hosts start the same command line on a DLL under another name; only one host's image loads
   * show the DLL is comsvcs.dll. The dump commands a judge keeps per distinct command line must stay
   * per computer too.
   */
  private static EventStore sameCommandLineOnTwoHosts() {
    String cmd = "rundll32.exe C:\\Users\\Public\\helper.dll, #24 624 C:\\Users\\Public\\o.dmp full";
    EventDraft loadA = sysmon(7, "ProcessGuid", KNOWN, "ProcessId", "700", "Image", "C:\\Windows\\System32\\rundll32.exe",
        "ImageLoaded", "C:\\Users\\Public\\helper.dll", "OriginalFileName", "COMSVCS.DLL");
    loadA.computer = "host-a";
    EventDraft loadB = sysmon(7, "ProcessGuid", UNKNOWN, "ProcessId", "701", "Image", "C:\\Windows\\System32\\rundll32.exe",
        "ImageLoaded", "C:\\Users\\Public\\helper.dll", "OriginalFileName", "HELPER.DLL");
    loadB.computer = "host-b";
    EventDraft startA = sysmon(1, "ProcessId", "700", "Image", "C:\\Windows\\System32\\rundll32.exe", "CommandLine", cmd);
    startA.computer = "host-a";
    EventDraft startB = sysmon(1, "ProcessId", "701", "Image", "C:\\Windows\\System32\\rundll32.exe", "CommandLine", cmd);
    startB.computer = "host-b";
    return TestEvents.store(loadA, loadB, startA, startB);
  }

  private static String reasons(Judgement j) {
    assertNotNull(j);
    StringBuilder b = new StringBuilder();
    j.reasons().forEach(r -> b.append(r.text()).append('\n'));
    return b.toString();
  }

  @Test
  void theSameCommandLineIsJudgedByWhatItsOwnComputerShows() {
    EventStore s = sameCommandLineOnTwoHosts();
    int startA = -1;
    int startB = -1;
    for (int e = 0; e < s.size(); e++) {
      if (s.eventId(e) == 1) {
        if (s.computer(e).equals("host-a")) {
          startA = e;
        } else {
          startB = e;
        }
      }
    }
    for (List<Integer> order : List.of(List.of(startA, startB), List.of(startB, startA))) {
      LsassJudge judge = new LsassJudge(s);
      String[] seen = new String[s.size()];
      for (int e : order) {
        seen[e] = reasons(judge.judge("lsass-dump-command", e));
      }
      assertTrue(seen[startA].contains("renamed copy of comsvcs.dll"), "host-a's image loads identify the DLL: " + seen[startA]);
      assertTrue(!seen[startB].contains("renamed copy") && seen[startB].contains("which the logs do not identify"),
          "host-b's do not: " + seen[startB]);
    }
  }
}
