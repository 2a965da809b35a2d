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
    hint.setText(HINT);
    hint.getStyleClass().add(Styles.MUTED);
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
    FlowPane bar = new FlowPane(lanes, expandPacks, brush, clear, fit, hint);
    bar.getStyleClass().add(Styles.TOOLBAR);
    bar.setAlignment(Pos.CENTER_LEFT);
    return bar;
  }

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
      hint.setText(HINT);
      ticksOf = t.store();
      eventTicks = data.eventTicks();
      expandPacks.setVisible(data.firstPackLane() >= 0);
      canvas.setData(data);
      showShown();
      canvas.setBrush(vm.timeRangeProperty().get());
    }, e -> {
      if (gen == generation && !(e instanceof CancelledException)) {
        building = null;
        hint.setText(Failures.says("The timeline could not be drawn", e)); // said where the timeline would be, and logged
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
