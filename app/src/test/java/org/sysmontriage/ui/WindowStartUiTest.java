package org.sysmontriage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sysmontriage.ui.common.FxTaskRunner;
import org.sysmontriage.ui.shell.ShellViewModel;
import org.sysmontriage.ui.start.RecentFiles;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Logs named at start open once the window's first frame is painted, not in the instant it is shown. */
@ExtendWith(ApplicationExtension.class)
class WindowStartUiTest {
  @TempDir static Path home;
  private final FakeEngine engine = new FakeEngine();
  private Stage stage;
  private ShellViewModel vm;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    vm = TriageWindow.open(stage, new TriageWindow.Parts(engine, new FxTaskRunner(),
        new RecentFiles(home.resolve("recent.json")), Optional.of(home), url -> {}));
  }

  @Test
  void theLogsNamedAtStartOpenAfterTheWindowsFirstFramesNotWhenItIsShown(FxRobot robot) throws Exception {
    AtomicInteger pulses = new AtomicInteger();
    AtomicInteger pulsesAtImport = new AtomicInteger(-1);
    boolean[] runningAtShow = new boolean[1];
    robot.interact(() -> {
      stage.getScene().addPostLayoutPulseListener(pulses::incrementAndGet);
      vm.importing().runningProperty().addListener((o, a, running) -> {
        if (running) {
          pulsesAtImport.compareAndSet(-1, pulses.get());
        }
      });
      TriageWindow.showAndOpen(stage, vm, List.of(home.resolve("fixture.json").toString()));
      runningAtShow[0] = vm.importing().runningProperty().get();
    });
    assertFalse(runningAtShow[0], "the import waits for the window's first frames");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.investigationProperty().get() != null);
    assertEquals(1, engine.imports.get());
    assertTrue(pulsesAtImport.get() >= 2, "laid out and painted before the import began: " + pulsesAtImport.get() + " pulses");
  }
}
