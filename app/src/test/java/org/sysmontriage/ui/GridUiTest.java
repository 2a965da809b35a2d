package org.sysmontriage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.ui.common.FxTaskRunner;
import org.sysmontriage.ui.common.Ids;
import org.sysmontriage.ui.grid.GridView;
import org.sysmontriage.ui.hits.HitTable;
import org.sysmontriage.ui.shell.ShellViewModel;
import org.sysmontriage.ui.start.RecentFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The hits and events grids as an analyst drives them from the keyboard and the mouse. */
@ExtendWith(ApplicationExtension.class)
class GridUiTest {
  @TempDir static Path home;
  @TempDir static Path outside;
  private ShellViewModel vm;
  private TableView<Integer> table;

  @BeforeAll
  static void ownPreferences() {
    System.setProperty("sysmontriage.home", home.resolve("settings").toString());
  }

  @Start
  void start(Stage stage) {
    vm = TriageWindow.open(stage, new TriageWindow.Parts(new FakeEngine(), new FxTaskRunner(),
        new RecentFiles(home.resolve("recent.json")), Optional.of(home), url -> {}));
    stage.setWidth(1260);
    stage.setHeight(780);
    stage.show();
  }

  private void open(FxRobot robot) throws Exception {
    robot.clickOn(Ids.selector(Ids.OPEN_SAMPLES));
    table = ShellUiTest.hitsShown(robot, n -> n == 3); // the window opens on Incidents after an import
  }

  private String summary(FxRobot robot) {
    return robot.lookup(Ids.selector(Ids.HITS_SUMMARY)).queryAs(Label.class).getText();
  }

  private Node cell(FxRobot robot, String columnKey, int index) {
    return robot.lookup(Ids.selector(Ids.HITS_TABLE) + " .table-cell").match(n -> n instanceof javafx.scene.control.TableCell<?, ?> c
        && c.getTableColumn() != null && ("hits-col-" + columnKey).equals(c.getTableColumn().getId()) && c.getIndex() == index).query();
  }

  private String text(int row, String columnKey) {
    GridView<HitTable> g = GridView.of(table);
    return g.model().text(g.model().column(columnKey), table.getItems().get(row));
  }

  @Test
  void theFilterRowNarrowsPerColumnAndSaysWhenARegexIsWrong(FxRobot robot) throws Exception {
    open(robot);
    robot.clickOn("#hits-filter-host").write("srv");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(1, table.getItems().size());
    assertEquals("SRV-02", text(0, "host"));
    robot.eraseText(3).write("=wks-01");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(2, table.getItems().size());
    robot.clickOn("#hits-filter-risk").write(">=60");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("1 of 3 hits", summary(robot));
    TextField process = robot.lookup("#hits-filter-process").queryAs(TextField.class);
    robot.interact(() -> process.setText("/(rundll/"));
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(process.getStyleClass().contains("danger"));
    assertTrue(process.getTooltip().getText().startsWith("Not a valid regular expression"), process.getTooltip().getText());
    assertEquals(1, table.getItems().size(), "a broken filter leaves the rows as they were");
    robot.clickOn(Ids.selector(Ids.HITS_CLEAR));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(3, table.getItems().size());
    assertEquals("", robot.lookup("#hits-filter-host").queryAs(TextField.class).getText());
  }

  @Test
  void rightClickFiltersOnAValueOrExcludesIt(FxRobot robot) throws Exception {
    open(robot);
    robot.clickOn(cell(robot, "host", 0));
    robot.press(KeyCode.SHIFT).type(KeyCode.F10).release(KeyCode.SHIFT); // the menu key opens the right-click menu
    robot.clickOn("Exclude this value");
    WaitForAsyncUtils.waitForFxEvents();
    String excluded = text(0, "host");
    assertEquals(1, table.getItems().size(), "WKS-01 excluded, SRV-02 left");
    assertEquals("SRV-02", excluded);
    robot.clickOn(Ids.selector(Ids.HITS_CLEAR));
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn(cell(robot, "analytic", 0));
    robot.press(KeyCode.SHIFT).type(KeyCode.F10).release(KeyCode.SHIFT);
    robot.clickOn(n -> n instanceof javafx.scene.control.Labeled l && l.getText() != null && l.getText().startsWith("Filter on this value"));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(1, table.getItems().size());
    assertTrue(robot.lookup("#hits-filter-analytic").queryAs(TextField.class).getText().startsWith("="));
  }

  /** The header of a column, clicked on its title (the filter field below it takes clicks for typing). */
  private Node headerTitle(FxRobot robot, String columnKey) {
    return robot.lookup(Ids.selector(Ids.HITS_TABLE) + " .column-header").match(n -> n instanceof javafx.scene.control.skin.TableColumnHeader h
        && h.getTableColumn() != null && ("hits-col-" + columnKey).equals(h.getTableColumn().getId())).query().lookup(".label");
  }

  @Test
  void shiftClickOnAHeaderAddsASortKeyBehindTheFirst(FxRobot robot) throws Exception {
    open(robot);
    robot.clickOn(headerTitle(robot, "host"));
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of("SRV-02", "WKS-01", "WKS-01"), List.of(text(0, "host"), text(1, "host"), text(2, "host")), "by host");
    robot.press(KeyCode.SHIFT).clickOn(headerTitle(robot, "risk")).release(KeyCode.SHIFT);
    WaitForAsyncUtils.waitForFxEvents();
    // host first, then risk within a host: 63 (SRV-02), then WKS-01's 20 and 80 (by risk alone it would be 20, 63, 80)
    assertEquals(List.of("SRV-02 63", "WKS-01 20", "WKS-01 80"), rows(), "host, then risk ascending");
    assertEquals(List.of("hits-col-host", "hits-col-risk"), table.getSortOrder().stream().map(TableColumn::getId).toList());
    robot.press(KeyCode.SHIFT).clickOn(headerTitle(robot, "risk")).release(KeyCode.SHIFT);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of("SRV-02 63", "WKS-01 80", "WKS-01 20"), rows(), "host, then risk descending");
    robot.clickOn(headerTitle(robot, "risk")); // a click without Shift sorts by that column alone
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(List.of("hits-col-risk"), table.getSortOrder().stream().map(TableColumn::getId).toList());
  }

  private List<String> rows() {
    return java.util.stream.IntStream.range(0, table.getItems().size()).mapToObj(i -> text(i, "host") + " " + text(i, "risk")).toList();
  }

  @Test
  void theSourcesTabShowsEachLogByItsNameFirst(FxRobot robot) throws Exception {
    open(robot);
    ShellUiTest.showTab(robot, Ids.TAB_SOURCES);
    TableView<?> sources = robot.lookup(Ids.selector(Ids.SOURCES_TABLE)).queryAs(TableView.class);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !sources.getItems().isEmpty());
    List<String> headers = robot.lookup(Ids.selector(Ids.SOURCES_TABLE) + " .column-header").queryAll().stream()
        .filter(n -> n instanceof javafx.scene.control.skin.TableColumnHeader h && h.getTableColumn() != null && n.isVisible())
        .sorted(java.util.Comparator.comparingDouble(n -> n.localToScene(n.getLayoutBounds()).getMinX()))
        .map(n -> ((javafx.scene.control.skin.TableColumnHeader) n).getTableColumn().getText()).toList();
    assertEquals(List.of("Log", "Format", "Dialect", "Events", "Skipped", "Size", "Path", "SHA-256"), headers, "left to right");
    javafx.scene.control.TableCell<?, ?> first = robot.lookup(Ids.selector(Ids.SOURCES_TABLE) + " .table-cell").match(n -> n instanceof javafx.scene.control.TableCell<?, ?> c
        && c.getIndex() == 0 && c.getTableColumn() == sources.getColumns().get(0)).query();
    assertEquals("fixture.json", first.getItem());
  }

  @Test
  void rightClickCopiesTheCellOrItsRow(FxRobot robot) throws Exception {
    open(robot);
    robot.clickOn(cell(robot, "host", 0));
    String host = text(0, "host");
    robot.press(KeyCode.SHIFT).type(KeyCode.F10).release(KeyCode.SHIFT);
    robot.clickOn("Copy");
    AtomicReference<String> copied = new AtomicReference<>();
    robot.interact(() -> copied.set(Clipboard.getSystemClipboard().getString()));
    assertEquals(host, copied.get(), "the cell's value");
    robot.press(KeyCode.SHIFT).type(KeyCode.F10).release(KeyCode.SHIFT);
    robot.clickOn("Copy row");
    robot.interact(() -> copied.set(Clipboard.getSystemClipboard().getString()));
    String[] cells = copied.get().split("\t", -1);
    assertEquals(org.sysmontriage.ui.hits.HitColumn.values().length, cells.length, "every visible column of the row: " + copied.get());
    assertTrue(java.util.Arrays.asList(cells).contains(host), copied.get());
    assertTrue(java.util.Arrays.asList(cells).contains(text(0, "time")), copied.get());
  }

  @Test
  void ctrlCCopiesTheSelectedRowsAsTsv(FxRobot robot) throws Exception {
    open(robot);
    robot.interact(() -> table.getSelectionModel().selectRange(0, 2));
    robot.clickOn(cell(robot, "status", 1), javafx.scene.input.MouseButton.PRIMARY);
    robot.interact(() -> table.getSelectionModel().selectRange(0, 2));
    robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);
    AtomicReference<String> copied = new AtomicReference<>();
    robot.interact(() -> copied.set(Clipboard.getSystemClipboard().getString()));
    String[] lines = copied.get().split("\n");
    assertEquals(3, lines.length, copied.get());
    assertTrue(lines[0].startsWith("★\tRisk\tStatus\tTime (UTC)\tHost"), lines[0]);
    assertEquals(org.sysmontriage.ui.hits.HitColumn.values().length, lines[1].split("\t", -1).length, "every visible column, tab separated");
    assertTrue(lines[1].contains("\tWKS-01\t"), lines[1]);
  }

  @Test
  void exportWritesTheFilteredViewAsCsv(FxRobot robot) throws Exception {
    open(robot);
    robot.clickOn("#hits-filter-host").write("wks");
    WaitForAsyncUtils.waitForFxEvents();
    Path refused = home.resolve("view.csv"); // the sample logs' folder is evidence
    robot.interact(() -> GridView.<HitTable>of(table).exportCsv(refused, p -> {}));
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.noticeProperty().get().contains("inside the input folder"));
    assertFalse(Files.exists(refused));
    Path out = outside.resolve("view.csv");
    AtomicReference<Path> done = new AtomicReference<>();
    robot.interact(() -> GridView.<HitTable>of(table).exportCsv(out, done::set));
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> done.get() != null);
    List<String> lines = Files.readAllLines(out);
    assertEquals(3, lines.size(), "header and the two WKS-01 hits");
    assertTrue(lines.get(0).startsWith("★,Risk,Status,Time (UTC),Host"), lines.get(0));
    assertTrue(lines.get(1).contains(",2024-03-01T10:00:0"), "times in full UTC: " + lines.get(1));
    assertTrue(lines.stream().skip(1).allMatch(l -> l.contains(",WKS-01,")));
  }

  @Test
  void groupsCollapseAndExpandFromTheKeyboard(FxRobot robot) throws Exception {
    open(robot);
    robot.clickOn(cell(robot, "host", 0));
    robot.press(KeyCode.SHIFT).type(KeyCode.F10).release(KeyCode.SHIFT);
    robot.clickOn("Group by Host");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(5, table.getItems().size(), "two headers and three hits");
    Label header = (Label) robot.lookup(".group-header-label").queryAll().stream()
        .filter(n -> n.isVisible() && ((Label) n).getText().contains("Host: WKS-01")).findFirst().orElseThrow();
    assertTrue(header.getText().endsWith("(2)"), header.getText());
    int at = table.getItems().indexOf(-2);
    robot.interact(() -> table.getSelectionModel().clearAndSelect(at));
    robot.clickOn(header);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(3, table.getItems().size(), "WKS-01 collapsed");
    assertEquals("3 hits", summary(robot), "collapsed hits still pass the filters");
    robot.interact(() -> table.getSelectionModel().clearAndSelect(table.getItems().indexOf(-2)));
    robot.interact(table::requestFocus);
    robot.type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(5, table.getItems().size(), "Enter on a header expands it");
  }

  @Test
  void theTimeZoneChangesTheDisplayOnly(FxRobot robot) throws Exception {
    open(robot);
    robot.interact(() -> table.getSelectionModel().clearAndSelect(0));
    String utc = text(0, "time");
    robot.interact(() -> GridView.of(table).setZone(java.time.ZoneId.of("Asia/Tokyo")));
    WaitForAsyncUtils.waitForFxEvents();
    String tokyo = text(0, "time");
    assertEquals(utc.substring(0, 11) + String.format("%02d", Integer.parseInt(utc.substring(11, 13)) + 9) + utc.substring(13), tokyo);
    assertTrue(robot.lookup(".column-header .label").match(n -> "Time (Asia/Tokyo)".equals(((Label) n).getText())).tryQuery().isPresent());
    assertEquals(utc, vm.hits().table().time(table.getItems().get(0)), "the evidence stays UTC");
    assertEquals("Asia/Tokyo", new org.sysmontriage.ui.grid.GridPrefs(home.resolve("settings/grid.properties")).get("display.zone", ""),
        "kept for the next session");
    robot.clickOn("#hits-time-range").write("2024-03-01 19:00 .. 2024-03-01 19:01").type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(2, table.getItems().size(), "10:00:05 and 10:00:07 UTC are 19:00 in Tokyo");
    robot.interact(() -> GridView.of(table).setZone(java.time.ZoneOffset.UTC));
  }

  @Test
  void goToTimeSelectsTheNearestRow(FxRobot robot) throws Exception {
    open(robot);
    robot.clickOn("#hits-go-to").write("2024-03-01 12:00").type(KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(Integer.valueOf(1), table.getSelectionModel().getSelectedItem(), "12:30 on SRV-02 is nearest");
  }

  @Test
  void aCellValueIsAllowlistedFromTheKeyboard(FxRobot robot) throws Exception {
    open(robot);
    robot.interact(() -> table.getSelectionModel().clearAndSelect(table.getItems().indexOf(1)));
    robot.interact(table::requestFocus);
    while (!"process".equals(GridView.of(table).cursorColumn().key())) {
      robot.type(KeyCode.RIGHT);
    }
    robot.type(KeyCode.A);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
    assertTrue(vm.noticeProperty().get().contains("SourceImage = C:\\Windows\\System32\\rundll32.exe"), vm.noticeProperty().get());
  }

  @Test
  void findHighlightsMatchesAndSteps(FxRobot robot) throws Exception {
    open(robot);
    robot.interact(table::requestFocus);
    robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
    TextField find = robot.lookup("#hits-find").queryAs(TextField.class);
    assertTrue(find.isFocused());
    robot.write("wks-01");
    WaitForAsyncUtils.waitForFxEvents();
    Label count = robot.lookup("#hits-find-count").queryAs(Label.class);
    assertEquals("1 of 2 rows", count.getText());
    int first = table.getSelectionModel().getSelectedIndex();
    robot.type(KeyCode.ENTER);
    assertEquals("2 of 2 rows", count.getText());
    assertTrue(table.getSelectionModel().getSelectedIndex() != first);
    robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
    assertEquals(first, table.getSelectionModel().getSelectedIndex());
    assertFalse(robot.lookup(".table-cell.find-hit").queryAll().isEmpty(), "matching cells are highlighted");
    robot.type(KeyCode.ESCAPE);
    assertTrue(robot.lookup(".table-cell.find-hit").queryAll().isEmpty());
  }

  @Test
  void aStarIsKeptInTheCaseAndShownInBothGrids(FxRobot robot) throws Exception {
    open(robot);
    robot.interact(() -> table.getSelectionModel().clearAndSelect(0));
    robot.interact(table::requestFocus);
    int h = table.getItems().get(0);
    robot.press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("★", text(0, "bookmark"));
    assertTrue(vm.caseWork().triage(h).tags().contains(HitTable.BOOKMARK));
    assertTrue(vm.caseWork().dirtyProperty().get());
    robot.clickOn("#hits-filter-bookmark").write("★");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(1, table.getItems().size(), "the starred rows alone");
    TableView<Integer> events = robot.lookup(Ids.selector(Ids.EVENTS_TABLE)).queryTableView();
    GridView<org.sysmontriage.event.EventStore> eg = GridView.of(events);
    int event = vm.hits().table().event(h);
    assertEquals("★", eg.model().text(eg.model().column("bookmark"), event));
  }

  /** The hits table of a new window over the same application folder (the next session), closed again; {@code save}: its columns saved first. */
  private TableView<Integer> nextSessionsTable(FxRobot robot, String recent, boolean save) {
    AtomicReference<TableView<Integer>> out = new AtomicReference<>();
    robot.interact(() -> {
      Stage second = new Stage();
      TriageWindow.open(second, new TriageWindow.Parts(new FakeEngine(), new FxTaskRunner(),
          new RecentFiles(home.resolve(recent)), Optional.of(home), url -> {}));
      second.show();
      @SuppressWarnings("unchecked")
      TableView<Integer> t = (TableView<Integer>) second.getScene().lookup(Ids.selector(Ids.HITS_TABLE));
      out.set(t);
      if (save) {
        GridView.of(t).saveColumns();
      }
      second.close();
    });
    return out.get();
  }

  @Test
  void theColumnChooserIsKeptBetweenSessions(FxRobot robot) throws Exception {
    open(robot);
    robot.interact(() -> {
      table.getColumns().stream().filter(c -> "hits-col-tactic".equals(c.getId())).findFirst().orElseThrow().setVisible(false); // the chooser's check box
      TableColumn<Integer, ?> host = table.getColumns().stream().filter(c -> "hits-col-host".equals(c.getId())).findFirst().orElseThrow();
      table.getColumns().remove(host); // what dragging a header does
      table.getColumns().add(0, host);
      host.setPrefWidth(222);
      GridView.of(table).saveColumns();
    });
    assertFalse(table.getColumns().stream().filter(c -> "hits-col-tactic".equals(c.getId())).findFirst().orElseThrow().isVisible());
    TableView<Integer> t = nextSessionsTable(robot, "recent2.json", false);
    assertEquals("hits-col-host", t.getColumns().get(0).getId());
    assertEquals(222, t.getColumns().get(0).getPrefWidth(), 1);
    assertFalse(t.getColumns().stream().filter(c -> "hits-col-tactic".equals(c.getId())).findFirst().orElseThrow().isVisible());
    assertEquals(new org.sysmontriage.ui.grid.GridPrefs.ColumnPref("host", 222, true),
        new org.sysmontriage.ui.grid.GridPrefs(home.resolve("settings/grid.properties")).columns("hits").get(0));
    robot.interact(() -> {
      table.getColumns().forEach(c -> c.setVisible(true));
      GridView.of(table).saveColumns();
    });
  }

  @Test
  void anEventThatIsNoHitIsStarredInTheEventsViewAndTheCaseFileKeepsIt(FxRobot robot) throws Exception {
    open(robot);
    robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
    TableView<Integer> events = robot.lookup(Ids.selector(Ids.EVENTS_TABLE)).queryTableView();
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !events.getItems().isEmpty()); // its rows come when the tab shows
    WaitForAsyncUtils.waitForFxEvents();
    org.sysmontriage.event.EventStore store = vm.events().store();
    int row = -1;
    for (int i = 0; i < events.getItems().size() && row < 0; i++) {
      if (vm.hits().table().hitOfEvent(events.getItems().get(i)) < 0) {
        row = i;
      }
    }
    assertTrue(row >= 0, "the fixture has events that are no hit");
    int event = events.getItems().get(row);
    int at = row;
    robot.interact(() -> {
      events.getSelectionModel().clearAndSelect(at);
      events.requestFocus();
    });
    robot.press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    GridView<org.sysmontriage.event.EventStore> eg = GridView.of(events);
    assertEquals("★", eg.model().text(eg.model().column("bookmark"), event));
    String key = org.sysmontriage.casefile.EventKey.of(store, event).text();
    assertEquals(List.of(key), vm.caseWork().caseFileProperty().get().bookmarks());
    assertTrue(vm.caseWork().dirtyProperty().get(), "a star is unsaved work");

    Path file = home.resolve("starred.sysmon-case.json");
    org.sysmontriage.casefile.CaseFiles.save(file, vm.caseWork().caseFileProperty().get(), org.sysmontriage.casefile.EvidenceGuard.NONE);
    assertEquals(List.of(key), org.sysmontriage.casefile.CaseFiles.load(file).bookmarks(), "the case file keeps the star");

    robot.press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("", eg.model().text(eg.model().column("bookmark"), event));
    assertEquals(List.of(), vm.caseWork().caseFileProperty().get().bookmarks());
  }

  @Test
  void widthsSavedWithLargeTextAreKeptAsAtNormalSize(FxRobot robot) throws Exception {
    open(robot);
    TableColumn<Integer, ?> host = table.getColumns().stream().filter(c -> "hits-col-host".equals(c.getId())).findFirst().orElseThrow();
    double normal = host.getPrefWidth();
    robot.clickOn(Ids.selector(Ids.HITS_TEXT));
    for (int i = 0; i < 3; i++) {
      robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
    }
    WaitForAsyncUtils.waitForFxEvents();
    double large = host.getPrefWidth();
    assertTrue(large > normal * 1.4, "the column grew with the text: " + normal + " -> " + large);
    robot.interact(() -> GridView.of(table).saveColumns());
    double saved = new org.sysmontriage.ui.grid.GridPrefs(home.resolve("settings/grid.properties")).columns("hits").stream()
        .filter(c -> c.key().equals("host")).findFirst().orElseThrow().width();
    assertEquals(normal, saved, 2, "saved as at normal text size (a width saved at +3 would grow again at the next start)");
    robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> GridView.of(table).saveColumns());
  }

  @Test
  void widthsSavedOnANormalScreenAreWidenedOnA4kScreen(FxRobot robot) throws Exception {
    org.sysmontriage.ui.grid.GridPrefs prefs = new org.sysmontriage.ui.grid.GridPrefs(home.resolve("settings/grid.properties"));
    prefs.setColumns("hits", List.of(new org.sysmontriage.ui.grid.GridPrefs.ColumnPref("host", 150, true),
        new org.sysmontriage.ui.grid.GridPrefs.ColumnPref("time", 160, true)));
    double normal = org.sysmontriage.ui.common.Em.size();
    TableView<Integer> big;
    try {
      org.sysmontriage.ui.common.Em.setSize(normal * 2); // what fitScreen picks on a 3840x2160 screen at 100 %
      big = nextSessionsTable(robot, "recent4k.json", true);
    } finally {
      org.sysmontriage.ui.common.Em.setSize(normal);
    }
    TableColumn<Integer, ?> host = big.getColumns().stream().filter(c -> "hits-col-host".equals(c.getId())).findFirst().orElseThrow();
    assertEquals(300, host.getPrefWidth(), 1, "a width saved on a normal screen, twice as wide where the text is twice as large");
    assertEquals(150, new org.sysmontriage.ui.grid.GridPrefs(home.resolve("settings/grid.properties")).columns("hits").stream()
        .filter(c -> c.key().equals("host")).findFirst().orElseThrow().width(), 1, "and saved back as on a normal screen");
  }

  @Test
  void theEventsViewHasTheSameFilterRowAndGrouping(FxRobot robot) throws Exception {
    open(robot);
    robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
    TableView<Integer> events = robot.lookup(Ids.selector(Ids.EVENTS_TABLE)).queryTableView();
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> events.getItems().size() == 7);
    robot.clickOn("#events-filter-eventid").write("=10 · Process access");
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(2, events.getItems().size());
    GridView<org.sysmontriage.event.EventStore> g = GridView.of(events);
    robot.interact(() -> g.model().update(s -> s.withGroupBy("host")));
    assertEquals(4, events.getItems().size(), "SRV-02 and WKS-01 headers, one event each");
    robot.interact(() -> events.getSelectionModel().clearAndSelect(1));
    robot.interact(events::requestFocus);
    robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);
    AtomicReference<String> copied = new AtomicReference<>();
    robot.interact(() -> copied.set(Clipboard.getSystemClipboard().getString()));
    assertTrue(copied.get().startsWith("★\tTime (UTC)\tEventID\tHost\tWhat"), copied.get());
  }
}
