package org.sysmontriage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.casefile.HitStatus;
import org.sysmontriage.ui.common.AppHome;
import org.sysmontriage.ui.common.FxTaskRunner;
import org.sysmontriage.ui.common.Ids;
import org.sysmontriage.ui.shell.Dialogs;
import org.sysmontriage.ui.shell.ShellViewModel;
import org.sysmontriage.ui.start.RecentFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The analyst's work is never lost: verdict keys, notes kept as typed, the unsaved prompt, the case file, recovery. */
@ExtendWith(ApplicationExtension.class)
class TriageWorkUiTest {
  @TempDir Path home;
  private String oldHome;
  private Stage stage;
  private ShellViewModel vm;

  @Start
  void start(Stage stage) throws java.io.IOException {
    Files.createDirectories(home.resolve("samples"));
    oldHome = System.getProperty(AppHome.PROPERTY);
    System.setProperty(AppHome.PROPERTY, home.toString());
    this.stage = stage;
    vm = open(stage);
    stage.show();
  }

  private final FakeEngine engine = new FakeEngine();

  private ShellViewModel open(Stage s) {
    // The "sample logs" folder is an input: a case is saved beside it, never in it (evidence is never written to).
    return TriageWindow.open(s, new TriageWindow.Parts(engine, new FxTaskRunner(),
        new RecentFiles(home.resolve("recent.json")), Optional.of(home.resolve("samples")), url -> {}));
  }

  @AfterEach
  void restoreHome(FxRobot robot) {
    // A dialog left open by a failed step must not block the tests that follow.
    robot.interact(() -> javafx.stage.Window.getWindows().stream()
        .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane)
        .toList().forEach(javafx.stage.Window::hide));
    if (oldHome == null) {
      System.clearProperty(AppHome.PROPERTY);
    } else {
      System.setProperty(AppHome.PROPERTY, oldHome);
    }
  }

  private TableView<Integer> openFixture(FxRobot robot) throws Exception {
    robot.clickOn(Ids.selector(Ids.OPEN_SAMPLES));
    return ShellUiTest.hitsShown(robot, n -> n == 3); // the window opens on Incidents after an import
  }

  private void selectRow(FxRobot robot, TableView<Integer> table, int row) {
    robot.interact(() -> {
      table.requestFocus();
      table.getSelectionModel().clearAndSelect(row);
    });
  }

  private static void press(FxRobot robot, String buttonId) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup(Ids.selector(buttonId))
        .match((javafx.scene.Node n) -> n.getScene() != null && n.getScene().getWindow().isShowing()).tryQuery().isPresent());
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn(Ids.selector(buttonId));
  }

  private TextArea notes(FxRobot robot) {
    return robot.lookup(Ids.selector(Ids.HIT_DETAILS, Ids.DETAILS_NOTES)).queryAs(TextArea.class);
  }

  @Test
  void verdictKeysMarkTheSelectedHitsAndTheTitleShowsUnsavedWork(FxRobot robot) throws Exception {
    TableView<Integer> table = openFixture(robot);
    assertFalse(stage.getTitle().contains("unsaved"), stage.getTitle());
    selectRow(robot, table, 0);
    int hit = table.getItems().get(0);
    robot.type(KeyCode.T);
    assertEquals("true positive", vm.hits().table().status(hit));
    ComboBox<?> status = robot.lookup(Ids.selector(Ids.HIT_DETAILS, Ids.DETAILS_STATUS)).queryComboBox();
    assertEquals(HitStatus.TRUE_POSITIVE, status.getValue());
    robot.type(KeyCode.F);
    assertEquals("false positive", vm.hits().table().status(hit));
    robot.type(KeyCode.B);
    assertEquals("benign", vm.hits().table().status(hit));
    assertTrue(stage.getTitle().contains("unsaved"), stage.getTitle());
  }

  @Test
  void aNoteBelongsToItsHitAtOnceAcrossRowChangesAndCtrlS(FxRobot robot) throws Exception {
    TableView<Integer> table = openFixture(robot);
    Path caseFile = home.resolve("work.case.json");
    robot.interact(() -> vm.caseWork().save(caseFile));
    selectRow(robot, table, 0);
    int first = table.getItems().get(0);
    robot.clickOn(notes(robot)).write("seen on the host");
    selectRow(robot, table, 1); // no focus change to the box's advantage: the row changes from code
    assertEquals("seen on the host", vm.caseWork().triage(first).notes());
    assertEquals("", notes(robot).getText(), "the box follows the hit shown");
    selectRow(robot, table, 0);
    assertEquals("seen on the host", notes(robot).getText());
    robot.clickOn(notes(robot)).write(", dump deleted");
    robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(Files.readString(caseFile).contains("seen on the host, dump deleted"), Files.readString(caseFile));
    assertFalse(vm.caseWork().dirtyProperty().get());
  }

  @Test
  void theBoxIsHiddenForARelatedEventThatIsNotAHit(FxRobot robot) throws Exception {
    TableView<Integer> table = openFixture(robot);
    selectRow(robot, table, 0);
    javafx.scene.Node box = robot.lookup(Ids.selector(Ids.HIT_DETAILS, Ids.DETAILS_TRIAGE)).query();
    assertTrue(box.isVisible());
    robot.interact(() -> vm.hitDetails().showRelated(Fixtures.PARENT)); // explorer.exe: no hit
    assertFalse(box.isVisible(), "a plain event has no verdict");
    robot.interact(() -> vm.hitDetails().showRelated(Fixtures.SRV_ACCESS));
    assertTrue(box.isVisible());
    robot.clickOn(notes(robot)).write("rundll32 from a share");
    int srvHit = vm.hits().table().hitOfEvent(Fixtures.SRV_ACCESS);
    assertEquals("rundll32 from a share", vm.caseWork().triage(srvHit).notes());
  }

  @Test
  void openingOtherLogsAsksAboutUnsavedTriage(FxRobot robot) throws Exception {
    TableView<Integer> table = openFixture(robot);
    selectRow(robot, table, 0);
    robot.type(KeyCode.T);
    Platform.runLater(() -> vm.start().openSamples()); // the dialog waits: not inside interact()
    press(robot, Dialogs.CANCEL_ID);
    assertTrue(vm.caseWork().dirtyProperty().get(), "Cancel keeps the work");
    assertEquals("true positive", vm.hits().table().status(table.getItems().get(0)));
    Platform.runLater(() -> vm.start().openSamples());
    press(robot, Dialogs.DISCARD_ID);
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.importing().runningProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
    assertFalse(vm.caseWork().dirtyProperty().get());
    assertEquals("new", vm.hits().table().status(table.getItems().get(0)));
  }

  @Test
  void closingTheWindowQuittingOpeningACaseOrShowMeAskAboutUnsavedTriage(FxRobot robot) throws Exception {
    TableView<Integer> table = openFixture(robot);
    selectRow(robot, table, 0);
    robot.type(KeyCode.T);
    Path other = home.resolve("other.case.json");
    robot.interact(() -> org.sysmontriage.casefile.CaseFiles.save(other, org.sysmontriage.casefile.CaseFile.empty(),
        org.sysmontriage.casefile.EvidenceGuard.NONE));
    int imports = engine.imports.get();
    java.util.List<Runnable> waysOut = java.util.List.of(
        () -> stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)),
        () -> robot.press(KeyCode.CONTROL).type(KeyCode.Q).release(KeyCode.CONTROL), // Quit; Cancel keeps the toolkit running
        () -> vm.openCase(other),
        () -> vm.showMe(home.resolve("samples/x.json"), Fixtures.PROCDUMP.id()));
    for (Runnable way : waysOut) {
      if (way == waysOut.get(1)) {
        robot.interact(table::requestFocus);
        new Thread(way).start(); // the key press waits for the dialog: not on the FX thread
      } else {
        Platform.runLater(way); // the dialog waits: not inside interact()
      }
      press(robot, Dialogs.CANCEL_ID);
      WaitForAsyncUtils.waitForFxEvents();
      assertTrue(stage.isShowing(), "Cancel keeps the window");
      assertTrue(vm.caseWork().dirtyProperty().get(), "Cancel keeps the work");
      assertEquals("true positive", vm.hits().table().status(table.getItems().get(0)));
      assertEquals(imports, engine.imports.get(), "nothing was opened");
    }
    assertTrue(vm.caseWork().pathProperty().get() == null, "the other case was not opened");
  }

  @Test
  void aSavedCaseOpensWithItsVerdictsAndNotes(FxRobot robot) throws Exception {
    TableView<Integer> table = openFixture(robot);
    selectRow(robot, table, 1);
    int hit = table.getItems().get(1);
    robot.type(KeyCode.F);
    robot.clickOn(notes(robot)).write("admin's scheduled task");
    Path caseFile = home.resolve("saved.case.json");
    robot.interact(() -> vm.caseWork().save(caseFile));
    Platform.runLater(() -> vm.open(java.util.List.of("other.json"))); // clean: no question
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> "new".equals(vm.hits().table().status(hit)));
    robot.interact(() -> vm.openCase(caseFile));
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> "false positive".equals(vm.hits().table().status(hit)));
    ShellUiTest.hitsShown(robot, n -> n == 3); // the case opens on Incidents: back to the Hits tab
    selectRow(robot, table, table.getItems().indexOf(hit));
    assertEquals("admin's scheduled task", notes(robot).getText());
    assertTrue(stage.getTitle().contains("saved.case.json"), stage.getTitle());
  }

  @Test
  void unsavedWorkIsOfferedBackAfterACrash(FxRobot robot) throws Exception {
    TableView<Integer> table = openFixture(robot);
    selectRow(robot, table, 2);
    int hit = table.getItems().get(2);
    robot.type(KeyCode.T);
    robot.clickOn(notes(robot)).write("dump copied off the host");
    vm.caseWork().flushRecovery();
    assertTrue(Files.isRegularFile(home.resolve("recovery.case.json")));
    assertTrue(Files.readString(home.resolve("recovery.case.json")).contains("dump copied off the host"));

    // The session "crashes": a new window starts over the same application folder.
    Stage[] next = new Stage[1];
    ShellViewModel[] again = new ShellViewModel[1];
    robot.interact(() -> {
      next[0] = new Stage();
      again[0] = open(next[0]);
      next[0].show();
      TriageWindow.offerRecovery(next[0], again[0], new FxTaskRunner());
    });
    press(robot, Dialogs.RESTORE_ID);
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> again[0].investigationProperty().get() != null);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals("true positive", again[0].hits().table().status(hit));
    assertEquals("dump copied off the host", again[0].caseWork().triage(hit).notes());
    assertTrue(again[0].caseWork().dirtyProperty().get(), "restored work stays unsaved until saved");
    assertNotNull(next[0].getTitle());
    assertTrue(next[0].getTitle().contains("unsaved"), next[0].getTitle());
    robot.interact(() -> {
      again[0].caseWork().discard();
      next[0].close();
    });
    again[0].caseWork().flushRecovery();
    assertFalse(Files.exists(home.resolve("recovery.case.json")), "a discard removes the recovery file");
  }
}
