package org.sysmontriage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.ui.common.FxTaskRunner;
import org.sysmontriage.ui.common.Ids;
import org.sysmontriage.ui.engine.CoreEngine;
import org.sysmontriage.ui.incidents.IncidentIds;
import org.sysmontriage.ui.start.RecentFiles;
import org.sysmontriage.ui.start.SampleLogs;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The sample logs in a 1024x700 window as an investigator goes through them: the window opens on Incidents at normal
 * text, Ctrl+= three times there, then the Hits tab (shown for the first time at that size) and a hit. The window's
 * base text is 14 px, as on a 1920x1080 screen (13 px in the other layout tests).
 */
@ExtendWith(ApplicationExtension.class)
class SampleLogsLayoutUiTest {
  @TempDir static Path home;
  private Stage stage;

  private static double normal;

  @org.junit.jupiter.api.BeforeAll
  static void screen() {
    normal = org.sysmontriage.ui.common.Em.size();
  }

  @org.junit.jupiter.api.AfterAll
  static void back() {
    org.sysmontriage.ui.common.Em.setSize(normal);
  }

  @Start
  void start(Stage stage) {
    this.stage = stage;
    org.sysmontriage.ui.common.Em.setSize(14); // what fitScreen picks on a 1920x1080 screen
    TriageWindow.open(stage, new TriageWindow.Parts(new CoreEngine(), new FxTaskRunner(),
        new RecentFiles(home.resolve("recent.json")), SampleLogs.locate(), url -> {}));
    stage.setWidth(1024);
    stage.setHeight(700);
    stage.show();
  }

  @Test
  void textGrownOnTheIncidentsViewKeepsTheEntriesWholeAndTheDetailsPaneItsShare(FxRobot robot) throws Exception {
    robot.clickOn(Ids.selector(Ids.OPEN_SAMPLES));
    javafx.scene.Node hitsName = robot.lookup("#" + Ids.TAB_HITS + org.sysmontriage.ui.common.WrappingTabs.NAME_SUFFIX).query();
    WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !hitsName.isDisabled());
    ListView<?> incidents = robot.lookup(Ids.selector(IncidentIds.LIST)).queryAs(ListView.class);
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> incidents.getItems().size() > 10);
    robot.clickOn(Ids.selector(IncidentIds.FACTS)); // the cursor in the story, as after reading it
    for (int i = 0; i < 3; i++) {
      robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
      WaitForAsyncUtils.waitForFxEvents();
    }
    WaitForAsyncUtils.waitForFxEvents();
    List<String> wrong = new ArrayList<>();
    LayoutUiTest.entriesWhole(incidents, wrong);
    TableView<Integer> table = ShellUiTest.hitsShown(robot, n -> n > 10);
    robot.interact(() -> table.getSelectionModel().select(0));
    ShellUiTest.detailsFilled(robot);
    robot.interact(() -> stage.getScene().getRoot().layout());
    javafx.scene.layout.Region details = robot.lookup(Ids.selector(Ids.HIT_DETAILS)).queryAs(javafx.scene.layout.Region.class);
    TableView<?> fields = robot.lookup(Ids.selector(Ids.HIT_DETAILS, Ids.DETAILS_FIELDS)).queryAs(TableView.class);
    javafx.scene.control.SplitPane split = (javafx.scene.control.SplitPane) details.getParent().getParent();
    javafx.scene.layout.Region left = (javafx.scene.layout.Region) split.getItems().get(0);
    // the divider where the analyst has it (0.62) unless the hit filters' two rows need more: nothing else holds it
    // (the timeline's one-line hint did: 744 px for the hits, 276 px and two Fields rows for the details)
    double share = split.getDividerPositions()[0] * split.getWidth();
    if (left.getWidth() > Math.max(share, left.minWidth(-1)) + 12) {
      wrong.add("the hits side " + left.getWidth() + " px, its least width " + left.minWidth(-1) + " px, the divider's share " + share + " px");
    }
    int rows = LayoutUiTest.rowsInSight(fields);
    if (rows < 4) {
      wrong.add("the Fields table shows " + rows + " rows (the details pane " + details.getWidth() + " px wide)");
    }
    LayoutUiTest.insidePane(details, wrong);
    // the Sources tab's summary of the 19 logs wrapped whole, not "... 15 other files in the folders are n..."
    ShellUiTest.showTab(robot, Ids.TAB_SOURCES);
    robot.interact(() -> stage.getScene().getRoot().layout());
    LayoutUiTest.cutOff(robot.lookup(Ids.selector(Ids.SOURCES_SUMMARY)).queryAs(javafx.scene.control.Labeled.class), wrong);
    // the library's "Show me" note: the sample log's name on lines between its parts, never broken inside one
    ShellUiTest.showTab(robot, Ids.TAB_LIBRARY);
    robot.interact(() -> stage.getScene().getRoot().layout());
    javafx.scene.control.Labeled note = robot.lookup(Ids.selector(Ids.LIBRARY_SAMPLE)).queryAs(javafx.scene.control.Labeled.class);
    String whole = note.getAccessibleText() != null ? note.getAccessibleText() : note.getText();
    org.junit.jupiter.api.Assertions.assertTrue(whole.startsWith("Opens "), whole);
    FieldNameCells.one(note, whole, wrong);
    LayoutUiTest.cutOff(note, wrong);
    assertEquals(List.of(), wrong);
  }
}
