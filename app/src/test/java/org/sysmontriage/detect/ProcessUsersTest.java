package org.sysmontriage.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sysmontriage.detect.TestEvents.security;
import static org.sysmontriage.detect.TestEvents.sysmon;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.ProgressListener;
import org.sysmontriage.event.Times;
import org.sysmontriage.ingest.ImportProgress;
import org.sysmontriage.ingest.Importer;
import org.sysmontriage.testing.Corpus;

class ProcessUsersTest {
  private static final String G = "{365ABB72-4055-5CC8-0000-0010769D0B00}";

  private static EventDraft at(EventDraft d, String time) {
    d.ticks = Times.parse(time);
    return d;
  }

  private static int find(EventStore s, int eventId, String field, String value) {
    for (int e = 0; e < s.size(); e++) {
      if (s.eventId(e) == eventId && value.equals(s.field(e, field))) {
        return e;
      }
    }
    throw new AssertionError("no event " + eventId + " " + field + "=" + value);
  }

  @Test
  void aSysmonEventWithoutUserTakesItFromTheCreationOfTheSameProcessGuid() {
    EventStore s = TestEvents.store(
        at(sysmon(1, "ProcessGuid", G, "ProcessId", "1532", "Image", "C:\\x\\voice_mail.msg.exe", "User", "IEWIN7\\IEUser"), "2019-04-30 12:40:00"),
        at(sysmon(10, "SourceProcessGUID", G.toLowerCase(), "SourceProcessId", "1532", "TargetImage", "C:\\Windows\\System32\\lsass.exe"), "2019-04-30 12:43:43"),
        at(sysmon(10, "SourceProcessGUID", "{00000000-0000-0000-0000-000000000001}", "SourceProcessId", "77"), "2019-04-30 12:43:44"));
    ProcessUsers users = ProcessUsers.of(s);
    int access = find(s, 10, "SourceProcessId", "1532");
    ProcessUsers.Found u = users.user(access);
    assertEquals("IEWIN7\\IEUser", u.user());
    assertEquals("User", u.field());
    assertEquals(find(s, 1, "ProcessId", "1532"), u.creationEvent());
    assertTrue(u.fromCreation());
    assertNull(users.user(find(s, 10, "SourceProcessId", "77")), "no creation of that process in the logs");
    ProcessUsers.Found own = users.user(find(s, 1, "ProcessId", "1532"));
    assertEquals(-1, own.creationEvent(), "a creation names its own user");
  }

  @Test
  void bySecurity4688ThePidOfTheLatestCreationAtOrBeforeTheEventCounts() {
    EventStore s = TestEvents.store(
        at(security(4688, "NewProcessId", "0x604", "SubjectUserName", "alice", "SubjectDomainName", "ACME", "TargetUserName", "-"), "2024-03-01 09:00:00"),
        at(security(4688, "NewProcessId", "0x604", "SubjectUserName", "bob", "SubjectDomainName", "ACME"), "2024-03-01 10:00:00"),
        at(security(4688, "NewProcessId", "0x604", "SubjectUserName", "carol", "SubjectDomainName", "ACME"), "2024-03-01 12:00:00"),
        at(sysmon(11, "ProcessId", "1540", "TargetFilename", "C:\\Temp\\a.dmp"), "2024-03-01 09:30:00"),
        at(sysmon(11, "ProcessId", "1540", "TargetFilename", "C:\\Temp\\b.dmp"), "2024-03-01 11:00:00"),
        at(sysmon(11, "ProcessId", "1540", "TargetFilename", "C:\\Temp\\c.dmp"), "2024-03-01 08:00:00"));
    ProcessUsers users = ProcessUsers.of(s);
    assertEquals("ACME\\alice", users.user(find(s, 11, "TargetFilename", "C:\\Temp\\a.dmp")).user(), "TargetUserName '-' reads as no name");
    assertEquals("ACME\\bob", users.user(find(s, 11, "TargetFilename", "C:\\Temp\\b.dmp")).user(), "pid reused: the latest creation before");
    assertNull(users.user(find(s, 11, "TargetFilename", "C:\\Temp\\c.dmp")), "the pid was not started yet");
  }

  @Test
  void anotherHostsProcessWithTheSamePidIsNotUsed() {
    EventDraft other = at(sysmon(1, "ProcessGuid", G, "ProcessId", "900", "User", "X\\y"), "2024-03-01 09:00:00");
    other.computer = "other.example.org";
    EventStore s = TestEvents.store(other, at(sysmon(11, "ProcessId", "900", "ProcessGuid", G, "TargetFilename", "C:\\t"), "2024-03-01 10:00:00"));
    assertNull(ProcessUsers.of(s).user(find(s, 11, "TargetFilename", "C:\\t")));
  }

  @Test
  void guidsNotOfTheUsualFormAreMatchedByTheirTextOnTheirHostAndTheFirstCreationCounts() {
    EventDraft elsewhere = at(sysmon(1, "ProcessGuid", "{odd-guid}", "ProcessId", "7", "User", "X\\elsewhere"), "2024-03-01 08:00:00");
    elsewhere.computer = "other.example.org";
    EventStore s = TestEvents.store(elsewhere,
        at(sysmon(1, "ProcessGuid", "{Odd-Guid}", "ProcessId", "901", "User", "ACME\\first"), "2024-03-01 09:00:00"),
        at(sysmon(1, "ProcessGuid", "odd-guid", "ProcessId", "902", "User", "ACME\\second"), "2024-03-01 09:10:00"),
        // a fullwidth 1: the text of no usual GUID, so not the creation of ...0001 below
        at(sysmon(1, "ProcessGuid", "{00000000-0000-0000-0000-00000000000\uff11}", "ProcessId", "903", "User", "ACME\\wide"),
            "2024-03-01 09:20:00"),
        at(sysmon(1, "ProcessGuid", "{FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF}", "ProcessId", "904", "User", "ACME\\ones"), "2024-03-01 09:30:00"),
        at(sysmon(10, "SourceProcessGUID", "ODD-GUID", "TargetImage", "C:\\Windows\\System32\\lsass.exe"), "2024-03-01 10:00:00"),
        at(sysmon(10, "SourceProcessGUID", "{00000000-0000-0000-0000-000000000001}", "TargetImage", "a"), "2024-03-01 10:01:00"),
        at(sysmon(10, "SourceProcessGUID", "00000000-0000-0000-0000-00000000000\uff11", "TargetImage", "b"), "2024-03-01 10:02:00"),
        at(sysmon(10, "SourceProcessGUID", "ffffffff-ffff-ffff-ffff-ffffffffffff", "TargetImage", "c"), "2024-03-01 10:03:00"));
    ProcessUsers users = ProcessUsers.of(s);
    ProcessUsers.Found odd = users.user(find(s, 10, "TargetImage", "C:\\Windows\\System32\\lsass.exe"));
    assertEquals("ACME\\first", odd.user(), "the same text in another case and without braces; not the other host's");
    assertEquals(find(s, 1, "ProcessId", "901"), odd.creationEvent());
    assertNull(users.user(find(s, 10, "TargetImage", "a")));
    assertEquals("ACME\\wide", users.user(find(s, 10, "TargetImage", "b")).user());
    assertEquals("ACME\\ones", users.user(find(s, 10, "TargetImage", "c")).user());
  }

  @Test
  void credentialAccessCorpusHitsGetTheirUserFromProcessCreation() {
    java.nio.file.Path dir = Corpus.dir().resolve("EVTX-ATTACK-SAMPLES/Credential Access");
    EventStore store = new Importer().run(List.of(dir.toString()), ImportProgress.NONE, new CancellationToken()).store();
    List<Hit> hits = new Detector(AnalyticLibrary.builtIn()).run(store, ProgressListener.NONE, new CancellationToken()).hits();
    ProcessUsers users = ProcessUsers.of(store);
    int ownUser = 0;
    int fromCreation = 0;
    for (Hit h : hits) {
      ProcessUsers.Found u = users.user(h.event());
      if (u != null && !u.fromCreation()) {
        ownUser++;
      } else if (u != null) {
        fromCreation++;
        int c = u.creationEvent();
        assertEquals(store.computer(h.event()), store.computer(c));
        assertTrue(store.eventId(c) == 1 || store.eventId(c) == 4688);
        assertTrue(store.ticks(c) <= store.ticks(h.event()) + 2 * Times.TICKS_PER_SECOND, "created before it acted");
      }
    }
    System.out.printf("Credential Access: %d hits, %d name their user, %d without one before, %d of those filled from the process creation%n",
        hits.size(), ownUser, hits.size() - ownUser, fromCreation);
    assertTrue(fromCreation > 0, "some hits without a user field have their process creation in the logs");
  }
}
