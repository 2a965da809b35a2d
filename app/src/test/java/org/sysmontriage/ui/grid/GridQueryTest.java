package org.sysmontriage.ui.grid;

import org.sysmontriage.ui.common.PathText;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.casefile.EvidenceGuard;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.TriageException;
import org.sysmontriage.event.Times;

/** The grid's filter row, sort keys, grouping, export and preferences, without a toolkit. */
class GridQueryTest {
  @TempDir Path dir;

  // host, image, risk
  private static final String[][] ROWS = {
      {"WKS-01", "C:\\Tools\\procdump64.exe", "80"},
      {"SRV-02", "C:\\Windows\\System32\\rundll32.exe", "63"},
      {"WKS-01", "C:\\Windows\\System32\\taskmgr.exe", "45"},
      {"wks-03", "=cmd|' /C calc'!A0", "45"},
  };
  private static final List<GridColumn<String[][]>> COLS = List.of(
      GridColumn.text("host", "Host", 10, (s, r) -> s[r][0]),
      GridColumn.path("image", "Image", 16, (s, r) -> s[r][1]),
      GridColumn.number("risk", "Risk", 4, (s, r) -> s[r][2], (s, r) -> Long.parseLong(s[r][2])),
      new GridColumn<>("time", "Time", GridColumn.Kind.TIME, 15, (s, r) -> "t" + r, (s, r) -> Times.parse("2024-03-01T10:00:00Z") + r * Times.TICKS_PER_SECOND));

  private static int[] run(GridState state) {
    return new GridQuery<>(ROWS, COLS, state).run(new int[] {0, 1, 2, 3}, new CancellationToken()).rows();
  }

  private static GridState none() {
    return GridState.sortedBy(List.of());
  }

  @Test
  void filterRowContainsEqualsExcludesAndRegex() {
    assertArrayEquals(new int[] {0, 2, 3}, run(none().withFilter("host", "wks")));
    assertArrayEquals(new int[] {0, 2}, run(none().withFilter("host", "=WKS-01")));
    assertArrayEquals(new int[] {1, 3}, run(none().withFilter("host", "!=wks-01")));
    assertArrayEquals(new int[] {1}, run(none().withFilter("host", "!wks")));
    assertArrayEquals(new int[] {1, 2}, run(none().withFilter("image", "/system32\\\\(rundll|task)/")));
    assertArrayEquals(new int[] {0}, run(none().withFilter("image", "~procdump(64)?\\.exe$")));
    // two columns at once: both must pass
    assertArrayEquals(new int[] {2}, run(none().withFilter("host", "wks-01").withFilter("image", "system32")));
  }

  @Test
  void riskFiltersAtLeastANumber() {
    assertArrayEquals(new int[] {0, 1}, run(none().withFilter("risk", "63")));
    assertArrayEquals(new int[] {0}, run(none().withFilter("risk", ">63")));
    assertArrayEquals(new int[] {2, 3}, run(none().withFilter("risk", "<=45")));
    assertArrayEquals(new int[] {1}, run(none().withFilter("risk", "=63")));
  }

  @Test
  void aFilterThatDoesNotParseSaysWhy() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(none().withFilter("risk", "high")));
    assertTrue(e.getMessage().contains("whole number"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> ColumnFilter.parse("/(a/", GridColumn.Kind.TEXT));
    assertTrue(e.getMessage().startsWith("Not a valid regular expression"), e.getMessage());
    // RE2/J has no backreferences: a pattern that would backtrack is refused, not run
    assertThrows(IllegalArgumentException.class, () -> ColumnFilter.parse("/(a)\\1/", GridColumn.Kind.TEXT));
  }

  @Test
  void excludedValuesAddUp() {
    GridState s = none().withExcluded("host", "WKS-01").withExcluded("host", "SRV-02");
    assertArrayEquals(new int[] {3}, run(s));
    assertEquals(2, s.excludedCount());
    assertArrayEquals(new int[] {0, 1, 2, 3}, run(s.withoutFilters()));
  }

  @Test
  void sortsByManyColumnsKeepingOrderOnTies() {
    GridState s = GridState.sortedBy(List.of(new GridState.SortKey("risk", true), new GridState.SortKey("host", false)));
    assertArrayEquals(new int[] {3, 2, 1, 0}, run(s));
    s = GridState.sortedBy(List.of(new GridState.SortKey("risk", true), new GridState.SortKey("host", true)));
    assertArrayEquals(new int[] {2, 3, 1, 0}, run(s));
    assertArrayEquals(new int[] {3, 0, 1, 2}, run(GridState.sortedBy(List.of(new GridState.SortKey("image", true)))));
  }

  @Test
  void groupsHaveCountedHeadersAndCollapse() {
    GridState s = none().withGroupBy("risk");
    GridResult r = new GridQuery<>(ROWS, COLS, s).run(new int[] {0, 1, 2, 3}, new CancellationToken());
    assertArrayEquals(new int[] {-1, 2, 3, -2, 1, -3, 0}, r.rows());
    assertArrayEquals(new String[] {"45", "63", "80"}, r.groupNames());
    assertArrayEquals(new int[] {2, 1, 1}, r.groupSizes());
    GridResult collapsed = new GridQuery<>(ROWS, COLS, s.toggled("45")).run(new int[] {0, 1, 2, 3}, new CancellationToken());
    assertArrayEquals(new int[] {-1, -2, 1, -3, 0}, collapsed.rows());
    assertArrayEquals(new int[] {2, 3, 1, 0}, collapsed.matched(), "export and find still see collapsed rows");
    assertEquals(Set.of(), s.toggled("45").toggled("45").collapsed());
  }

  @Test
  void pathsAreShortenedInTheMiddleKeepingTheFileName() {
    String p = "C:\\Users\\alice\\AppData\\Local\\Temp\\procdump64.exe";
    assertEquals(p, PathText.fit(p, 1000, String::length));
    assertEquals("C:\\Users\\...\\procdump64.exe", PathText.fit(p, 27, String::length));
    assertEquals("C:\\Users\\...\\procdump64.exe", PathText.fit(p, 30, String::length), "the head ends at a folder");
    assertEquals("...\\procdump64.exe", PathText.fit(p, 10, String::length));
    assertEquals("notapath", PathText.fit("notapath", 3, String::length));
    assertEquals("/.../sysmon.evtx", PathText.fit("/work/shared/corpus/sysmon.evtx", 17, String::length), "one slash after a POSIX root");
  }

  @Test
  void aCellLaysOutAtMostTheFirstCharactersOfAHugeValue() {
    String huge = "lsass".repeat(400_000);
    String shown = PathText.bounded(huge);
    assertEquals(PathText.LONGEST_SHOWN + 1, shown.length());
    assertTrue(shown.startsWith("lsasslsass") && shown.endsWith("\u2026"), shown.substring(shown.length() - 5));
    String small = "C:\\Windows\\System32\\lsass.exe";
    assertTrue(small == PathText.bounded(small), "a value that fits is shown as it is");
  }

  @Test
  void pathsAreToldFromOtherText() {
    for (String p : new String[] {"C:\\Windows\\Temp\\x.dmp", "c:/temp/x.dmp", "\\\\srv\\share\\x.dmp",
        "/work/logs/a.zip::Sysmon.evtx", "%TEMP%\\lsass.dmp"}) {
      assertTrue(PathText.looksLikePath(p), p);
    }
    for (String s : new String[] {"lsass.exe", "rundll32 C:\\Windows\\comsvcs.dll", "0x1FFFFF", "", "C:", " /x", "%%"}) {
      assertFalse(PathText.looksLikePath(s), s);
    }
  }

  @Test
  void displayTimeShowsAnotherZoneAndReadsTypedTimesInIt() {
    DisplayTime t = new DisplayTime();
    long ticks = Times.parse("2024-03-01T10:00:05.123Z");
    assertEquals("2024-03-01 10:00:05.123", t.format(ticks));
    assertEquals(ticks - 1_230_000L, t.parse("2024-03-01 10:00:05"));
    t.zoneProperty().set(ZoneId.of("Europe/Berlin"));
    assertEquals("2024-03-01 11:00:05.123", t.format(ticks));
    assertEquals(Times.parse("2024-03-01T10:00:00Z"), t.parse("2024-03-01 11:00"));
    assertEquals(Times.parse("2024-03-01T10:00:00Z"), t.parse("2024-03-01T10:00:00Z"), "an explicit offset wins");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.parse("yesterday"));
    assertTrue(e.getMessage().contains("Europe/Berlin"), e.getMessage());
  }

  @Test
  void exportWritesTheViewSafelyAndNeverOverAnInput() throws Exception {
    Path out = dir.resolve("view.csv");
    int n = GridView.writeCsv(out, ROWS, new int[] {3, 0}, COLS, EvidenceGuard.NONE, new CancellationToken());
    assertEquals(2, n);
    List<String> lines = Files.readAllLines(out);
    assertEquals("Host,Image,Risk,Time (UTC)", lines.get(0));
    assertEquals("wks-03,'=cmd|' /C calc'!A0,45,2024-03-01T10:00:03.0000000Z", lines.get(1), "formula neutralised, time in UTC");
    Path evidence = dir.resolve("Security.evtx");
    Files.writeString(evidence, "evidence");
    EvidenceGuard guard = EvidenceGuard.ofGiven(List.of(evidence.toString()));
    TriageException e = assertThrows(TriageException.class,
        () -> GridView.writeCsv(evidence, ROWS, new int[] {0}, COLS, guard, new CancellationToken()));
    assertTrue(e.getMessage().startsWith("The CSV export " + evidence + " is"), e.getMessage());
    assertEquals("evidence", Files.readString(evidence));
    Path viaLink = dir.resolve("link.csv");
    Files.createSymbolicLink(viaLink, evidence);
    assertThrows(TriageException.class, () -> GridView.writeCsv(viaLink, ROWS, new int[] {0}, COLS, guard, new CancellationToken()));
    assertEquals("evidence", Files.readString(evidence));
  }

  @Test
  void findListsTheShownRowsWithAMatchSkippingHeaders() {
    int[] rows = {-1, 2, 3, -2, 1, -3, 0};
    assertArrayEquals(new int[] {1, 4}, GridView.findPositions(ROWS, rows, COLS, "system32", new CancellationToken()));
    assertArrayEquals(new int[0], GridView.findPositions(ROWS, rows, COLS, "nothing", new CancellationToken()));
  }

  @Test
  void columnPreferencesSurviveAReload() {
    Path file = dir.resolve("prefs/grid.properties");
    GridPrefs p = new GridPrefs(file);
    assertTrue(p.columns("hits").isEmpty());
    p.setColumns("hits", List.of(new GridPrefs.ColumnPref("time", 150, true), new GridPrefs.ColumnPref("risk", 60, false)));
    GridPrefs again = new GridPrefs(file);
    assertEquals(List.of(new GridPrefs.ColumnPref("time", 150, true), new GridPrefs.ColumnPref("risk", 60, false)), again.columns("hits"));
    assertFalse(Files.exists(dir.resolve("prefs/grid.properties.tmp")));
  }
}
