package org.sysmontriage.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.sysmontriage.detect.TestEvents.sysmon;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventDraft;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.ProgressListener;
import org.sysmontriage.event.Times;
import org.sysmontriage.risk.RiskRollup;

/** Risk per user (scan table, fleet risk.jsonl) counts a hit whose event names no user under its process creation's user. */
class RollupUserFromCreationTest {
  private static final String G = "{365ABB72-4055-5CC8-0000-0010769D0B00}";

  private static EventDraft at(EventDraft d, String time) {
    d.ticks = Times.parse(time);
    return d;
  }

  @Test
  void aDumpFileWithoutUserCountsForTheUserWhoStartedTheDumper() {
    EventStore s = TestEvents.store(
        at(sysmon(1, "ProcessGuid", G, "ProcessId", "1540", "Image", "C:\\Tools\\procdump64.exe",
            "CommandLine", "procdump64.exe -accepteula -ma lsass.exe C:\\Temp\\lsass.dmp", "User", "ACME\\bob"), "2024-03-01 09:00:00"),
        at(sysmon(11, "ProcessGuid", G, "ProcessId", "1540", "Image", "C:\\Tools\\procdump64.exe",
            "TargetFilename", "C:\\Temp\\lsass.dmp"), "2024-03-01 09:00:02"));
    DetectionResult r = new Detector(AnalyticLibrary.builtIn()).run(s, ProgressListener.NONE, new CancellationToken());
    List<Hit> onFile = r.hits().stream().filter(h -> s.eventId(h.event()) == 11).toList();
    assertFalse(onFile.isEmpty(), "the dump file is a hit: " + r.hits());
    List<RiskRollup.Finding> users = r.rollup().users();
    assertEquals(1, users.size(), "one user: " + users);
    assertEquals("ACME\\bob", users.get(0).name());
    assertEquals(r.hits().size(), users.get(0).hits(), "every hit, the file's too, counts for bob");
  }
}
