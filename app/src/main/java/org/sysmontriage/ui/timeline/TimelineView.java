package org.sysmontriage.ui.timeline;

import javafx.beans.property.BooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.sysmontriage.event.CancelledException;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.ui.common.Failures;
import org.sysmontriage.ui.common.Ids;
import org.sysmontriage.ui.common.TaskRunner;
import org.sysmontriage.ui.common.Styles;
import org.sysmontriage.ui.hits.HitTable;
import org.sysmontriage.ui.hits.HitsViewModel;

/** Hits over time above the table: lanes, severity colours, density of all events, a brush that filters. */
public final class TimelineView extends VBox {
  static final int MAX_LANES = 12;

  private final HitsViewModel vm;
  private final TimelineCanvas canvas = new TimelineCanvas();
  private final ComboBox<LaneMode> lanes = new ComboBox<>();
  private final ToggleButton expandPacks = new ToggleButton("Expand pack lanes");
  private static final String HINT = "Wheel zoom · drag pan · Shift+drag time range · arrows: dot to dot";
  private final Label hint = new Label();
  /** The hint's text before it is put on lines for the bar's width. */
  private String hintText = HINT;
  private long generation;
  private TaskRunner.Job building;
  /** The store whose event times {@link #eventTicks} holds: a lane change reuses them. */
  private EventStore ticksOf;
  private long[] eventTicks;

  public TimelineView(HitsViewModel vm, BooleanProperty dark) {
    this.vm = vm;
    getStyleClass().add(Styles.TIMELINE);
    canvas.setId(Ids.TIMELINE);
    VBox.setVgrow(canvas, Priority.ALWAYS);
    getChildren().addAll(toolbar(), canvas);
    canvas.onBrush(r -> vm.timeRangeProperty().set(r));
    canvas.onPick(h -> vm.selectedHitProperty().set(h));
    canvas.setPassRunner(vm.runner()); // new hits' first dots clustered there, not in the pulse that shows them
    vm.tableProperty().addListener((o, a, t) -> rebuild(t));
    lanes.valueProperty().addListener((o, a, b) -> rebuild(vm.table()));
    vm.timeRangeProperty().addListener((o, a, r) -> canvas.setBrush(r));
    vm.selectedHitProperty().addListener((o, a, h) -> canvas.setSelected(h.intValue()));
    vm.rows().addListener((ListChangeListener<Integer>) c -> showShown());
    dark.addListener((o, a, d) -> canvas.setDark(d));
    vm.displayTime().zoneProperty().addListener((o, a, z) -> canvas.setZone(z));
    canvas.setZone(vm.displayTime().zone());
    canvas.setDark(dark.get());
  }

  /** Gives the keyboard to the timeline (View > Timeline). */
  public void focus() {
    canvas.requestFocus();
  }

  private FlowPane toolbar() {
    lanes.setId(Ids.TIMELINE_LANES);
    lanes.getItems().setAll(LaneMode.values());
    lanes.setValue(LaneMode.HOST);
    ToggleButton brush = new ToggleButton("Brush", new FontIcon(Material2OutlinedAL.HIGHLIGHT_ALT));
    brush.setTooltip(new Tooltip("Drag on the timeline to keep only hits in that time range (or hold Shift while dragging)"));
    brush.selectedProperty().addListener((o, a, b) -> canvas.setBrushMode(b));
    Button clear = new Button("All time", new FontIcon(Material2OutlinedAL.CLEAR));
    clear.setId(Ids.TIMELINE_CLEAR_BRUSH);
    clear.disableProperty().bind(vm.timeRangeProperty().isNull());
    clear.setOnAction(e -> vm.timeRangeProperty().set(null));
    Button fit = new Button("Fit", new FontIcon(Material2OutlinedMZ.ZOOM_OUT_MAP));
    fit.setOnAction(e -> canvas.fit());
    fit.setTooltip(new Tooltip("Show the whole time span (double-click or 0 on the timeline)"));
    hint.getStyleClass().add(Styles.MUTED);
    hint.setWrapText(true); // a message without " · " parts (a failure) wraps at spaces
    hint.fontProperty().addListener((o, a, f) -> canvas.setFontSize(f.getSize())); // the hint's font follows Ctrl+= / Ctrl+-
    // The canvas's own tooltip lists the hits under the pointer; the help is on the hint.
    hint.setTooltip(new Tooltip("Dots: hits, coloured by severity (grey info, blue low, yellow medium, red high, purple critical);"
        + " hits whose dots would overlap share one dot with their count.\n"
        + "Bars behind: all events, so bursts show in context.\nPointer over a dot: its hits · click a dot: open its riskiest hit\n"
        + "Left / Right: previous / next dot of the lane · Up / Down: the lane above / below (the table selects the same hit)\n"
        + "Wheel or +/-: zoom · drag or Shift+Left/Right: pan · Shift+drag: keep hits in a time range · double-click or 0: fit · Esc: all time"));
    expandPacks.setId(Ids.TIMELINE_EXPAND_PACKS);
    expandPacks.setTooltip(new Tooltip("Hits of the Hunt pack and of your rule folders sit below the LSASS lanes, one lane per pack;"
        + " expand to see a lane per host or analytic in each pack"));
    expandPacks.selectedProperty().addListener((o, a, b) -> rebuild(vm.table()));
    expandPacks.setVisible(false);
    expandPacks.managedProperty().bind(expandPacks.visibleProperty());
    FlowPane bar = new FlowPane(lanes, expandPacks, brush, clear, fit, hint) {
      // Its least width is its widest button's: a one-line hint (its preferred width) held the hits | details divider
      // 60 px to the right at 1024x700 with the text three steps larger; the hint goes on lines between its parts.
      @Override
      protected double computeMinWidth(double height) {
        double widest = 0;
        for (javafx.scene.Node n : getManagedChildren()) {
          widest = Math.max(widest, n == hint ? hint.minWidth(-1) : n.prefWidth(-1));
        }
        return snappedLeftInset() + widest + snappedRightInset();
      }
    };
    bar.getStyleClass().add(Styles.TOOLBAR);
    bar.setAlignment(Pos.CENTER_LEFT);
    Runnable fitHint = () -> hint.setText(HintLines.fit(hintText, bar.getWidth() - bar.snappedLeftInset() - bar.snappedRightInset() - 1,
        w -> org.sysmontriage.ui.common.Fit.textWidth(w, hint.getFont())));
    hint.maxWidthProperty().bind(bar.widthProperty()); // a failure's message (no parts) never runs past the bar
    bar.widthProperty().addListener((o, a, b) -> fitHint.run());
    hint.fontProperty().addListener((o, a, b) -> fitHint.run());
    hintShown = t -> {
      hintText = t;
      fitHint.run();
    };
    hintShown.accept(HINT);
    return bar;
  }

  /** Shows a hint or message in the bar (put on lines between its parts for the bar's width). */
  private java.util.function.Consumer<String> hintShown;

  /**
   * Builds the lanes of a table on the task runner (a pass over the events and hits, a sort per lane);
   * the UI thread only swaps the finished data in. A newer table or lane choice supersedes an older build.
   */
  private void rebuild(HitTable t) {
    long gen = ++generation;
    if (building != null) {
      building.cancel();
    }
    LaneMode mode = lanes.getValue();
    boolean expand = expandPacks.isSelected();
    long[] known = ticksOf == t.store() ? eventTicks : null;
    building = vm.runner().submit(cancel -> new TimelineData(t, mode, MAX_LANES, expand, known), data -> {
      if (gen != generation) {
        return;
      }
      building = null;
      hintShown.accept(HINT);
      ticksOf = t.store();
      eventTicks = data.eventTicks();
      expandPacks.setVisible(data.firstPackLane() >= 0);
      canvas.setData(data);
      showShown();
      canvas.setBrush(vm.timeRangeProperty().get());
    }, e -> {
      if (gen == generation && !(e instanceof CancelledException)) {
        building = null;
        hintShown.accept(Failures.says("The timeline could not be drawn", e)); // said where the timeline would be, and logged
      }
    });
  }

  /** The hits passing the table's filters, drawn strong; a sort (same hits) keeps the dots the timeline has. */
  private void showShown() {
    boolean[] next = shown();
    boolean[] now = canvas.shown();
    if (next != null && now != null && canvas.data() != null && java.util.Arrays.equals(next, now)) {
      return;
    }
    canvas.setShown(next);
  }

  private boolean[] shown() {
    HitTable t = vm.table();
    int[] matched = vm.matched();
    if (matched.length == t.size() || vm.grid().source() != t) { // rows of the previous table: all shown until the new pass
      return null;
    }
    if (canvas.data() == null || canvas.data().table() != t) { // the lanes of this table are still being built
      return null;
    }
    boolean[] shown = new boolean[t.size()];
    for (int h : matched) {
      shown[h] = true;
    }
    return shown;
  }
}
