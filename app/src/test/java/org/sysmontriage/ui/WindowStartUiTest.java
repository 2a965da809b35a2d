package org.sysmontriage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Control;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
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

/**
 * The window's first frame is readied before the show (styled, laid out at its size, painted once off screen), and
 * logs named at start open once the window's first frame is painted, not in the instant it is shown.
 */
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
  void theWindowIsStyledLaidOutAndPaintedOnceBeforeItIsShown(FxRobot robot) {
    double[] atShowing = {-1, -1};
    boolean[] skinned = new boolean[1];
    robot.interact(() -> {
      Stage fresh = new Stage(); // the test's own stage may be showing already: a new one shows for the first time here
      ShellViewModel second = TriageWindow.open(fresh, new TriageWindow.Parts(new FakeEngine(), new FxTaskRunner(),
          new RecentFiles(home.resolve("recent2.json")), Optional.of(home), url -> {}));
      fresh.addEventHandler(WindowEvent.WINDOW_SHOWING, e -> {
        atShowing[0] = fresh.getScene().getRoot().getLayoutBounds().getWidth();
        atShowing[1] = fresh.getScene().getWidth();
        skinned[0] = ((Control) fresh.getScene().lookup("#" + Ids.MAIN_TABS)).getSkin() != null;
      });
      TriageWindow.showAndOpen(fresh, second, List.of());
      fresh.close();
    });
    assertTrue(atShowing[1] > 0, "the scene has its size before the show");
    assertEquals(atShowing[1], atShowing[0], "laid out at the window's size before it was shown");
    assertTrue(skinned[0], "styled (skins made) before it was shown");
  }

  @Test
  void theOffScreenPaintCoversTheWholeScene(FxRobot robot) {
    double[] size = new double[4];
    robot.interact(() -> {
      WritableImage image = TriageWindow.prepare(stage.getScene());
      size[0] = image.getWidth();
      size[1] = image.getHeight();
      size[2] = stage.getScene().getWidth();
      size[3] = stage.getScene().getHeight();
    });
    assertEquals(Math.ceil(size[2]), size[0]);
    assertEquals(Math.ceil(size[3]), size[1]);
  }

  @Test
  void theStatusStripNamesTheLogsReadNextInTheFirstFrameSoTheImportDoesNotResizeTheViewAboveIt(FxRobot robot) throws Exception {
    double[] atShow = new double[3];
    String[] phase = new String[1];
    boolean[] cancelDisabled = new boolean[1];
    double[] atImport = {-1, -1, -1}; // center height, strip height, center height in the pulse before
    double[] lastCenter = {-1};
    robot.interact(() -> {
      javafx.scene.layout.Region bar = (javafx.scene.layout.Region) stage.getScene().lookup("#" + Ids.IMPORT_BAR);
      javafx.scene.Node center = ((javafx.scene.layout.BorderPane) stage.getScene().getRoot()).getCenter();
      stage.getScene().addPostLayoutPulseListener(() -> { // the import's first pulse, laid out, against the pulse before
        if (vm.importing().runningProperty().get() && atImport[0] < 0) {
          atImport[0] = center.getLayoutBounds().getHeight();
          atImport[1] = bar.getHeight();
          atImport[2] = lastCenter[0];
        }
        lastCenter[0] = center.getLayoutBounds().getHeight();
      });
      TriageWindow.showAndOpen(stage, vm, List.of(home.resolve("fixture.json").toString()));
      atShow[0] = bar.isManaged() && bar.isVisible() ? 1 : 0;
      atShow[1] = bar.getHeight(); // laid out with the first frame, readied before the show
      atShow[2] = center.getLayoutBounds().getHeight();
      phase[0] = ((javafx.scene.control.Label) stage.getScene().lookup("#" + Ids.IMPORT_PHASE)).getText();
      cancelDisabled[0] = stage.getScene().lookup("#" + Ids.IMPORT_CANCEL).isDisabled();
    });
    assertEquals(1, atShow[0], "the strip shows from the first frame");
    assertTrue(atShow[1] > 0, "and is laid out in it: " + atShow[1]);
    assertEquals("Importing fixture.json", phase[0]);
    assertTrue(cancelDisabled[0], "nothing to cancel before the import begins");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.investigationProperty().get() != null);
    assertTrue(atImport[2] > 0, "a pulse before the import's: " + atImport[2]);
    assertEquals(atImport[2], atImport[0], 0.01, "the view above the strip kept its height when the import began");
    assertEquals(atShow[1], atImport[1], 0.01, "the strip's height too");
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
