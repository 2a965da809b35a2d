package org.sysmontriage.ui.hits;

import java.util.List;
import java.util.TreeSet;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sysmontriage.detect.Analytic;
import org.sysmontriage.event.CancelledException;
import org.sysmontriage.ui.common.IntRows;
import org.sysmontriage.ui.common.TaskRunner;
import org.sysmontriage.ui.grid.DisplayTime;
import org.sysmontriage.ui.grid.GridModel;
import org.sysmontriage.ui.grid.GridResult;
import org.sysmontriage.ui.grid.GridState;

/**
 * The hits table's state: filters, sort, grouping and the rows they select. Filtering and sorting
 * run on primitive arrays, in the background when there are many hits; a newer query supersedes
 * an older one still running.
 */
public final class HitsViewModel {
  /** Above this many hits a query runs on a worker thread. */
  static final int BACKGROUND_THRESHOLD = 20_000;

  private final TaskRunner runner;
  private final DisplayTime time;
  private final GridModel<HitTable> grid;
  private final ReadOnlyObjectWrapper<HitTable> table = new ReadOnlyObjectWrapper<>(HitTable.empty());
  private final StringProperty text = new SimpleStringProperty("");
  private final ObjectProperty<String> host = new SimpleObjectProperty<>();
  private final ObjectProperty<String> user = new SimpleObjectProperty<>();
  private final ObjectProperty<String> analytic = new SimpleObjectProperty<>();
  private final ObjectProperty<String> technique = new SimpleObjectProperty<>();
  private final IntegerProperty minRisk = new SimpleIntegerProperty(0);
  private final ObjectProperty<long[]> timeRange = new SimpleObjectProperty<>();
  private final IntegerProperty selectedHit = new SimpleIntegerProperty(-1);
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
  private final ObservableList<String> hosts = FXCollections.observableArrayList();
  private final ObservableList<Analytic> analytics = FXCollections.observableArrayList();
  private final ObservableList<String> techniques = FXCollections.observableArrayList();
  private final ObservableList<String> analyticIds = FXCollections.observableArrayList();
  private long generation;
  private boolean quiet;
  private TaskRunner.Job running;

  public HitsViewModel(TaskRunner runner) {
    this(runner, new DisplayTime());
  }

  public HitsViewModel(TaskRunner runner, DisplayTime time) {
    this.runner = runner;
    this.time = time;
    this.grid = new GridModel<>(HitColumn.grid(time), table::get,
        GridState.sortedBy(List.of(new GridState.SortKey(HitColumn.RISK.key(), false))));
    for (ObservableValue<?> p : List.of(text, host, user, analytic, technique, minRisk, timeRange, grid.stateProperty())) {
      p.addListener((o, a, b) -> refresh());
    }
  }

  /** Shows the hits of a new investigation with every filter cleared; {@code hostNames} feed the host filter. */
  public void show(HitTable next, List<String> hostNames) {
    table.set(next);
    hosts.setAll(new TreeSet<>(hostNames));
    analytics.setAll(next.analytics());
    analyticIds.setAll(next.analytics().stream().map(Analytic::id).toList());
    TreeSet<String> ids = new TreeSet<>();
    next.analytics().forEach(a -> ids.addAll(a.techniques()));
    techniques.setAll(ids);
    selectedHit.set(-1);
    quiet = true;
    clearFilters();
    quiet = false;
    refresh();
  }

  public void clearFilters() {
    text.set("");
    host.set(null);
    user.set(null);
    analytic.set(null);
    technique.set(null);
    minRisk.set(0);
    timeRange.set(null);
    grid.update(GridState::withoutFilters);
  }

  /**
   * What the analyst set on this view: the filters above the table, the time range, and the grid's filter row,
   * sort and grouping. Kept by Back / Forward with each place.
   */
  public record ViewState(String text, String host, String user, String analytic, String technique, int minRisk,
      List<Long> timeRange, GridState grid) {}

  public ViewState viewState() {
    long[] r = timeRange.get();
    return new ViewState(text.get(), host.get(), user.get(), analytic.get(), technique.get(), minRisk.get(),
        r == null ? null : List.of(r[0], r[1]), grid.state());
  }

  /** Sets every filter, the sort and the grouping of {@code s} at once (one query), if they differ. */
  public void restore(ViewState s) {
    if (s == null || s.equals(viewState())) {
      return;
    }
    quiet = true;
    try {
      text.set(s.text());
      host.set(s.host());
      user.set(s.user());
      analytic.set(s.analytic());
      technique.set(s.technique());
      minRisk.set(s.minRisk());
      timeRange.set(s.timeRange() == null ? null : new long[] {s.timeRange().get(0), s.timeRange().get(1)});
      grid.stateProperty().set(s.grid());
    } finally {
      quiet = false;
    }
    refresh();
  }

  /** Sorts by one column (ties by time); header clicks land in {@link #grid()} with every sort key. */
  public void sortBy(HitColumn column, boolean asc) {
    grid.update(s -> s.withSort(List.of(new GridState.SortKey(column.key(), asc))));
  }

  public HitQuery query() {
    long[] range = timeRange.get();
    HitFilter f = new HitFilter(text.get(), host.get(), user.get(), analytic.get(), technique.get(),
        minRisk.get(), range == null ? Long.MIN_VALUE : range[0], range == null ? Long.MAX_VALUE : range[1]);
    GridState g = grid.state();
    if (g.sort().stream().noneMatch(k -> k.column().equals(HitColumn.TIME.key()))) {
      List<GridState.SortKey> keys = new java.util.ArrayList<>(g.sort());
      keys.add(new GridState.SortKey(HitColumn.TIME.key(), true)); // ties in time order
      g = g.withSort(keys);
    }
    return new HitQuery(f, g, grid.columns());
  }

  private void refresh() {
    if (quiet) {
      return;
    }
    HitTable t = table.get();
    HitQuery q = query();
    long gen = ++generation;
    if (running != null) {
      running.cancel();
    }
    if (t.size() <= BACKGROUND_THRESHOLD) {
      running = null;
      try {
        apply(gen, t, q.run(t, new org.sysmontriage.event.CancellationToken()));
      } catch (IllegalArgumentException e) {
        failed(gen, e);
      }
      return;
    }
    summary.set("Filtering " + String.format("%,d", t.size()) + " hits…");
    running = runner.submit(cancel -> q.run(t, cancel), r -> apply(gen, t, r), e -> failed(gen, e));
  }

  private void apply(long gen, HitTable t, GridResult r) {
    if (gen != generation) {
      return;
    }
    int keep = selectedHit.get();
    grid.apply(t, r);
    summary.set(summaryOf(t, r.matched().length));
    if (keep >= 0 && grid.positionOf(keep) < 0 && !inCollapsedGroup(r, keep)) {
      selectedHit.set(-1);
    }
  }

  private static boolean inCollapsedGroup(GridResult r, int h) {
    for (int m : r.matched()) {
      if (m == h) {
        return true;
      }
    }
    return false;
  }

  /** A filter that does not parse (or a failed pass): said in the summary; the rows shown stay. */
  private void failed(long gen, Throwable e) {
    if (gen != generation || e instanceof CancelledException) {
      return;
    }
    // a filter that does not parse says why; any other failure is said (and logged), never left as "Filtering…"
    String why = e instanceof IllegalArgumentException ? e.getMessage() : org.sysmontriage.ui.common.Failures.says("The hits could not be filtered", e);
    grid.fail(why);
    summary.set(why);
  }

  private static String summaryOf(HitTable t, int shown) {
    return shown == t.size()
        ? String.format("%,d hits", t.size())
        : String.format("%,d of %,d hits", shown, t.size());
  }

  /** The rows shown: hit indexes, and group headers (negative, see {@link GridResult}) when grouping. */
  public IntRows rows() {
    return grid.rows();
  }

  /** The hits that pass every filter, in display order (also those of collapsed groups). */
  public int[] matched() {
    return grid.result().matched();
  }

  /** Runs this table's long work (the timeline builds its lanes on it too). */
  public TaskRunner runner() {
    return runner;
  }

  public GridModel<HitTable> grid() {
    return grid;
  }

  public DisplayTime displayTime() {
    return time;
  }

  public ReadOnlyObjectProperty<HitTable> tableProperty() {
    return table.getReadOnlyProperty();
  }

  public HitTable table() {
    return table.get();
  }

  public StringProperty textProperty() {
    return text;
  }

  public ObjectProperty<String> hostProperty() {
    return host;
  }

  public ObjectProperty<String> userProperty() {
    return user;
  }

  /** The analytic id filtered on, or null. */
  public ObjectProperty<String> analyticProperty() {
    return analytic;
  }

  /** The analytic ids that fired, for the filter's choices. */
  public ObservableList<String> analyticIds() {
    return analyticIds;
  }

  /** "title (id)" for an analytic id that fired. */
  public String analyticLabel(String id) {
    return analytics.stream().filter(a -> a.id().equals(id)).findFirst().map(a -> a.title() + "  (" + a.id() + ")").orElse(id);
  }

  public ObjectProperty<String> techniqueProperty() {
    return technique;
  }

  public IntegerProperty minRiskProperty() {
    return minRisk;
  }

  /** The brushed time range {from, to} in ticks, or null for all time. */
  public ObjectProperty<long[]> timeRangeProperty() {
    return timeRange;
  }

  /** Groups by a column (null: no grouping). */
  public void groupBy(HitColumn column) {
    grid.update(s -> s.withGroupBy(column == null ? null : column.key()));
  }

  /** The selected hit index, or -1. */
  public IntegerProperty selectedHitProperty() {
    return selectedHit;
  }

  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  public ObservableList<String> hosts() {
    return hosts;
  }

  public ObservableList<Analytic> analytics() {
    return analytics;
  }

  public ObservableList<String> techniques() {
    return techniques;
  }
}
