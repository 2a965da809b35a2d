package org.sysmontriage.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A view's fill over several pulses: one stage after each pulse's layout, in order, the latest work of each stage. */
@ExtendWith(ApplicationExtension.class)
class PulseStagesUiTest {
  private Label view;
  private PulseStages stages;
  private final List<String> log = new ArrayList<>();
  private long pulses;

  @Start
  void start(Stage stage) {
    view = new Label("view");
    stages = new PulseStages(view, 3);
    Scene scene = new Scene(new VBox(view), 200, 100);
    scene.addPreLayoutPulseListener(() -> pulses++);
    stage.setScene(scene);
    stage.show();
  }

  @Test
  void eachStageRunsInAPulseOfItsOwnInOrderWithItsLatestWork(FxRobot robot) throws Exception {
    robot.interact(() -> {
      stages.run(3, () -> log.add("fields a@" + pulses));
      stages.run(2, () -> log.add("cards a@" + pulses));
      stages.run(1, () -> log.add("reasons a@" + pulses));
      stages.run(3, () -> log.add("fields b@" + pulses)); // a later selection replaces what waited
      assertTrue(stages.pending());
      assertTrue(log.isEmpty(), "nothing runs in the pulse of the change itself");
    });
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !stages.pending());
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(3, log.size(), log.toString());
    assertTrue(log.get(0).startsWith("reasons a@"), log.toString());
    assertTrue(log.get(1).startsWith("cards a@"), log.toString());
    assertTrue(log.get(2).startsWith("fields b@"), log.toString());
    long first = pulseOf(log.get(0));
    assertEquals(first + 1, pulseOf(log.get(1)), "the next stage one pulse later: " + log);
    assertEquals(first + 2, pulseOf(log.get(2)), log.toString());
  }

  @Test
  void withoutAWindowTheWorkRunsAtOnce(FxRobot robot) {
    robot.interact(() -> {
      PulseStages alone = new PulseStages(new Label("not in a scene"), 2);
      alone.run(2, () -> log.add("at once"));
      assertFalse(alone.pending());
      assertEquals(List.of("at once"), log);
    });
  }

  private static long pulseOf(String entry) {
    return Long.parseLong(entry.substring(entry.indexOf('@') + 1));
  }
}
