package org.sysmontriage.ui.incidents;

import java.util.List;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;
import org.sysmontriage.event.Times;
import org.sysmontriage.incident.Step;
import org.sysmontriage.incident.StepKind;

/**
 * One incident's steps on a time line: a dot per step, placed by its (corrected) time, coloured by
 * stage, hollow for context events; start and end written under the line. Redrawn on resize.
 */
final class MiniTimeline extends Pane {
  private static final double PAD = 14;
  private static final double HEIGHT = 58;
  private List<Step> steps = List.of();

  MiniTimeline() {
    setId(IncidentIds.MINI_TIMELINE);
    setMinHeight(HEIGHT);
    setPrefHeight(HEIGHT);
    widthProperty().addListener((o, a, b) -> draw());
  }

  void show(List<Step> next) {
    steps = List.copyOf(next);
    draw();
  }

  private void draw() {
    getChildren().clear();
    double w = getWidth();
    if (steps.isEmpty() || w < 2 * PAD) {
      return;
    }
    double y = 20;
    Line axis = new Line(PAD, y, w - PAD, y);
    axis.setStroke(Color.GRAY);
    getChildren().add(axis);
    long start = steps.get(0).ticks();
    long span = Math.max(1, steps.get(steps.size() - 1).ticks() - start);
    for (Step s : steps) {
      double x = PAD + (w - 2 * PAD) * (s.ticks() - start) / (double) span;
      Circle dot = new Circle(x, y, 6, s.context() ? Color.TRANSPARENT : color(s.kind()));
      dot.setStroke(color(s.kind()));
      dot.setStrokeWidth(2);
      Tooltip.install(dot, new Tooltip(Times.format(s.ticks()) + "  " + s.kind().words() + "\n" + s.summary()));
      getChildren().add(dot);
    }
    getChildren().add(new Text(PAD, y + 30, Times.format(start)));
    Text end = new Text(Times.format(steps.get(steps.size() - 1).ticks()));
    end.setX(Math.max(PAD, w - PAD - end.getLayoutBounds().getWidth()));
    end.setY(y + 30);
    getChildren().add(end);
  }

  /** Stage colours (colour-blind safe, Okabe-Ito). */
  static Color color(StepKind k) {
    return switch (k) {
      case TOOL_START -> Color.web("#0072B2");
      case LSASS_ACCESS -> Color.web("#E69F00");
      case DUMP_WRITTEN -> Color.web("#D55E00");
      case DUMP_HANDLED -> Color.web("#CC79A7");
      case SCRIPT -> Color.web("#009E73");
      case ANTIVIRUS -> Color.web("#56B4E9");
      case OTHER -> Color.web("#999999");
    };
  }
}
