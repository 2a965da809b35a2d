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
    robot.interact(() -> names.getChildren().stream().filter(n -> "Fields".equals(((Labeled) n).getText())).findFirst()
        .ifPresent(n -> ((javafx.scene.control.ButtonBase) n).fire()));
    ShellUiTest.revealed(robot);
    robot.interact(() -> stage.getScene().getRoot().layout());
    wholeCells(fields, fields.getColumns().get(1), buttons); // values whole: "2024-03-01T10:00:05.0000000Z", not "2024-03-01T1…"

    // the analytics library at the same size: its buttons whole, its page wrapped to the pane (no text out of sight)
    robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT6).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> stage.getScene().getRoot().layout());
    cutOff(robot.lookup(Ids.selector(Ids.LIBRARY_SHOW_ME)).queryAs(Labeled.class), buttons);
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
        if (!l.getText().equals(org.sysmontriage.ui.common.CellTip.text((javafx.scene.control.Cell<?>) l))) { // the list's tooltip, with this text on hover
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
        assertTrue(l.getText().contains(LONG_HOSTS), l.getText());
        cutOff(l, buttons);
        Node t = l.lookup(".text");
        javafx.geometry.Bounds tb = t.localToScene(t.getLayoutBounds());
        javafx.geometry.Bounds cb = l.localToScene(l.getLayoutBounds());
        if (tb.getMaxX() > incidents.localToScene(incidents.getLayoutBounds()).getMaxX() + 0.5) {
          buttons.add("incident entry runs past the list: " + l.getText());
        }
        if (tb.getHeight() > cb.getHeight() + 0.5) {
          buttons.add("incident entry taller than its row (" + tb.getHeight() + " in " + cb.getHeight() + "): " + l.getText());
        }
      }
    }
    assertTrue(shown > 0, "incident entries shown");
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
    assertEquals(List.of(), mainTabs, "main tab names at text +6");
    robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    javafx.scene.control.ScrollPane page = robot.lookup(Ids.selector(Ids.LIBRARY_PAGE)).queryAs(javafx.scene.control.ScrollPane.class);
    double content = page.getContent().getLayoutBounds().getWidth();
    assertTrue(content <= page.getViewportBounds().getWidth() + 1, "library page " + content + " px in a " + page.getViewportBounds().getWidth() + " px pane");
  }

  /** Every visible text, field or choice of {@code pane} ends inside it (a long word or a wide field ran past its right edge). */
  private static void insidePane(Node pane, List<String> out) {
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

  /** Each shown cell of {@code column} has its whole value as text (wrapped, not cut), inside the cell. */
  private static void wholeCells(TableView<?> table, javafx.scene.control.TableColumn<?, ?> column, List<String> out) {
    for (Node node : table.lookupAll(".table-cell")) {
      if (node instanceof javafx.scene.control.TableCell<?, ?> c && c.getTableColumn() == column && !c.isEmpty() && c.getItem() != null && c.isVisible()) {
        String value = c.getItem().toString();
        javafx.geometry.Bounds cell = c.localToScene(c.getLayoutBounds());
        List<Text> texts = c.lookupAll("*").stream().filter(t -> t instanceof Text && t.isVisible()).map(t -> (Text) t).toList();
        if (texts.stream().noneMatch(t -> t.getText().equals(value))) {
          out.add("cell " + value + " shown as " + texts.stream().map(Text::getText).toList());
          continue;
        }
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

  private static void cutOff(Labeled l, List<String> out) {
    if (l.getText() == null || l.getText().isEmpty() || !l.isVisible()) {
      return;
    }
    Node t = l.lookup(".text");
    if (t instanceof Text text && !text.getText().equals(l.getText())) {
      out.add(l.getText() + " shown as " + text.getText());
    }
  }
}
