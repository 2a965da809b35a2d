package org.sysmontriage.ui.incidents;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.util.Duration;
import org.sysmontriage.event.Times;
import org.sysmontriage.incident.Step;
import org.sysmontriage.incident.StepKind;

/**
 * One incident's steps on a time line: a dot per step, placed by its (corrected) time, coloured by
 * stage, hollow for context events; start and end written under the line. Painted on a canvas:
 * steps of one stage closer than half a dot share one dot, so an incident of 60,000 steps paints a
 * few hundred dots (found by binary search per slot, not a pass over the steps), and the pointer
 * lists the steps under it.
 */
final class MiniTimeline extends Pane {
  // Sizes in ems of the dates' text (58 px tall, 6 px dots at a 13 px text), so they follow Ctrl+= and a 4K screen's text.
  private static final double PAD = 1.1;
  private static final double HEIGHT = 4.5;
  private static final double RADIUS = 0.45;
  private static final double Y = 1.5;
  private static final double BASELINE = 2.3;
  private static final double LINE = 1.3;
  private static final int TOOLTIP_STEPS = 10;
  private final Canvas canvas = new Canvas();
  private final Text startText = new Text();
  private final Text endText = new Text();
  private final Tooltip tip = new Tooltip();
  private List<Step> steps = List.of();
  private long[] ticks = new long[0];
  /** Per stage and hollow (context) or filled: the times of those steps, in order. */
  private long[][] byKind = new long[0][];

  MiniTimeline() {
    setId(IncidentIds.MINI_TIMELINE);
    getChildren().addAll(canvas, startText, endText);
    resize.run();
    startText.fontProperty().addListener((o, a, b) -> resize.run());
    tip.setShowDelay(Duration.millis(150));
    canvas.setOnMouseMoved(e -> hover(e.getX()));
    canvas.setOnMouseExited(e -> Tooltip.uninstall(canvas, tip));
    widthProperty().addListener((o, a, b) -> draw());
  }

  /** True while the end date sits under the start date (the two do not fit side by side). */
  private boolean stacked;

  private final Runnable resize = () -> {
    double h = em(HEIGHT) + (stacked ? em(LINE) : 0);
    setMinHeight(h);
    setPrefHeight(h);
    canvas.setHeight(em(HEIGHT));
    draw();
  };

  /** {@code n} ems of the dates' text (the window's text size, through CSS), in pixels. */
  private double em(double n) {
    return n * startText.getFont().getSize();
  }

  /** The radius of a dot, in pixels (for tests: it follows the text size). */
  double radius() {
    return em(RADIUS);
  }

  void show(List<Step> next) {
    steps = List.copyOf(next); // in time order (IncidentAssembler)
    ticks = new long[steps.size()];
    for (int i = 0; i < ticks.length; i++) {
      ticks[i] = steps.get(i).ticks();
    }
    byKind = split(steps);
    draw();
  }

  /** The steps' times by slot {@code kind.ordinal() * 2 + (context ? 1 : 0)}, each in time order. */
  static long[][] split(List<Step> steps) {
    int slots = StepKind.values().length * 2;
    int[] counts = new int[slots];
    for (Step s : steps) {
      counts[slot(s)]++;
    }
    long[][] out = new long[slots][];
    for (int k = 0; k < slots; k++) {
      out[k] = new long[counts[k]];
    }
    Arrays.fill(counts, 0);
    for (Step s : steps) {
      int k = slot(s);
      out[k][counts[k]++] = s.ticks();
    }
    return out;
  }

  private static int slot(Step s) {
    return s.kind().ordinal() * 2 + (s.context() ? 1 : 0);
  }

  /**
   * Where dots go at a width: for each stage slot, the x of the first step of every run of steps
   * closer than {@code gap} pixels to the run's first one. Cost: dots drawn x log(steps).
   *
   * @return per slot, the x positions to draw
   */
  static double[][] dots(long[][] byKind, long start, long span, double left, double plotWidth, double gap) {
    double[][] out = new double[byKind.length][];
    double perTick = plotWidth / span;
    for (int k = 0; k < byKind.length; k++) {
      long[] t = byKind[k];
      double[] xs = new double[(int) Math.min(t.length, plotWidth / gap + 2)];
      int n = 0;
      int i = 0;
      while (i < t.length && n < xs.length) {
        double x = left + (t[i] - start) * perTick;
        xs[n++] = x;
        // the first step at or past x + gap
        long next = start + (long) Math.ceil((x + gap - left) / perTick);
        i = Math.max(i + 1, Times.firstAtOrAfter(t, next));
      }
      out[k] = Arrays.copyOf(xs, n);
    }
    return out;
  }

  private void draw() {
    double w = getWidth();
    canvas.setWidth(Math.max(0, w));
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
    startText.setText("");
    endText.setText("");
    double pad = em(PAD);
    double r = em(RADIUS);
    double y = em(Y);
    if (steps.isEmpty() || w < 2 * pad) {
      return;
    }
    g.setStroke(Color.GRAY);
    g.setLineWidth(Math.max(1, r / 6));
    g.strokeLine(pad, y, w - pad, y);
    long start = ticks[0];
    long span = Math.max(1, ticks[ticks.length - 1] - start);
    double[][] xs = dots(byKind, start, span, pad, w - 2 * pad, r);
    g.setLineWidth(Math.max(2, r / 3));
    for (int k = 0; k < xs.length; k++) {
      Color c = color(StepKind.values()[k / 2]);
      boolean hollow = k % 2 == 1;
      g.setStroke(c);
      g.setFill(c);
      for (double x : xs[k]) {
        if (!hollow) {
          g.fillOval(x - r, y - r, 2 * r, 2 * r);
        }
        g.strokeOval(x - r, y - r, 2 * r, 2 * r);
      }
    }
    startText.setText(Times.format(start));
    startText.setX(pad);
    startText.setY(em(BASELINE) + y);
    endText.setText(Times.format(ticks[ticks.length - 1]));
    double endW = endText.getLayoutBounds().getWidth();
    // side by side when both fit with an em between them, else the end date right-aligned on the next line (in a
    // narrow story at large text they were printed over each other)
    boolean under = pad + startText.getLayoutBounds().getWidth() + em(1) + endW > w - pad;
    endText.setX(Math.max(pad, w - pad - endW));
    endText.setY(em(BASELINE) + y + (under ? em(LINE) : 0));
    if (under != stacked) {
      stacked = under;
      javafx.application.Platform.runLater(resize); // the height follows (not from inside a layout pass)
    }
  }

  /** The steps within a dot of the pointer, in the tooltip: the first few, then how many more. */
  private void hover(double x) {
    double w = getWidth();
    double pad = em(PAD);
    double r = em(RADIUS);
    if (steps.isEmpty() || w < 2 * pad) {
      return;
    }
    long start = ticks[0];
    long span = Math.max(1, ticks[ticks.length - 1] - start);
    double perTick = (w - 2 * pad) / span;
    int from = Times.firstAtOrAfter(ticks, start + (long) Math.floor((x - r - pad) / perTick));
    int to = Times.firstAtOrAfter(ticks, start + (long) Math.floor((x + r - pad) / perTick) + 1);
    if (from >= to) {
      Tooltip.uninstall(canvas, tip);
      return;
    }
    List<String> lines = new ArrayList<>();
    for (int i = from; i < Math.min(to, from + TOOLTIP_STEPS); i++) {
      Step s = steps.get(i);
      lines.add(Times.format(s.ticks()) + "  " + s.kind().words() + "\n" + s.summary());
    }
    if (to - from > TOOLTIP_STEPS) {
      lines.add(String.format("and %,d more", to - from - TOOLTIP_STEPS));
    }
    tip.setText(String.join("\n", lines));
    Tooltip.install(canvas, tip);
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
