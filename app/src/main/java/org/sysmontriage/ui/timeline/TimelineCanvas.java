package org.sysmontriage.ui.timeline;

import java.util.function.Consumer;
import java.util.function.IntConsumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * The timeline control: a canvas that fills its region. Wheel zooms about the pointer, drag pans,
 * shift-drag (or drag with the brush on) selects a time range, a click selects the nearest hit,
 * double-click fits everything.
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

  /** The least height of the plot, in pixels, whatever the window and text size. */
  public static final double MIN_HEIGHT = 120;

  public TimelineCanvas() {
    getChildren().add(canvas);
    setFocusTraversable(true);
    setMinHeight(MIN_HEIGHT); // the split pane above the table never squeezes the lanes to nothing
    setOnScroll(this::scrolled);
    setOnMousePressed(this::pressed);
    setOnMouseDragged(this::dragged);
    setOnMouseReleased(this::released);
    setOnKeyPressed(this::key);
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

  public void setData(TimelineData data) {
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

  public void setShown(boolean[] shown) {
    state.shown = shown;
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

  void redraw() {
    painter.paint(canvas.getGraphicsContext2D(), state, canvas.getWidth(), canvas.getHeight());
  }

  private double plotWidth() {
    return Math.max(1, getWidth() - painter.gutter);
  }

  private void scrolled(ScrollEvent e) {
    if (e.getDeltaY() == 0 || state.data == null) {
      return;
    }
    state.axis.zoom(e.getDeltaY() > 0 ? 0.8 : 1.25, e.getX() - painter.gutter, plotWidth());
    redraw();
    e.consume();
  }

  private void pressed(MouseEvent e) {
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
    double w = plotWidth();
    switch (e.getCode()) {
      case PLUS, EQUALS, ADD -> state.axis.zoom(0.8, w / 2, w);
      case MINUS, SUBTRACT -> state.axis.zoom(1.25, w / 2, w);
      case LEFT -> state.axis.pan(w / 10, w);
      case RIGHT -> state.axis.pan(-w / 10, w);
      case DIGIT0, NUMPAD0, HOME -> state.axis.reset();
      case ESCAPE -> onBrush.accept(null);
      default -> {
        return;
      }
    }
    redraw();
    e.consume();
  }
}
