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
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    TriageWindow.open(stage, new TriageWindow.Parts(new FakeEngine(), new FxTaskRunner(),
        new RecentFiles(home.resolve("recent.json")), Optional.of(home), url -> {}));
    stage.setWidth(1024);
    stage.setHeight(700);
    stage.show();
  }

  @Test
  void at1024x700WithTextThreeStepsLargerNothingIsCutOff(FxRobot robot) throws Exception {
    robot.clickOn(Ids.selector(Ids.OPEN_SAMPLES));
    TableView<Integer> table = robot.lookup(Ids.selector(Ids.HITS_TABLE)).queryTableView();
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 3);
    double before = robot.lookup(Ids.selector(Ids.HITS_TEXT)).queryAs(javafx.scene.control.TextField.class).getFont().getSize();
    robot.clickOn(Ids.selector(Ids.HITS_TEXT)); // the keys must work with the cursor in a field
    for (int i = 0; i < 3; i++) {
      robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
    }
    WaitForAsyncUtils.waitForFxEvents();
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
    WaitForAsyncUtils.waitForFxEvents();
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
    assertEquals(List.of(), buttons, "cut-off buttons");
    javafx.scene.control.ScrollPane page = robot.lookup(Ids.selector(Ids.LIBRARY_PAGE)).queryAs(javafx.scene.control.ScrollPane.class);
    double content = page.getContent().getLayoutBounds().getWidth();
    assertTrue(content <= page.getViewportBounds().getWidth() + 1, "library page " + content + " px in a " + page.getViewportBounds().getWidth() + " px pane");
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
