package org.sysmontriage.ui.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sysmontriage.detect.Analytic;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.detect.Severity;
import org.sysmontriage.incident.Step;
import org.sysmontriage.incident.StepKind;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The mini timeline follows the text size: on a 3840x2160 screen (text twice as large) or with Ctrl+= its height,
 * dots and dates grow with the text (it kept 58 px and 6 px dots beside the doubled text), the dates stay inside it
 * and under the dots.
 */
@ExtendWith(ApplicationExtension.class)
class MiniTimelineUiTest {
  private static final Analytic A = new Analytic("a-1", "A", "", Severity.HIGH, List.of(), List.of(), 50, 80);
  private VBox box;

  @Start
  void start(Stage stage) {
    box = new VBox();
    stage.setScene(new Scene(box, 900, 500));
    stage.show();
  }

  private static List<Step> steps() {
    List<Step> out = new ArrayList<>();
    long t = 1_000_000_000L;
    for (int i = 0; i < 12; i++) {
      t += 37_000_000L * (i % 4 + 1);
      out.add(new Step(i, t, t, StepKind.values()[i % StepKind.values().length], "step " + i, List.of(new Hit(i, A, List.of())),
          "Sysmon", "log.evtx", i));
    }
    return out;
  }

  /** Height and dot radius of a mini timeline laid out at {@code px} text, after checking its dates lie inside it under the dots. */
  private double[] at(FxRobot robot, double px, List<String> wrong) {
    return at(robot, px, 900, wrong);
  }

  private double[] at(FxRobot robot, double px, double width, List<String> wrong) {
    MiniTimeline[] m = new MiniTimeline[1];
    robot.interact(() -> {
      box.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", px));
      m[0] = new MiniTimeline();
      m[0].setMaxWidth(width);
      box.getChildren().setAll(m[0]);
      box.applyCss();
      box.layout();
      m[0].show(steps());
      box.layout();
    });
    WaitForAsyncUtils.waitForFxEvents(); // a height change for dates put under each other is laid out in the next pulse
    robot.interact(box::layout);
    double height = m[0].getHeight();
    double r = m[0].radius();
    List<Bounds> dates = new ArrayList<>();
    for (Node n : m[0].getChildrenUnmodifiable()) {
      if (n instanceof Text t && !t.getText().isEmpty()) {
        dates.add(t.getBoundsInParent());
        Bounds b = t.getBoundsInParent();
        assertEquals(px, t.getFont().getSize(), 0.1, "the dates in the window's text size");
        if (b.getMaxY() > height + 0.5 || b.getMaxX() > m[0].getWidth() + 0.5 || b.getMinX() < -0.5) {
          wrong.add(px + " px: date " + t.getText() + " at " + b + " outside the " + m[0].getWidth() + "x" + height + " timeline");
        }
        if (b.getMinY() < 2 * r) {
          wrong.add(px + " px: date " + t.getText() + " starts at " + b.getMinY() + " px, among the dots (" + r + " px radius)");
        }
      }
    }
    assertEquals(2, dates.size(), "start and end dates");
    if (dates.get(0).intersects(dates.get(1))) {
      wrong.add(px + " px text, " + width + " px wide: the start and end dates overlap (" + dates + ")");
    }
    return new double[] {height, r};
  }

  @Test
  void onA4kScreenOrWithLargerTextTheMiniTimelineGrowsWithTheText(FxRobot robot) {
    List<String> wrong = new ArrayList<>();
    double[] normal = at(robot, 13, wrong);
    double[] large = at(robot, 26, wrong); // a 3840x2160 screen at 100 %: the window's text is twice as large
    at(robot, 26, 600, wrong); // a narrow story: the end date goes under the start date, never over it
    at(robot, 20, 400, wrong); // 1024x700 with the text three steps larger
    assertEquals(List.of(), wrong);
    // twice as tall, or more when its dates no longer fit side by side and stand one under the other
    assertTrue(large[0] >= 2 * normal[0] - 1, "height " + normal[0] + " px at 13 px text, " + large[0] + " px at 26 px");
    assertEquals(2, large[1] / normal[1], 0.05, "dot radius " + normal[1] + " px at 13 px text, " + large[1] + " px at 26 px");
    assertTrue(normal[0] >= 55 && normal[1] >= 5.5, "at normal text as before (58 px, 6 px dots): " + normal[0] + ", " + normal[1]);
  }
}
