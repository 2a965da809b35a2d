package org.sysmontriage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.ui.common.Fit;
import org.sysmontriage.ui.common.FxTaskRunner;
import org.sysmontriage.ui.common.Ids;
import org.sysmontriage.ui.common.Styles;
import org.sysmontriage.ui.start.RecentFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A small screen with large text: 1024x700, text three steps larger (Ctrl+= from a text field). */
@ExtendWith(ApplicationExtension.class)
class LayoutUiTest {
  @TempDir static Path home;
  static final String LONG_HOSTS = ".finance.corp.insecurebank.local";
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    smallWindow(stage, home);
  }

  /** A 1024x700 window over the fake engine, with host names as long as real domains give them (alice.insecurebank.local). */
  static org.sysmontriage.ui.shell.ShellViewModel smallWindow(Stage stage, Path home) {
    org.sysmontriage.ui.shell.ShellViewModel vm = TriageWindow.open(stage, new TriageWindow.Parts(new FakeEngine(LONG_HOSTS),
        new FxTaskRunner(), new RecentFiles(home.resolve("recent.json")), Optional.of(home), url -> {}));
    stage.setWidth(1024);
    stage.setHeight(700);
    stage.show();
    return vm;
  }

  /** Opens the fake logs and shows the Hits tab (the window opens on Incidents; a tab behind is laid out when it shows). */
  static TableView<Integer> openHits(FxRobot robot) throws java.util.concurrent.TimeoutException {
    robot.clickOn(Ids.selector(Ids.OPEN_SAMPLES));
    TableView<Integer> table = ShellUiTest.hitsShown(robot, n -> n == 3);
    return table;
  }

  /** Ctrl+= three times with the cursor in the hits' text filter (the keys must work with the cursor in a field). */
  static void textThreeStepsLarger(FxRobot robot) {
    robot.clickOn(Ids.selector(Ids.HITS_TEXT));
    for (int i = 0; i < 3; i++) {
      robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void at1024x700WithTextThreeStepsLargerNothingIsCutOff(FxRobot robot) throws Exception {
    double before = robot.lookup(Ids.selector(Ids.HITS_TEXT)).queryAs(javafx.scene.control.TextField.class).getFont().getSize();
    TableView<Integer> table = openHits(robot);
    textThreeStepsLarger(robot);
    robot.interact(() -> stage.getScene().getRoot().layout());
    double after = robot.lookup(Ids.selector(Ids.HITS_TEXT)).queryAs(javafx.scene.control.TextField.class).getFont().getSize();
    assertTrue(after > before * 1.4, "three steps larger: " + before + " -> " + after);

    List<String> elided = new ArrayList<>();
    for (Node header : table.lookupAll(".column-header")) {
      header.lookupAll(".label").forEach(n -> cutOff((Labeled) n, elided));
    }
    for (Node cell : table.lookupAll(".table-cell")) {
      if (cell.getStyleClass().contains("risk-badge") || isTimeCell(cell)) {
        cutOff((Labeled) cell, elided);
      }
    }
    assertEquals(List.of(), elided, "cut-off headers or risk/time cells");
    // any other cell that cuts its value (the long host names) has the whole value in its tooltip
    int cut = 0;
    for (Node n : table.lookupAll(".table-cell")) {
      if (n instanceof javafx.scene.control.TableCell<?, ?> c && c.isVisible() && !c.isEmpty() && c.getItem() instanceof String whole
          && !whole.isEmpty() && c.lookup(".text") instanceof Text t && !t.getText().equals(whole)) {
        cut++;
        if (!whole.equals(org.sysmontriage.ui.common.CellTip.text(c))) { // the table's tooltip, with this value on hover
          elided.add("cut cell without its value in a tooltip: " + whole + " shown as " + t.getText());
        }
      }
    }
    assertTrue(cut > 0, "the long host names are cut in the hits table at text +3");
    assertEquals(List.of(), elided, "cut cells without a tooltip");

    double timeline = robot.lookup(Ids.selector(Ids.TIMELINE)).query().getLayoutBounds().getHeight();
    assertTrue(timeline >= 120, "timeline height " + timeline);
    TreeSet<Double> centres = new TreeSet<>();
    double height = 0;
    for (String id : List.of(Ids.HITS_TEXT, Ids.HITS_HOST, Ids.HITS_ANALYTIC, Ids.HITS_TECHNIQUE, Ids.HITS_MIN_RISK)) {
      Node n = robot.lookup(Ids.selector(id)).query();
      centres.add(n.localToScene(n.getLayoutBounds()).getCenterY());
      height = Math.max(height, n.getLayoutBounds().getHeight());
    }
    int rows = 0;
    double last = -1e9;
    for (double y : centres) {
      if (y - last > height / 2) {
        rows++;
        last = y;
      }
    }
    assertTrue(rows <= 2, "filters on " + rows + " rows: " + centres);
    List<String> buttons = new ArrayList<>();
    cutOff(robot.lookup("#hits-view-menu").queryAs(Labeled.class), buttons);
    cutOff(robot.lookup(Ids.selector(Ids.HITS_SUMMARY)).queryAs(Labeled.class), buttons); // "3 hits", not "3 h…"
    // the choices read "All hosts", "All techniques" whole, the typed-time fields show their whole prompt
    for (String id : List.of(Ids.HITS_HOST, Ids.HITS_ANALYTIC, Ids.HITS_TECHNIQUE)) {
      ComboBox<?> box = robot.lookup(Ids.selector(id)).queryAs(ComboBox.class);
      Labeled shown = box.getButtonCell();
      cutOff(shown, buttons);
      if (box.minWidth(-1) < Fit.textWidth(shown.getText(), shown.getFont())) { // squeezed, it would read "All t…"
        buttons.add(id + " may shrink to " + box.minWidth(-1) + " px, under its label " + shown.getText());
      }
    }
    for (String id : List.of("hits-time-range", "hits-go-to")) {
      TextField f = robot.lookup("#" + id).queryAs(TextField.class);
      double room = f.getWidth() - f.snappedLeftInset() - f.snappedRightInset();
      if (room < Fit.textWidth(f.getPromptText(), f.getFont())) {
        buttons.add("prompt \"" + f.getPromptText() + "\" in " + room + " px");
      }
    }
    // a hit's details: every tab name whole and in the pane (no overflow menu hiding the last tabs)
    robot.interact(() -> table.getSelectionModel().select(0));
    ShellUiTest.detailsFilled(robot);
    robot.interact(() -> stage.getScene().getRoot().layout());
    FlowPane names = robot.lookup(Ids.selector(Ids.HIT_DETAILS)).lookup("." + Styles.TAB_BAR).queryAs(FlowPane.class);
    TabPane tabs = robot.lookup(Ids.selector(Ids.HIT_DETAILS)).lookup(".tab-pane").queryAs(TabPane.class);
    assertEquals(tabs.getTabs().size(), names.getChildren().size(), "a name for every tab");
    for (Node n : names.getChildren()) {
      cutOff((Labeled) n, buttons);
      if (n.getBoundsInParent().getMaxX() > names.getWidth() + 0.5) {
        buttons.add("tab " + ((Labeled) n).getText() + " ends at " + n.getBoundsInParent().getMaxX() + " in " + names.getWidth() + " px");
      }
    }
    assertTrue(tabs.lookup(".tab-header-area") == null || !tabs.lookup(".tab-header-area").isVisible(), "the tab pane's own header (overflow menu) is hidden");
    // nothing of the details runs past the pane's right edge (a long host in the heading, the tags field), and the
    // field names are whole, wrapped onto a second line in a narrow pane ("Time (..." before)
    Node details = robot.lookup(Ids.selector(Ids.HIT_DETAILS)).query();
    insidePane(details, buttons);
    TableView<?> fields = robot.lookup(Ids.selector(Ids.HIT_DETAILS, Ids.DETAILS_FIELDS)).queryAs(TableView.class);
    java.util.Set<String> fieldNames = new java.util.HashSet<>();
    FieldNameCells.check(fields, buttons, fieldNames); // names on lines between their words, never "Comput / er"
    assertTrue(fieldNames.size() > 0, "field names shown: " + fieldNames);
    // the process tree keeps room for rows in the short pane (its hint, wrapped on four lines, squeezed it to nothing)
    robot.interact(() -> names.getChildren().stream().filter(n -> "Processes".equals(((Labeled) n).getText())).findFirst()
        .ifPresent(n -> ((javafx.scene.control.ButtonBase) n).fire()));
    ShellUiTest.revealed(robot);
    robot.interact(() -> stage.getScene().getRoot().layout());
    Node tree = robot.lookup(Ids.selector(Ids.HIT_DETAILS, Ids.DETAILS_PROCESS_TREE)).query();
    double line = robot.lookup(Ids.selector(Ids.HITS_TEXT)).queryAs(TextField.class).getFont().getSize();
    if (tree.getLayoutBounds().getHeight() < line * 4) {
      buttons.add("process tree " + tree.getLayoutBounds().getHeight() + " px tall at " + line + " px text");
    }
    for (Node n : tree.getParent().getChildrenUnmodifiable()) { // the hint under the tree: one line, the rest in its tooltip
      if (n instanceof Labeled l && l.isVisible() && l.getTooltip() != null && l.getHeight() > l.getFont().getSize() * 2) {
        buttons.add("process tree hint " + l.getHeight() + " px tall at " + l.getFont().getSize() + " px text: " + l.getText());
      }
    }
    // the Related tab: its window label whole (wrapped), the minutes spinner showing its value, times whole
    robot.interact(() -> names.getChildren().stream().filter(n -> "Related".equals(((Labeled) n).getText())).findFirst()
        .ifPresent(n -> ((javafx.scene.control.ButtonBase) n).fire()));
    ShellUiTest.revealed(robot);
    robot.interact(() -> stage.getScene().getRoot().layout());
    TableView<?> related = robot.lookup(Ids.selector(Ids.HIT_DETAILS, Ids.DETAILS_RELATED)).queryAs(TableView.class);
    for (Node n : related.getParent().lookupAll(".label")) {
      if (!insideTable(n, related.getParent())) {
        cutOff((Labeled) n, buttons);
      }
    }
    TextField minutes = robot.lookup(Ids.selector(Ids.HIT_DETAILS, Ids.DETAILS_WINDOW)).queryAs(javafx.scene.control.Spinner.class).getEditor();
    if (minutes.getWidth() - minutes.snappedLeftInset() - minutes.snappedRightInset() < Fit.textWidth("1440", minutes.getFont())) {
      buttons.add("the related window's minutes field is " + minutes.getWidth() + " px at " + minutes.getFont().getSize() + " px text");
    }
    int times = 0;
    for (Node cell : related.lookupAll(".table-cell")) {
      if (cell instanceof javafx.scene.control.TableCell<?, ?> c && c.getTableColumn() == related.getColumns().get(0) && !c.isEmpty() && c.isVisible()) {
        times++;
        cutOff(c, buttons); // "08:09:38.513", not "08:09:3..."
      }
    }
    assertTrue(times > 0, "related events shown");
    robot.interact(() -> names.getChildren().stream().filter(n -> "Fields".equals(((Labeled) n).getText())).findFirst()
        .ifPresent(n -> ((javafx.scene.control.ButtonBase) n).fire()));
    ShellUiTest.revealed(robot);
    robot.interact(() -> stage.getScene().getRoot().layout());
    wholeCells(fields, fields.getColumns().get(1), buttons); // values whole: "2024-03-01T10:00:05.0000000Z", not "2024-03-01T1…"
    // the short pane keeps field rows in sight under the hit's summary and the verdict box (one or two before)
    int rowsShown = rowsInSight(fields);
    if (rowsShown < 4) {
      buttons.add("the Fields table shows " + rowsShown + " rows at text +3 (at least 4, the last with a line in sight)");
    }
    // the heading's long host on lines between its parts, never "WKS-01.finance.corp.insecurebank.l" / "ocal"
    Labeled heading = robot.lookup(Ids.selector(Ids.HIT_DETAILS, Ids.DETAILS_HEADING)).queryAs(Labeled.class);
    assertTrue(heading.getAccessibleText().contains(LONG_HOSTS), heading.getAccessibleText());
    FieldNameCells.one(heading, heading.getAccessibleText(), buttons);
    // the strip above the verdict box (15 % of this short pane) cuts nothing it cannot scroll to
    Node up = heading;
    while (!(up instanceof javafx.scene.control.ScrollPane)) {
      up = up.getParent();
    }
    javafx.scene.control.ScrollPane strip = (javafx.scene.control.ScrollPane) up;
    javafx.geometry.Bounds summary = strip.getContent().getLayoutBounds();
    boolean bar = strip.lookupAll(".scroll-bar").stream().anyMatch(n -> n instanceof javafx.scene.control.ScrollBar b
        && b.getOrientation() == javafx.geometry.Orientation.VERTICAL && b.isVisible());
    if (summary.getHeight() > strip.getViewportBounds().getHeight() + 1 && !bar) {
      buttons.add("the hit's summary is " + summary.getHeight() + " px in a " + strip.getViewportBounds().getHeight() + " px strip without a scroll bar");
    }
    if (summary.getWidth() > strip.getViewportBounds().getWidth() + 1) {
      buttons.add("the hit's summary is " + summary.getWidth() + " px wide in a " + strip.getViewportBounds().getWidth() + " px strip");
    }
    // the ATT&CK cards inside the strip beside its scroll bar, their titles whole ("OS Credential Dumping: LSASS Memory")
    assertTrue(cardsInside(robot.lookup(Ids.selector(Ids.HIT_DETAILS, Ids.DETAILS_TECHNIQUES)).query(), "details at +3", buttons) > 0);

    // the analytics library at the same size: its buttons whole, its page wrapped to the pane (no text out of sight)
    robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT6).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> stage.getScene().getRoot().layout());
    cutOff(robot.lookup(Ids.selector(Ids.LIBRARY_SHOW_ME)).queryAs(Labeled.class), buttons);
    Labeled sampleNote = robot.lookup(Ids.selector(Ids.LIBRARY_SAMPLE)).queryAs(Labeled.class);
    assertTrue(sampleNote.getText().startsWith("No sample log"), sampleNote.getText()); // the longest note: none in this window
    cutOff(sampleNote, buttons); // wrapped beside the buttons, not "No sample log for this analytic in sample..."
    // the ATT&CK cards end beside the page's scroll bar (their right border went under it), their texts whole
    assertTrue(cardsInside(robot.lookup(Ids.selector(Ids.LIBRARY_TECHNIQUES)).query(), "library at +3", buttons) > 0);
    ListView<?> list = robot.lookup(Ids.selector(Ids.LIBRARY_LIST)).queryAs(ListView.class);
    int entries = 0;
    for (Node cell : list.lookupAll(".list-cell")) {
      Labeled l = (Labeled) cell;
      if (l.getText() != null && l.isVisible()) {
        entries++;
        cutOff(l, buttons);
        Node t = l.lookup(".text");
        if (t.localToScene(t.getLayoutBounds()).getMaxX() > list.localToScene(list.getLayoutBounds()).getMaxX() + 0.5) {
          buttons.add("library entry runs past the list: " + l.getText());
        }
        String whole = ((org.sysmontriage.ui.common.WrappingCell<?>) l).wholeText();
        FieldNameCells.one((javafx.scene.control.Cell<?>) l, whole, buttons); // a long word (an analytic's id) between its parts
        if (!whole.equals(org.sysmontriage.ui.common.CellTip.text((javafx.scene.control.Cell<?>) l))) { // the list's tooltip, with this text on hover
          buttons.add("no tooltip on " + l.getText());
        }
      }
    }
    assertTrue(entries > 0, "library entries shown: " + entries);
    // Hosts & users: every header whole and every column inside its table (no column pushed out of sight)
    ShellUiTest.showTab(robot, Ids.TAB_HOSTS);
    robot.interact(() -> stage.getScene().getRoot().layout());
    WaitForAsyncUtils.waitForFxEvents();
    for (String id : List.of(Ids.HOSTS_TABLE, Ids.USERS_TABLE)) {
      TableView<?> t = robot.lookup(Ids.selector(id)).queryAs(TableView.class);
      double right = t.localToScene(t.getLayoutBounds()).getMaxX();
      int headers = 0;
      for (Node header : t.lookupAll(".column-header")) {
        if (header.isVisible() && header instanceof javafx.scene.control.skin.TableColumnHeader h && h.getTableColumn() != null) {
          headers++;
          header.lookupAll(".label").forEach(l -> cutOff((Labeled) l, buttons));
          if (header.localToScene(header.getLayoutBounds()).getMaxX() > right + 0.5) {
            buttons.add(id + " column " + ((Labeled) header.lookup(".label")).getText() + " ends past its table at " + header.localToScene(header.getLayoutBounds()).getMaxX());
          }
        }
      }
      assertEquals(4, headers, id + " headers shown");
      java.util.Set<String> rowNames = new java.util.HashSet<>();
      FieldNameCells.check(t, buttons, rowNames, true); // "insecurebank\Administrator" whole, on lines between its words
      assertTrue(rowNames.stream().anyMatch(n -> n.contains(id.equals(Ids.HOSTS_TABLE) ? LONG_HOSTS : "insecurebank\\")), id + ": " + rowNames);
    }
    // the incidents list: every entry whole (wrapped to the list's width), long host names included
    ShellUiTest.showTab(robot, org.sysmontriage.ui.incidents.IncidentIds.TAB);
    robot.interact(() -> stage.getScene().getRoot().layout());
    WaitForAsyncUtils.waitForFxEvents();
    ListView<?> incidents = robot.lookup(Ids.selector(org.sysmontriage.ui.incidents.IncidentIds.LIST)).queryAs(ListView.class);
    int shown = 0;
    for (Node cell : incidents.lookupAll(".list-cell")) {
      Labeled l = (Labeled) cell;
      if (l.getText() != null && l.isVisible()) {
        shown++;
        String whole = ((org.sysmontriage.ui.common.WrappingCell<?>) l).wholeText();
        assertTrue(whole.contains(LONG_HOSTS), whole);
        FieldNameCells.one((javafx.scene.control.Cell<?>) l, whole, buttons); // a long host on lines between its parts
      }
    }
    assertTrue(shown > 0, "incident entries shown");
    entriesWhole(incidents, buttons);
    assertEquals(List.of(), buttons, "cut-off buttons");

    // six steps larger: the main tab names wrap onto a second row (no overflow menu hiding the last tabs)
    robot.clickOn(Ids.selector(org.sysmontriage.ui.incidents.IncidentIds.LIST));
    for (int i = 0; i < 3; i++) {
      robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
    }
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> stage.getScene().getRoot().layout());
    TabPane main = robot.lookup(Ids.selector(Ids.MAIN_TABS)).queryAs(TabPane.class);
    List<String> mainTabs = new ArrayList<>();
    double right = stage.getScene().getWidth();
    for (javafx.scene.control.Tab tab : main.getTabs()) {
      Node name = stage.getScene().lookup("#" + tab.getId() + org.sysmontriage.ui.common.WrappingTabs.NAME_SUFFIX);
      if (name == null) {
        mainTabs.add("no name button for " + tab.getText());
        continue;
      }
      cutOff((Labeled) name, mainTabs);
      if (name.localToScene(name.getLayoutBounds()).getMaxX() > right + 0.5) {
        mainTabs.add("tab " + tab.getText() + " ends past the window at " + name.localToScene(name.getLayoutBounds()).getMaxX());
      }
    }
    assertTrue(main.getChildrenUnmodifiable().stream().noneMatch(n -> n.getStyleClass().contains("tab-header-area") && n.isVisible()),
        "the main tab pane's own header (overflow menu) is hidden");
    // and the incident entries: a host name longer than the list goes on lines between its parts, never broken inside one
    assertTrue(entriesBetweenParts(robot, org.sysmontriage.ui.incidents.IncidentIds.TAB, incidents, mainTabs) > 0, "incident entries at +6");
    // and the analytics library: an analytic's id between its parts, the "Show me" note wrapped, not cut
    assertTrue(entriesBetweenParts(robot, Ids.TAB_LIBRARY, list, mainTabs) > 0, "library entries at +6");
    cutOff(sampleNote, mainTabs);
    cardsInside(robot.lookup(Ids.selector(Ids.LIBRARY_TECHNIQUES)).query(), "library at +6", mainTabs);
    assertEquals(List.of(), mainTabs, "main tab names, incident and library entries, the Show me note, the ATT&CK cards at text +6");
    robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> stage.getScene().getRoot().layout());
    List<String> normalText = new ArrayList<>();
    cardsInside(robot.lookup(Ids.selector(Ids.LIBRARY_TECHNIQUES)).query(), "library at normal text", normalText);
    assertEquals(List.of(), normalText);
    javafx.scene.control.ScrollPane page = robot.lookup(Ids.selector(Ids.LIBRARY_PAGE)).queryAs(javafx.scene.control.ScrollPane.class);
    double content = page.getContent().getLayoutBounds().getWidth();
    assertTrue(content <= page.getViewportBounds().getWidth() + 1, "library page " + content + " px in a " + page.getViewportBounds().getWidth() + " px pane");
  }

  @Test
  void theStartPageButtonsAreWholeWithTheTextThreeStepsLarger(FxRobot robot) {
    robot.interact(() -> robot.lookup(Ids.selector(Ids.OPEN_FILES)).query().requestFocus());
    for (int i = 0; i < 3; i++) {
      robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
    }
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> stage.getScene().getRoot().layout());
    List<String> cut = new ArrayList<>();
    for (String id : List.of(Ids.OPEN_FILES, Ids.OPEN_FOLDER, Ids.OPEN_SAMPLES, Ids.START_LIBRARY)) {
      Labeled b = robot.lookup(Ids.selector(id)).queryAs(Labeled.class);
      cutOff(b, cut); // "Open folder…", not "Open fo…" (one row of four buttons at +3)
      javafx.geometry.Bounds at = b.localToScene(b.getLayoutBounds());
      if (at.getMinX() < -0.5 || at.getMaxX() > stage.getScene().getWidth() + 0.5) {
        cut.add(b.getText() + " at " + at.getMinX() + ".." + at.getMaxX() + " in a " + stage.getScene().getWidth() + " px window");
      }
    }
    assertEquals(List.of(), cut);
  }

  @Test
  void afterSixStepsLargerAndBackToThreeTheDetailsPaneIsAsWideAsBefore(FxRobot robot) throws Exception {
    TableView<Integer> table = openHits(robot);
    textThreeStepsLarger(robot);
    robot.interact(() -> table.getSelectionModel().select(0));
    ShellUiTest.detailsFilled(robot);
    robot.interact(() -> stage.getScene().getRoot().layout());
    javafx.scene.layout.Region details = robot.lookup(Ids.selector(Ids.HIT_DETAILS)).queryAs(javafx.scene.layout.Region.class);
    double before = details.getWidth();
    robot.clickOn(Ids.selector(Ids.HITS_TEXT));
    for (int i = 0; i < 3; i++) {
      robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
    }
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> stage.getScene().getRoot().layout());
    double pushed = details.getWidth();
    for (int i = 0; i < 3; i++) {
      robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).release(KeyCode.CONTROL);
    }
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> stage.getScene().getRoot().layout());
    assertTrue(pushed < before - 10, "six steps larger push the details pane narrower: " + before + " -> " + pushed + " px");
    assertEquals(before, details.getWidth(), 2, "the details pane back at three steps larger (six steps made it " + pushed + " px)");
    List<String> out = new ArrayList<>();
    insidePane(details, out); // the verdict and tags fields inside it again
    assertEquals(List.of(), out);
  }

  @Test
  void onATallWindowTheIncidentStoryGivesItsStepsAndProcessTreeTheHeight(FxRobot robot) throws Exception {
    robot.interact(() -> {
      stage.setWidth(1600);
      stage.setHeight(1500); // a 3840x2160 screen's text is twice as large: as tall as this at normal text
    });
    robot.clickOn(Ids.selector(Ids.OPEN_SAMPLES));
    ShellUiTest.hitsShown(robot, n -> n == 3);
    ShellUiTest.showTab(robot, org.sysmontriage.ui.incidents.IncidentIds.TAB);
    ListView<?> list = robot.lookup(Ids.selector(org.sysmontriage.ui.incidents.IncidentIds.LIST)).queryAs(ListView.class);
    robot.interact(() -> list.getSelectionModel().select(0));
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> stage.getScene().getRoot().layout());
    Node steps = robot.lookup(Ids.selector(org.sysmontriage.ui.incidents.IncidentIds.STEPS)).query();
    Node tree = robot.lookup(Ids.selector(org.sysmontriage.ui.incidents.IncidentIds.PROCESS_TREE)).query();
    Node up = steps;
    while (!(up instanceof javafx.scene.control.ScrollPane)) {
      up = up.getParent();
    }
    javafx.scene.control.ScrollPane story = (javafx.scene.control.ScrollPane) up;
    double viewport = story.getViewportBounds().getHeight();
    double bottom = tree.getBoundsInParent().getMaxY();
    assertTrue(bottom >= viewport - 20, "the story ends at " + bottom + " px in a " + viewport + " px pane (the rest left empty)");
    double em = robot.lookup(Ids.selector(org.sysmontriage.ui.incidents.IncidentIds.FACTS)).queryAs(Labeled.class).getFont().getSize();
    assertTrue(steps.getLayoutBounds().getHeight() > em * 20, "steps table " + steps.getLayoutBounds().getHeight() + " px at " + em + " px text");
    assertTrue(tree.getLayoutBounds().getHeight() > em * 14, "process tree " + tree.getLayoutBounds().getHeight() + " px at " + em + " px text");
    assertTrue(story.getContent().getLayoutBounds().getHeight() <= viewport + 1, "no scrolling in a tall window");
  }

  /** Each incident entry shown is whole (no "…"), inside the list and no taller than its row. */
  static void entriesWhole(ListView<?> incidents, List<String> out) {
    int shown = 0;
    for (Node cell : incidents.lookupAll(".list-cell")) {
      Labeled l = (Labeled) cell;
      if (l.getText() != null && l.isVisible()) {
        shown++;
        cutOff(l, out);
        Node t = ownText(l);
        javafx.geometry.Bounds tb = t.localToScene(t.getLayoutBounds());
        javafx.geometry.Bounds cb = l.localToScene(l.getLayoutBounds());
        if (tb.getMaxX() > incidents.localToScene(incidents.getLayoutBounds()).getMaxX() + 0.5) {
          out.add("incident entry runs past the list: " + l.getText());
        }
        if (tb.getHeight() > cb.getHeight() + 0.5) {
          out.add("incident entry taller than its row (" + tb.getHeight() + " in " + cb.getHeight() + "): " + l.getText());
        }
      }
    }
    assertTrue(shown > 0, "incident entries shown");
  }

  /** Every visible text, field or choice of {@code pane} ends inside it (a long word or a wide field ran past its right edge). */
  static void insidePane(Node pane, List<String> out) {
    double right = pane.localToScene(pane.getLayoutBounds()).getMaxX();
    for (Node n : pane.lookupAll("*")) {
      if ((n instanceof Labeled || n instanceof javafx.scene.control.TextInputControl || n instanceof javafx.scene.control.ComboBoxBase<?>)
          && shownInScene(n, pane) && !(n instanceof javafx.scene.control.IndexedCell<?>) && !insideTable(n, pane)) {
        double end = n.localToScene(n.getLayoutBounds()).getMaxX();
        if (end > right + 0.5) {
          out.add(n.getClass().getSimpleName() + (n instanceof Labeled l ? " \"" + l.getText() + "\"" : " #" + n.getId()) + " ends at " + end + ", the pane at " + right);
        }
      }
    }
  }

  private static boolean shownInScene(Node n, Node upTo) {
    for (Node p = n; p != null && p != upTo; p = p.getParent()) {
      if (!p.isVisible() || !p.isManaged()) {
        return false;
      }
    }
    return true;
  }

  /** Cells and headers of a table are laid out by the table (it scrolls sideways): they are checked apart. */
  private static boolean insideTable(Node n, Node upTo) {
    for (Node p = n.getParent(); p != null && p != upTo; p = p.getParent()) {
      if (p instanceof TableView<?>) {
        return true;
      }
    }
    return false;
  }

  /** Shows the tab {@code tab} and checks each entry of {@code list} shown: a long word on lines between its parts. */
  private int entriesBetweenParts(FxRobot robot, String tab, ListView<?> list, List<String> out) {
    ShellUiTest.showTab(robot, tab);
    robot.interact(() -> stage.getScene().getRoot().layout());
    WaitForAsyncUtils.waitForFxEvents();
    int shown = 0;
    for (Node cell : list.lookupAll(".list-cell")) {
      if (cell instanceof org.sysmontriage.ui.common.WrappingCell<?> l && l.wholeText() != null && l.isVisible()) {
        shown++;
        FieldNameCells.one(l, l.wholeText(), out);
      }
    }
    return shown;
  }

  /**
   * Every ATT&CK card of {@code cards} ends inside the viewport of the page that scrolls it (beside its scroll bar), and
   * its texts are whole and inside it; returns how many cards there are.
   */
  static int cardsInside(Node cards, String where, List<String> out) {
    Node up = cards;
    while (!(up instanceof javafx.scene.control.ScrollPane)) {
      up = up.getParent();
    }
    Node viewport = up.lookup(".viewport");
    double right = viewport.localToScene(viewport.getLayoutBounds()).getMaxX();
    List<Node> shown = ((javafx.scene.Parent) cards).getChildrenUnmodifiable().stream().filter(Node::isVisible).toList();
    for (Node card : shown) {
      javafx.geometry.Bounds c = card.localToScene(card.getLayoutBounds());
      if (c.getMaxX() > right + 0.5) {
        out.add(where + ": an ATT&CK card ends at " + c.getMaxX() + ", the page's viewport at " + right);
      }
      for (Node n : card.lookupAll(".label")) {
        cutOff((Labeled) n, out);
        Node t = ownText((Labeled) n);
        javafx.geometry.Bounds b = t.localToScene(t.getLayoutBounds());
        if (b.getMaxX() > c.getMaxX() + 0.5 || b.getMaxY() > c.getMaxY() + 0.5) {
          out.add(where + ": \"" + ((Labeled) n).getText() + "\" runs out of its card (" + b + " in " + c + ")");
        }
      }
    }
    return shown.size();
  }

  /** Rows of {@code table} in sight: at least a line of text (1.2 ems of the row's font) of each inside the table's body. */
  static int rowsInSight(TableView<?> table) {
    javafx.geometry.Bounds body = table.lookup(".virtual-flow").localToScene(table.lookup(".virtual-flow").getLayoutBounds());
    int n = 0;
    for (Node r : table.lookupAll(".table-row-cell")) {
      if (r instanceof javafx.scene.control.TableRow<?> row && row.isVisible() && !row.isEmpty()) {
        javafx.geometry.Bounds b = row.localToScene(row.getLayoutBounds());
        double shown = Math.min(b.getMaxY(), body.getMaxY()) - Math.max(b.getMinY(), body.getMinY());
        if (shown >= Math.min(b.getHeight(), row.getFont().getSize() * 1.2)) {
          n++;
        }
      }
    }
    return n;
  }

  /** Each shown cell of {@code column} has its whole value as text (wrapped, not cut), inside the cell. */
  private static void wholeCells(TableView<?> table, javafx.scene.control.TableColumn<?, ?> column, List<String> out) {
    for (Node node : table.lookupAll(".table-cell")) {
      if (node instanceof javafx.scene.control.TableCell<?, ?> c && c.getTableColumn() == column && !c.isEmpty() && c.getItem() != null && c.isVisible()) {
        String value = c.getItem().toString();
        javafx.geometry.Bounds cell = c.localToScene(c.getLayoutBounds());
        List<Text> texts = c.lookupAll("*").stream().filter(t -> t instanceof Text && t.isVisible()).map(t -> (Text) t).toList();
        // whole: the value with at most line breaks put between the parts of a long word
        if (texts.stream().noneMatch(t -> t.getText().replace("\n", "").equals(value.replace("\n", "")))) {
          out.add("cell " + value + " shown as " + texts.stream().map(Text::getText).toList());
          continue;
        }
        FieldNameCells.value(c, value, out); // "2019-06-21T" / "07:35:37.1010000Z", never "2019-06-21T0" / "7:35..."
        // no row taller than its tallest text (a row measured before its column had a width stayed 200 px tall)
        double tallest = c.getParent().lookupAll("." + org.sysmontriage.ui.common.WrapTextCell.TEXT).stream()
            .mapToDouble(t -> t.getLayoutBounds().getHeight()).max().orElse(0);
        if (cell.getHeight() > tallest + c.getFont().getSize() * 3) {
          out.add("cell " + value + " is " + cell.getHeight() + " px tall for " + tallest + " px of text in its row");
        }
        for (Text t : texts) {
          javafx.geometry.Bounds b = t.localToScene(t.getLayoutBounds());
          if (b.getMaxX() > cell.getMaxX() + 0.5 || b.getMaxY() > cell.getMaxY() + 0.5) {
            out.add("cell " + value + " runs out of its cell (" + b + " in " + cell + ")");
          }
        }
      }
    }
  }

  private static boolean isTimeCell(Node cell) {
    return cell instanceof javafx.scene.control.TableCell<?, ?> c && c.getTableColumn() != null
        && "hits-col-time".equals(c.getTableColumn().getId());
  }

  static void cutOff(Labeled l, List<String> out) {
    if (l.getText() == null || l.getText().isEmpty() || !l.isVisible()) {
      return;
    }
    Node t = ownText(l);
    if (t instanceof Text text && !text.getText().equals(l.getText())) {
      out.add(l.getText() + " shown as " + text.getText());
    }
  }

  /** The text a labeled shows (not the text of a link it has as its graphic, found first by a lookup). */
  static Node ownText(Labeled l) {
    return l.getChildrenUnmodifiable().stream().filter(n -> n instanceof Text && n.getStyleClass().contains("text")).findFirst().orElse(l.lookup(".text"));
  }
}
