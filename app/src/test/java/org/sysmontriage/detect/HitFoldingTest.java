package org.sysmontriage.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sysmontriage.detect.LsassTechniqueTableTest.attack;
import static org.sysmontriage.detect.LsassTechniqueTableTest.hitsOnLastEvent;
import static org.sysmontriage.detect.LsassTechniqueTableTest.lsassStart;
import static org.sysmontriage.detect.LsassTechniqueTableTest.start;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One dump command, one hit: the older fixed-confidence rules (ST-LSASS-COMSVCS, -PROCDUMP-RENAMED,
 * -SIGNED-DUMPER: {@code folds_into: ST-LSASS-DUMP-COMMAND}) show inside ST-LSASS-DUMP-COMMAND's hit
 * when both fire on an event, with their reasons and techniques, and stand alone where it does not.
 */
class HitFoldingTest {
  static final String RUNDLL = "C:\\Windows\\System32\\rundll32.exe";

  @Test
  void comsvcsByPidGivesOneHitThatShowsBothAnalytics() {
    List<Hit> hits = ours(hitsOnLastEvent(attack("comsvcs", lsassStart(), start(RUNDLL,
        "rundll32.exe C:\\Windows\\System32\\comsvcs.dll, MiniDump 624 C:\\t\\x.dmp full"))));
    assertEquals(1, hits.size(), hits.toString());
    Hit h = hits.get(0);
    assertEquals("ST-LSASS-DUMP-COMMAND", h.analytic().id());
    assertEquals(List.of("ST-LSASS-DUMP-COMMAND", "ST-LSASS-COMSVCS"), h.analyticIds());
    assertTrue(h.analytic().techniques().containsAll(List.of("T1003.001", "T1218.011")), h.analytic().techniques().toString());
    assertTrue(h.matches().stream().anyMatch(m -> m.reason().startsWith("also ST-LSASS-COMSVCS (risk 85): CommandLine contains")),
        h.matches().toString());
    assertTrue(h.risk() >= 50);
  }

  @Test
  void renamedProcdumpGivesOneHit() {
    List<Hit> hits = ours(hitsOnLastEvent(attack("renamed procdump", lsassStart(), start("C:\\Users\\Public\\svc.exe",
        "svc.exe -accepteula -ma lsass.exe C:\\t\\x.dmp", "OriginalFileName", "procdump"))));
    assertEquals(1, hits.size(), hits.toString());
    assertEquals(List.of("ST-LSASS-DUMP-COMMAND", "ST-LSASS-PROCDUMP-RENAMED"), hits.get(0).analyticIds());
    assertTrue(hits.get(0).analytic().techniques().contains("T1036.003"));
  }

  @Test
  void aFoldingRuleStandsAloneWhereDumpCommandDoesNotFire() {
    List<Hit> hits = ours(hitsOnLastEvent(attack("Out-Minidump", start("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
        "powershell -c \"Get-Process lsass | Out-Minidump -DumpFilePath C:\\t\""))));
    assertEquals(List.of("ST-LSASS-SIGNED-DUMPER"), hits.stream().map(h -> h.analytic().id()).toList());
    assertEquals(List.of("ST-LSASS-SIGNED-DUMPER"), hits.get(0).analyticIds());
  }

  @Test
  void cmdForLoopVariableFromTasklistLsassIsLsass() {
    List<Hit> hits = ours(hitsOnLastEvent(attack("for /f", start("C:\\Windows\\System32\\cmd.exe",
        "cmd /c for /f \"tokens=2\" %i in ('tasklist ^| findstr lsass') do rundll32 comsvcs.dll, MiniDump %i C:\\t\\x.dmp full"))));
    assertEquals(1, hits.size(), hits.toString());
    assertEquals("ST-LSASS-DUMP-COMMAND", hits.get(0).analytic().id());
    assertTrue(hits.get(0).risk() >= 50);
  }

  /** The dump-command family: ST-LSASS-DUMP-COMMAND and the rules that fold into it. */
  private static List<Hit> ours(List<Hit> hits) {
    List<String> family = List.of("ST-LSASS-DUMP-COMMAND", "ST-LSASS-COMSVCS", "ST-LSASS-PROCDUMP-RENAMED", "ST-LSASS-SIGNED-DUMPER");
    return hits.stream().filter(h -> family.contains(h.analytic().id())).toList();
  }
}
