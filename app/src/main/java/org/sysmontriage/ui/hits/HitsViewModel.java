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
import org.sysmontriage.ui.common.IntRows;
import org.sysmontriage.ui.common.TaskRunner;

/**
 * The hits table's state: filters, sort, grouping and the rows they select. Filtering and sorting
 * run on primitive arrays, in the background when there are many hits; a newer query supersedes
 * an older one still running.
 */
public final class HitsViewModel {
  /** Above this many hits a query runs on a worker thread. */
  static final int BACKGROUND_THRESHOLD = 20_000;

  private final TaskRunner runner;
  private final IntRows rows = new IntRows();
  private final ReadOnlyObjectWrapper<HitTable> table = new ReadOnlyObjectWrapper<>(HitTable.empty());
  private final StringProperty text = new SimpleStringProperty("");
  private final ObjectProperty<String> host = new SimpleObjectProperty<>();
  private final ObjectProperty<String> user = new SimpleObjectProperty<>();
  private final ObjectProperty<String> analytic = new SimpleObjectProperty<>();
  private final ObjectProperty<String> technique = new SimpleObjectProperty<>();
  private final IntegerProperty minRisk = new SimpleIntegerProperty(0);
  private final ObjectProperty<long[]> timeRange = new SimpleObjectProperty<>();
  private final ObjectProperty<GroupBy> groupBy = new SimpleObjectProperty<>(GroupBy.NONE);
  private final IntegerProperty selectedHit = new SimpleIntegerProperty(-1);
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
  private final ObservableList<String> hosts = FXCollections.observableArrayList();
  private final ObservableList<Analytic> analytics = FXCollections.observableArrayList();
  private final ObservableList<String> techniques = FXCollections.observableArrayList();
  private final ObservableList<String> analyticIds = FXCollections.observableArrayList();
  private HitColumn sortColumn = HitColumn.RISK;
  private boolean ascending;
  private long generation;
  private boolean quiet;
  private TaskRunner.Job running;

  public HitsViewModel(TaskRunner runner) {
    this.runner = runner;
    for (ObservableValue<?> p : List.of(text, host, user, analytic, technique, minRisk, timeRange, groupBy)) {
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
  }

  /** Sorts by a column; the table's header clicks land here. */
  public void sortBy(HitColumn column, boolean asc) {
    if (column != sortColumn || asc != ascending) {
      sortColumn = column;
      ascending = asc;
      refresh();
    }
  }

  public HitQuery query() {
    long[] range = timeRange.get();
    HitFilter f = new HitFilter(text.get(), host.get(), user.get(), analytic.get(), technique.get(),
        minRisk.get(), range == null ? Long.MIN_VALUE : range[0], range == null ? Long.MAX_VALUE : range[1]);
    return new HitQuery(f, sortColumn, ascending, groupBy.get());
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
      apply(gen, t, q.run(t, new org.sysmontriage.event.CancellationToken()));
      return;
    }
    summary.set("Filtering " + String.format("%,d", t.size()) + " hits…");
    running = runner.submit(cancel -> q.run(t, cancel), ids -> apply(gen, t, ids), e -> failed(gen, e));
  }

  private void apply(long gen, HitTable t, int[] ids) {
    if (gen != generation) {
      return;
    }
    int keep = selectedHit.get();
    rows.replace(ids);
    summary.set(summaryOf(t, ids.length));
    if (keep >= 0 && rows.indexOf(keep) < 0) {
      selectedHit.set(-1);
    }
  }

  // A superseded query was cancelled on purpose; any other failure is said, never left as "Filtering…".
  private void failed(long gen, Throwable e) {
    if (gen == generation) {
      summary.set(org.sysmontriage.ui.common.Failures.says("The hits could not be filtered", e));
    }
  }

  private static String summaryOf(HitTable t, int shown) {
    return shown == t.size()
        ? String.format("%,d hits", t.size())
        : String.format("%,d of %,d hits", shown, t.size());
  }

  public IntRows rows() {
    return rows;
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

  public ObjectProperty<GroupBy> groupByProperty() {
    return groupBy;
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

  public HitColumn sortColumn() {
    return sortColumn;
  }

  public boolean ascending() {
    return ascending;
  }
}
