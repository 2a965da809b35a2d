package org.sysmontriage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.ui.common.FxTaskRunner;
import org.sysmontriage.ui.common.Ids;
import org.sysmontriage.ui.shell.ShellViewModel;
import org.sysmontriage.ui.start.RecentFiles;
import org.sysmontriage.ui.timeline.TimelineCanvas;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The timeline: overlapping hits share a counted dot, the pointer lists them, the arrow keys go dot to dot with the table. */
@ExtendWith(ApplicationExtension.class)
class TimelineUiTest {
  @TempDir static Path home;
  private ShellViewModel vm;

  @Start
  void start(Stage stage) {
    vm = TriageWindow.open(stage, new TriageWindow.Parts(new FakeEngine(), new FxTaskRunner(),
        new RecentFiles(home.resolve("recent.json")), Optional.of(home), url -> {}));
    stage.show();
  }

  private int hitOf(int event) {
    return vm.hits().table().hitOfEvent(event);
  }

  private void key(FxRobot robot, KeyCode code, int times) {
    for (int i = 0; i < times; i++) {
      robot.type(code);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void overlappingHitsShareACountedDotThePointerListsThemAndArrowsMoveDotToDotWithTheTable(FxRobot robot) throws Exception {
    robot.clickOn(Ids.selector(Ids.OPEN_SAMPLES));
    TableView<Integer> table = ShellUiTest.hitsShown(robot, n -> n == 3);
    TimelineCanvas canvas = robot.lookup(Ids.selector(Ids.TIMELINE)).queryAs(TimelineCanvas.class);
    int procdump = hitOf(Fixtures.PROCDUMP_START);
    int dumpFile = hitOf(Fixtures.DUMP_FILE);
    int server = hitOf(Fixtures.SRV_ACCESS);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> canvas.dotOf(procdump) != null);

    // 2 s apart on a 4 h axis: one dot that says 2, and the pointer over it lists both hits
    assertEquals(2, canvas.dotCount(procdump));
    assertEquals(canvas.dotOf(procdump), canvas.dotOf(dumpFile));
    assertEquals(1, canvas.dotCount(server));
    Point2D dot = canvas.dotOf(procdump);
    robot.moveTo(canvas.localToScreen(dot));
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !canvas.hoverText().isEmpty());
    String listed = canvas.hoverText();
    assertTrue(listed.startsWith("2 hits"), listed);
    assertTrue(listed.contains("Dump LSASS via procdump") && listed.contains("Credential Dumping via Windows Task Manager"), listed);
    robot.moveTo(canvas.localToScreen(dot.add(0, canvas.getHeight()))); // off the dots: the list goes
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> canvas.hoverText().isEmpty());

    robot.interact(canvas::requestFocus);
    key(robot, KeyCode.RIGHT, 1);
    assertEquals(procdump, vm.hits().selectedHitProperty().get(), "Right: the first dot, its riskiest hit");
    assertEquals(procdump, table.getSelectionModel().getSelectedItem(), "the table selects the same hit");
    key(robot, KeyCode.DOWN, 1);
    assertEquals(server, vm.hits().selectedHitProperty().get(), "Down: the lane below");
    assertEquals(server, table.getSelectionModel().getSelectedItem());
    key(robot, KeyCode.UP, 1);
    assertEquals(procdump, table.getSelectionModel().getSelectedItem());
    key(robot, KeyCode.RIGHT, 1);
    assertEquals(procdump, vm.hits().selectedHitProperty().get(), "no dot after it in its lane: the selection stays");

    key(robot, KeyCode.PLUS, 25); // zooms in about the selected hit until the two hits are two dots
    assertEquals(1, canvas.dotCount(procdump));
    assertNotNull(canvas.dotOf(dumpFile));
    key(robot, KeyCode.RIGHT, 1);
    assertEquals(dumpFile, vm.hits().selectedHitProperty().get(), "Right: the next dot");
    assertEquals(dumpFile, table.getSelectionModel().getSelectedItem());
    key(robot, KeyCode.LEFT, 1);
    assertEquals(procdump, table.getSelectionModel().getSelectedItem(), "Left: the dot before");
  }
}
