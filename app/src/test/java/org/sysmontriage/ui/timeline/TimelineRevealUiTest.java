package org.sysmontriage.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sysmontriage.ui.Fixtures;
import org.sysmontriage.ui.common.ShownPane;
import org.sysmontriage.ui.hits.HitTable;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The timeline on a tab shown for the first time (laid out over a few pulses, a part of the height more in each:
 * ShownPane) paints at the first step and at the last, at its whole size, not at every size in between.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineRevealUiTest {
  private TimelineCanvas canvas;
  private TabPane tabs;
  private ShownPane pane;

  @Start
  void start(Stage stage) {
    canvas = new TimelineCanvas();
    VBox.setVgrow(canvas, Priority.ALWAYS);
    pane = new ShownPane(new VBox(canvas));
    tabs = new TabPane(new Tab("Other", new Label("another view")), new Tab("Timeline", pane));
    stage.setScene(new Scene(tabs, 800, 900));
    stage.show();
  }

  @Test
  void aTimelineGrowingWithItsTabsFirstShowingPaintsAtTheFirstAndLastStepOnly(FxRobot robot) throws Exception {
    HitTable t = new HitTable(Fixtures.store(), Fixtures.hits(), Map.of());
    robot.interact(() -> canvas.setData(new TimelineData(t, LaneMode.HOST, 12, false)));
    WaitForAsyncUtils.waitForFxEvents();
    assertTrue(canvas.stale(), "its tab is not selected: nothing painted yet");
    List<Object> paints = new ArrayList<>(); // each paint keeps a new key of its dots
    List<Double> heights = new ArrayList<>();
    Runnable afterLayout = () -> {
      if (canvas.state.dotsKey != null && (paints.isEmpty() || paints.get(paints.size() - 1) != canvas.state.dotsKey)) {
        paints.add(canvas.state.dotsKey);
      }
      heights.add(canvas.getHeight());
    };
    robot.interact(() -> {
      tabs.getScene().addPostLayoutPulseListener(afterLayout);
      tabs.getSelectionModel().select(1);
    });
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> !pane.revealing() && !canvas.stale()).get());
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> tabs.getScene().removePostLayoutPulseListener(afterLayout));
    assertTrue(heights.stream().distinct().count() >= 4, "the canvas grew over the steps: " + heights);
    assertEquals(2, paints.size(), "painted at the first and the last step only; heights " + heights);
    assertFalse(canvas.stale());
    double[] whole = new double[2];
    robot.interact(() -> {
      whole[0] = canvas.getHeight();
      whole[1] = pane.getHeight() - pane.snappedTopInset() - pane.snappedBottomInset();
    });
    assertEquals(whole[1], whole[0], 0.5, "the last paint is at the whole height");
  }
}
