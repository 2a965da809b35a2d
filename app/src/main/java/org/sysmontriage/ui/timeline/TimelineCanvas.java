package org.sysmontriage.ui.timeline;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import java.util.function.IntConsumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * The timeline control: a canvas that fills its region. Wheel zooms about the pointer, drag pans,
 * shift-drag (or drag with the brush on) selects a time range, a click selects the nearest hit,
 * double-click fits everything; the pointer over a dot lists its hits. Keys: Left / Right the previous /
 * next dot of the lane, Up / Down the nearest dot of the lane above / below, Shift+Left / Right pan,
 * + / - zoom (about the selected hit when it is in view), 0 or Home fit, Esc clears the time range.
 */
public final class TimelineCanvas extends Region {
  private final Canvas canvas = new Canvas();
  private final TimelinePainter painter = new TimelinePainter();
  final TimelineState state = new TimelineState();
  private Consumer<long[]> onBrush = r -> {};
  private IntConsumer onPick = h -> {};
  private boolean brushMode;
  private double pressX;
  private double lastX;
  private boolean dragging;
  private boolean brushing;
  private final Tooltip hover = new Tooltip();
  private HitPicker.Spot hoverSpot;
  /**
   * Hidden (the Hits tab not selected), the canvas does not paint or cluster: the window's first pulses after an
   * import, a filter or a resize on another tab are not spent on dots no one sees. It paints when it shows again.
   * While its tab's first showing grows over a few pulses (ShownPane), it paints at the first step and the last, not
   * at the sizes in between: each would cluster every hit in view again for one frame (65,762 hits in bench ui).
   */
  private final org.sysmontriage.ui.common.WhenShown whenShown = new org.sysmontriage.ui.common.WhenShown(this,
      () -> !org.sysmontriage.ui.common.ShownPane.growingAround(this));

  /** The least height of the plot, in pixels, whatever the window and text size. */
  public static final double MIN_HEIGHT = 120;
  /**
   * Hits in view from which the first clustering of new data (its first pass reads every hit in view) is made on the
   * runner, not in the paint: the first show of the Hits tab painted 65,762 hits' dots in code the JVM had not
   * compiled yet, 26 ms of the FX thread's time in that pulse at 1M events in bench ui. Later paints of the same data
   * (zoom, filters, size) cluster in the paint, in compiled code (about 5 ms there).
   */
  static final int ELSEWHERE_HITS = 10_000;
  int elsewhereHits = ELSEWHERE_HITS;
  /** Where a first clustering is made (null: in the paint). */
  private org.sysmontriage.ui.common.TaskRunner passRunner;
  /** The first pass asked of the runner and not back yet, or null. */
  private TimelinePainter.Pass asked;
  private org.sysmontriage.ui.common.TaskRunner.Job passJob;
  /** A first pass the runner failed to make: made in the paint instead. */
  private TimelinePainter.Pass failed;
  private boolean painting;
  /** Set while a paint must cluster itself (what reads the dots needs them now; the probe's paint cost). */
  private boolean here;

  public TimelineCanvas() {
    getChildren().add(canvas);
    setFocusTraversable(true);
    setMinHeight(MIN_HEIGHT); // the split pane above the table never squeezes the lanes to nothing
    setOnScroll(this::scrolled);
    setOnMousePressed(this::pressed);
    setOnMouseDragged(this::dragged);
    setOnMouseReleased(this::released);
    setOnKeyPressed(this::key);
    setOnMouseMoved(this::moved);
    setOnMouseExited(e -> hideHover());
    hover.setWrapText(false);
    painter.elsewhere = this::elsewhere;
  }

  /** Makes the first clustering of new data with many hits in view on {@code runner} (null: in the paint). */
  public void setPassRunner(org.sysmontriage.ui.common.TaskRunner runner) {
    passRunner = runner;
  }

  /** Paints now if a paint was skipped while hidden or waits for its dots (what reads the dots wants them for the current view). */
  private void painted() {
    whenShown.flush();
    if (asked != null && state.dotsKey == null && state.data != null) {
      here(this::paint);
    }
  }

  private void here(Runnable r) {
    boolean was = here;
    here = true;
    try {
      r.run();
    } finally {
      here = was;
    }
  }

  /** How many first passes the paints made themselves, reading every hit in view (for tests). */
  int passesInPaint() {
    return painter.passesInPaint;
  }

  /** True while the dots of the current view are made on the runner (for tests). */
  boolean awaitingPass() {
    return asked != null;
  }

  // The painter asks: is this first pass made on the runner? Yes for new data with many hits in view.
  private boolean elsewhere(TimelinePainter.Pass p) {
    if (passRunner == null || here || p.equals(failed) || p.hitsInView() < elsewhereHits) {
      return false;
    }
    if (p.equals(asked)) {
      return true; // on its way
    }
    if (passJob != null) {
      passJob.cancel();
    }
    asked = p;
    passJob = passRunner.submit(cancel -> new TimelinePainter.PassDone(p, p.run(cancel)), done -> {
      if (p.equals(asked)) {
        asked = null;
        passJob = null;
      }
      if (done.pass().data() == state.data) {
        state.pass = done; // used by the paint only for the view it was made for: a newer view asks again
        if (!painting) {
          redraw();
        }
      }
    }, e -> {
      if (p.equals(asked)) {
        asked = null;
        passJob = null;
        if (!(e instanceof org.sysmontriage.event.CancelledException)) {
          failed = p;
        }
        if (!painting) {
          redraw();
        }
      }
    });
    return true;
  }

  public void onBrush(Consumer<long[]> c) {
    onBrush = c;
  }

  public void onPick(IntConsumer c) {
    onPick = c;
  }

  public void setBrushMode(boolean on) {
    brushMode = on;
  }

  /** What is drawn, or null before the first data. */
  public TimelineData data() {
    return state.data;
  }

  public void setData(TimelineData data) {
    if (passJob != null) {
      passJob.cancel();
    }
    asked = null;
    passJob = null;
    state.data = data;
    state.indexLanes();
    long[] extent = data.extent();
    if (extent != null) {
      state.axis.fit(extent[0], extent[1]);
    }
    redraw();
  }

  public void setBrush(long[] range) {
    state.brush = range;
    redraw();
  }

  public void setSelected(int hit) {
    state.selected = hit;
    redraw();
  }

  /** Which hits pass the table's filters, or null for all. */
  public boolean[] shown() {
    return state.shown;
  }

  public void setShown(boolean[] shown) {
    state.shown = shown;
    redraw();
  }

  /** The text size of the window, in pixels (labels, dots and counts follow it). */
  public void setFontSize(double px) {
    painter.setFontSize(px);
    redraw();
  }

  /** The zone the axis labels are in (the grid's display zone). */
  public void setZone(java.time.ZoneId zone) {
    state.zone = zone == null ? java.time.ZoneOffset.UTC : zone;
    redraw();
  }

  public void setDark(boolean dark) {
    state.palette = dark ? TimelinePalette.dark() : TimelinePalette.light();
    redraw();
  }

  public void fit() {
    state.axis.reset();
    redraw();
  }

  @Override
  protected void layoutChildren() {
    canvas.setWidth(Math.max(1, getWidth()));
    canvas.setHeight(Math.max(1, getHeight()));
    redraw();
  }

  /**
   * For {@code bench ui}: the FX thread's CPU time of a paint that clusters every hit in view (as after
   * a new view, size or filter) and of one that reuses the dots (selection, brush, hover, layout), in
   * nanoseconds: {fresh, reused}.
   */
  public long[] paintCost() {
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    state.dotsKey = null;
    state.pass = null; // a first pass made on the runner for this view would be merged: the measure is of a paint reading every hit
    long[] t = new long[3];
    here(() -> {
      t[0] = cpu.getCurrentThreadCpuTime();
      paint();
      t[1] = cpu.getCurrentThreadCpuTime();
      paint();
      t[2] = cpu.getCurrentThreadCpuTime();
    });
    return new long[] {t[1] - t[0], t[2] - t[1]};
  }

  void redraw() {
    whenShown.run(this::paint);
  }

  private void paint() {
    painting = true;
    try {
      painter.paint(canvas.getGraphicsContext2D(), state, canvas.getWidth(), canvas.getHeight());
    } finally {
      painting = false;
    }
  }

  /** True when the last paint was skipped because the canvas was hidden (for tests). */
  boolean stale() {
    return whenShown.waiting();
  }

  private double plotWidth() {
    return Math.max(1, getWidth() - painter.gutter);
  }

  private void scrolled(ScrollEvent e) {
    hideHover();
    if (e.getDeltaY() == 0 || state.data == null) {
      return;
    }
    state.axis.zoom(e.getDeltaY() > 0 ? 0.8 : 1.25, e.getX() - painter.gutter, plotWidth());
    redraw();
    e.consume();
  }

  private void pressed(MouseEvent e) {
    hideHover();
    requestFocus();
    pressX = e.getX();
    lastX = e.getX();
    dragging = false;
    brushing = e.getButton() == MouseButton.PRIMARY && (e.isShiftDown() || brushMode);
    if (e.getClickCount() == 2) {
      fit();
    }
  }

  private void dragged(MouseEvent e) {
    dragging |= Math.abs(e.getX() - pressX) > 3;
    if (brushing) {
      state.brush = range(pressX, e.getX());
    } else {
      state.axis.pan(e.getX() - lastX, plotWidth());
    }
    lastX = e.getX();
    redraw();
  }

  private void released(MouseEvent e) {
    if (brushing && dragging) {
      onBrush.accept(range(pressX, e.getX()));
    } else if (!dragging && e.getClickCount() == 1) {
      painted();
      int hit = HitPicker.pick(state, painter, e.getX(), e.getY(), getWidth(), getHeight());
      if (hit >= 0) {
        onPick.accept(hit);
      }
    }
    brushing = false;
  }

  private long[] range(double x1, double x2) {
    double w = plotWidth();
    long a = (long) state.axis.ticks(Math.min(x1, x2) - painter.gutter, w);
    long b = (long) state.axis.ticks(Math.max(x1, x2) - painter.gutter, w);
    return new long[] {a, b};
  }

  private void key(KeyEvent e) {
    if (e.isShortcutDown() || e.isAltDown()) {
      return; // Ctrl+= is the window's text size, Alt+Left is Back: not the timeline's zoom and pan
    }
    painted(); // the keys go from dot to dot: the dots of this view, even when the runner has not sent them yet
    double w = plotWidth();
    switch (e.getCode()) {
      case PLUS, EQUALS, ADD -> state.axis.zoom(0.8, zoomAnchor(w), w);
      case MINUS, SUBTRACT -> state.axis.zoom(1.25, zoomAnchor(w), w);
      case LEFT, KP_LEFT -> {
        if (e.isShiftDown()) {
          state.axis.pan(w / 10, w);
        } else {
          stepDot(-1);
        }
      }
      case RIGHT, KP_RIGHT -> {
        if (e.isShiftDown()) {
          state.axis.pan(-w / 10, w);
        } else {
          stepDot(1);
        }
      }
      case UP, KP_UP -> stepLane(-1);
      case DOWN, KP_DOWN -> stepLane(1);
      case DIGIT0, NUMPAD0, HOME -> state.axis.reset();
      case ESCAPE -> onBrush.accept(null);
      default -> {
        return;
      }
    }
    hideHover();
    redraw();
    e.consume();
  }

  // + and - keep the selected hit in place when it is in view, so zooming in on it is a few presses.
  private double zoomAnchor(double w) {
    int sel = state.selected;
    if (state.data != null && sel >= 0 && sel < state.laneOf.length && state.laneOf[sel] >= 0) {
      double x = state.axis.x(state.data.table().ticks(sel), w);
      if (x >= 0 && x <= w) {
        return x;
      }
    }
    return w / 2;
  }

  private int selectedLane() {
    int sel = state.selected;
    return state.data != null && sel >= 0 && sel < state.laneOf.length ? state.laneOf[sel] : -1;
  }

  /** Left / Right: the previous / next dot of the selected hit's lane (or beyond the view, which follows it). */
  private void stepDot(int dir) {
    if (state.data == null || state.data.lanes() == 0) {
      return;
    }
    int lane = selectedLane();
    if (lane < 0) {
      for (int l = 0; l < state.dots.length; l++) {
        List<DotClusters.Cluster> dots = state.dots[l];
        for (int i = 0; i < dots.size(); i++) {
          DotClusters.Cluster c = dots.get(dir > 0 ? i : dots.size() - 1 - i);
          if (c.shown() > 0) {
            choose(c.best());
            return;
          }
        }
      }
      return;
    }
    List<DotClusters.Cluster> dots = state.dots[lane];
    int pos = state.posInLane[state.selected];
    int i = DotClusters.indexOf(dots, pos);
    for (int j = i >= 0 ? i + dir : firstBeyond(dots, pos, dir); j >= 0 && j < dots.size(); j += dir) {
      if (dots.get(j).shown() > 0) {
        choose(dots.get(j).best());
        return;
      }
    }
    int[] ids = state.data.lane(lane);
    int k = i < 0 ? pos + dir : dir > 0 ? dots.get(i).to() : dots.get(i).from() - 1;
    for (; k >= 0 && k < ids.length; k += dir) {
      if (state.shown(ids[k])) {
        choose(ids[k]);
        return;
      }
    }
  }

  // The selected hit is out of view: the first dot after it (Right) or the last before it (Left).
  private static int firstBeyond(List<DotClusters.Cluster> dots, int pos, int dir) {
    if (dir > 0) {
      for (int j = 0; j < dots.size(); j++) {
        if (dots.get(j).from() > pos) {
          return j;
        }
      }
      return dots.size();
    }
    for (int j = dots.size() - 1; j >= 0; j--) {
      if (dots.get(j).to() <= pos) {
        return j;
      }
    }
    return -1;
  }

  /** Up / Down: the dot nearest in time to the selection in the next lane above / below that has one. */
  private void stepLane(int dir) {
    if (state.data == null) {
      return;
    }
    int lane = selectedLane();
    double w = plotWidth();
    double x = lane < 0 ? w / 2 : state.axis.x(state.data.table().ticks(state.selected), w);
    for (int l = lane < 0 ? (dir > 0 ? 0 : state.dots.length - 1) : lane + dir; l >= 0 && l < state.dots.length; l += dir) {
      int j = DotClusters.nearestShown(state.dots[l], x);
      if (j >= 0) {
        choose(state.dots[l].get(j).best());
        return;
      }
    }
  }

  // Selects a hit (the table follows) and brings it into view when the keys went past the edge.
  private void choose(int hit) {
    if (hit < 0) {
      return;
    }
    double w = plotWidth();
    double x = state.axis.x(state.data.table().ticks(hit), w);
    if (x < 0 || x > w) {
      state.axis.centerOn(state.data.table().ticks(hit));
    }
    onPick.accept(hit);
  }

  private void moved(MouseEvent e) {
    painted();
    HitPicker.Spot spot = HitPicker.at(state, painter, e.getX(), e.getY(), getWidth(), getHeight());
    if (spot == null) {
      hideHover();
      return;
    }
    if (!spot.equals(hoverSpot) || !hover.isShowing()) {
      hoverSpot = spot;
      hover.setText(HitPicker.describe(state, spot));
      if (getScene() != null && getScene().getWindow() != null) {
        hover.show(this, e.getScreenX() + 14, e.getScreenY() + 14);
      }
    }
  }

  private void hideHover() {
    hoverSpot = null;
    hover.hide();
  }

  /** The list of hits under the pointer, as the hover shows it (empty when the pointer is over no dot). */
  public String hoverText() {
    return hoverSpot == null ? "" : hover.getText();
  }

  /** Where the dot holding {@code hit} is drawn, in this control's coordinates, or null when it is not in view. */
  public Point2D dotOf(int hit) {
    painted();
    if (state.data == null || hit < 0 || hit >= state.laneOf.length || state.laneOf[hit] < 0) {
      return null;
    }
    int lane = state.laneOf[hit];
    int i = DotClusters.indexOf(state.dots[lane], state.posInLane[hit]);
    if (i < 0) {
      return null;
    }
    double laneH = painter.laneHeight(getHeight(), state.data.lanes());
    return new Point2D(painter.gutter + state.dots[lane].get(i).x(), lane * laneH + laneH / 2);
  }

  /** The number of hits the dot holding {@code hit} stands for (its count), or 0 when it is not in view. */
  public int dotCount(int hit) {
    painted();
    if (state.data == null || hit < 0 || hit >= state.laneOf.length || state.laneOf[hit] < 0) {
      return 0;
    }
    int lane = state.laneOf[hit];
    int i = DotClusters.indexOf(state.dots[lane], state.posInLane[hit]);
    return i < 0 ? 0 : state.dots[lane].get(i).count();
  }
}
