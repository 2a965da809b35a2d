package org.sysmontriage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.ui.common.FxTaskRunner;
import org.sysmontriage.ui.common.Ids;
import org.sysmontriage.ui.shell.ShellViewModel;
import org.sysmontriage.ui.start.RecentFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A long import shows its progress and stops when the user presses Cancel. */
@ExtendWith(ApplicationExtension.class)
class CancelImportUiTest {
  @TempDir static Path home;
  private final FakeEngine slow = new FakeEngine(10_000, 5);
  private ShellViewModel vm;

  @Start
  void start(Stage stage) {
    vm = TriageWindow.open(stage, new TriageWindow.Parts(slow, new FxTaskRunner(),
        new RecentFiles(home.resolve("recent.json")), Optional.of(home), url -> {}));
    stage.show();
  }

  @Test
  void cancelStopsTheImportAndSaysSo(FxRobot robot) throws Exception {
    robot.clickOn(Ids.selector(Ids.OPEN_SAMPLES));
    Label detail = robot.lookup(Ids.selector(Ids.IMPORT_DETAIL)).queryAs(Label.class);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> detail.getText().contains("events"));
    robot.clickOn(Ids.selector(Ids.IMPORT_CANCEL));
    Label error = robot.lookup(Ids.selector(Ids.IMPORT_ERROR)).queryAs(Label.class);
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> error.getText().startsWith("Import cancelled"));
    assertEquals(null, vm.investigationProperty().get());
    assertTrue(robot.lookup(Ids.selector(Ids.START_VIEW)).query().isVisible());
  }
}
