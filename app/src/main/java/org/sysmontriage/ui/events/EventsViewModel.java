package org.sysmontriage.ui.events;

import java.util.List;
import java.util.function.IntFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.CancelledException;
import org.sysmontriage.ui.common.IntRows;
import org.sysmontriage.ui.common.TaskRunner;
import org.sysmontriage.ui.details.DetailsViewModel;
import org.sysmontriage.ui.details.EventSummary;
import org.sysmontriage.ui.grid.DisplayTime;
import org.sysmontriage.ui.grid.GridColumn;
import org.sysmontriage.ui.grid.GridModel;
import org.sysmontriage.ui.grid.GridResult;
import org.sysmontriage.ui.grid.GridState;
import org.sysmontriage.ui.hits.HitTable;

/** The events browser over every event: EventID, host and text filters, time order. */
public final class EventsViewModel {
  static final int BACKGROUND_THRESHOLD = 50_000;

  private final TaskRunner runner;
  private final DetailsViewModel details;
  private final GridModel<EventStore> grid;
  private final DisplayTime time;
  private final java.util.function.Supplier<HitTable> hits;
  private final ObjectProperty<long[]> timeRange = new SimpleObjectProperty<>();
  private final ObjectProperty<String> eventId = new SimpleObjectProperty<>();
  private final ObjectProperty<String> host = new SimpleObjectProperty<>();
  private final StringProperty text = new SimpleStringProperty("");
  private final BooleanProperty newestFirst = new SimpleBooleanProperty(false);
  private final IntegerProperty selected = new SimpleIntegerProperty(-1);
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
  private final ObservableList<String> eventIds = FXCollections.observableArrayList();
  private final ObservableList<String> hosts = FXCollections.observableArrayList();
  private EventStore store = EventStore.empty();
  private IntFunction<Hit> hitOfEvent = e -> null;
  /** Starred events that are not hits (kept in the case). */
  private java.util.function.BiPredicate<EventStore, Integer> starred = (s, e) -> false;
  private long generation;
  private TaskRunner.Job running;
  private boolean quiet;

  public EventsViewModel(TaskRunner runner, DetailsViewModel details) {
    this(runner, details, new DisplayTime(), HitTable::empty);
  }

  /** @param hits the hits shown now: their stars, tags and notes show on their events */
  public EventsViewModel(TaskRunner runner, DetailsViewModel details, DisplayTime time, java.util.function.Supplier<HitTable> hits) {
    this.runner = runner;
    this.details = details;
    this.time = time;
    this.hits = hits;
    this.grid = new GridModel<>(columns(), () -> store, GridState.sortedBy(List.of()));
    for (ObservableValue<?> p : List.of(eventId, host, text, newestFirst, timeRange, grid.stateProperty())) {
      p.addListener((o, a, b) -> refresh());
    }
    selected.addListener((o, a, b) -> showDetails(b.intValue()));
  }

  private List<GridColumn<EventStore>> columns() {
    return List.of(
        GridColumn.text("bookmark", "★", 3, (s, e) -> (hitOf(s, e) >= 0 ? hits.get().bookmarked(hitOf(s, e)) : starred.test(s, e)) ? "★" : ""),
        new GridColumn<>("time", "Time", GridColumn.Kind.TIME, 15, (s, e) -> time.format(s.ticks(e)), EventStore::ticks),
        GridColumn.<EventStore>text("eventid", "EventID", 12, (s, e) -> SysmonEvents.label(Integer.toString(s.eventId(e))))
            .sortedBy((s, e) -> s.eventId(e)),
        GridColumn.text("host", "Host", 10, EventStore::computer),
        GridColumn.text("what", "What", 40, EventSummary::of),
        GridColumn.text("notes", "Tags / notes", 12, (s, e) -> hitOf(s, e) >= 0 ? hits.get().triageText(hitOf(s, e)) : ""),
        GridColumn.path("log", "Log", 14, (s, e) -> s.source(e).source()),
        GridColumn.number("record", "Record", 6, (s, e) -> Long.toString(s.recordId(e)), EventStore::recordId));
  }

  /** Where the stars of events that are not hits are kept (the case): asked per event shown. */
  public void setStarred(java.util.function.BiPredicate<EventStore, Integer> starred) {
    this.starred = starred;
  }

  /** The hit (index in the shown hit table) of an event, or -1. */
  private int hitOf(EventStore s, int e) {
    HitTable t = hits.get();
    return t.store() == s ? t.hitOfEvent(e) : -1;
  }

  /** Shows the events of a new investigation; {@code hitOf} finds the hit of an event, or null. */
  public void show(EventStore next, List<String> hostNames, IntFunction<Hit> hitOf) {
    store = next;
    hitOfEvent = hitOf;
    details.setHitLookup(hitOf);
    details.clear();
    eventIds.setAll(java.util.Arrays.stream(next.eventIds()).mapToObj(Integer::toString).toList());
    hosts.setAll(hostNames);
    quiet = true;
    eventId.set(null);
    host.set(null);
    text.set("");
    timeRange.set(null);
    grid.update(GridState::withoutFilters);
    quiet = false;
    selected.set(-1);
    refresh();
  }

  /** What the analyst set on this view (filters, time range, newest first, the grid's filter row, sort, grouping). */
  public record ViewState(String eventId, String host, String text, boolean newestFirst, List<Long> timeRange, GridState grid) {}

  public ViewState viewState() {
    long[] r = timeRange.get();
    return new ViewState(eventId.get(), host.get(), text.get(), newestFirst.get(), r == null ? null : List.of(r[0], r[1]), grid.state());
  }

  /** Sets every filter, the sort and the grouping of {@code s} at once (one query), if they differ. */
  public void restore(ViewState s) {
    if (s == null || s.equals(viewState())) {
      return;
    }
    quiet = true;
    try {
      eventId.set(s.eventId());
      host.set(s.host());
      text.set(s.text());
      newestFirst.set(s.newestFirst());
      timeRange.set(s.timeRange() == null ? null : new long[] {s.timeRange().get(0), s.timeRange().get(1)});
      grid.stateProperty().set(s.grid());
    } finally {
      quiet = false;
    }
    refresh();
  }

  private void refresh() {
    if (quiet) {
      return;
    }
    long[] range = timeRange.get();
    EventQuery q = new EventQuery(eventId.get() == null ? null : Integer.valueOf(eventId.get()), host.get(), text.get(), newestFirst.get(),
        range == null ? Long.MIN_VALUE : range[0], range == null ? Long.MAX_VALUE : range[1]);
    EventStore s = store;
    GridState g = grid.state();
    List<GridColumn<EventStore>> cols = grid.columns();
    long gen = ++generation;
    if (running != null) {
      running.cancel();
    }
    if (s.size() <= BACKGROUND_THRESHOLD) {
      running = null;
      try {
        apply(gen, s, run(q, g, cols, s, new CancellationToken()));
      } catch (IllegalArgumentException e) {
        failed(gen, e);
      }
      return;
    }
    summary.set(String.format("Searching %,d events…", s.size()));
    running = runner.submit(cancel -> run(q, g, cols, s, cancel), r -> apply(gen, s, r), e -> failed(gen, e));
  }

  private static GridResult run(EventQuery q, GridState g, List<GridColumn<EventStore>> cols, EventStore s, CancellationToken cancel) {
    return new org.sysmontriage.ui.grid.GridQuery<>(s, cols, g).run(q.run(s, cancel), cancel);
  }

  private void apply(long gen, EventStore s, GridResult r) {
    if (gen != generation) {
      return;
    }
    grid.apply(s, r);
    int n = r.matched().length;
    summary.set(n == store.size() ? String.format("%,d events", n) : String.format("%,d of %,d events", n, store.size()));
  }

  private void failed(long gen, Throwable e) {
    if (gen != generation || e instanceof CancelledException) {
      return;
    }
    // a filter that does not parse says why; any other failure is said (and logged), never left as "Searching…"
    String why = e instanceof IllegalArgumentException ? e.getMessage() : org.sysmontriage.ui.common.Failures.says("The events could not be searched", e);
    grid.fail(why);
    summary.set(why);
  }

  private void showDetails(int e) {
    if (e < 0) {
      details.clear();
    } else {
      details.show(store, e, hitOfEvent.apply(e));
    }
  }

  public EventStore store() {
    return store;
  }

  /** The rows shown: event indexes, and group headers (negative) when grouping. */
  public IntRows rows() {
    return grid.rows();
  }

  public GridModel<EventStore> grid() {
    return grid;
  }

  /** The typed time range {from, to} in ticks, or null for all time. */
  public ObjectProperty<long[]> timeRangeProperty() {
    return timeRange;
  }

  /** The shown hit table (its stars, tags and notes). */
  public HitTable hits() {
    return hits.get();
  }

  /** The EventID filtered on, as text, or null. */
  public ObjectProperty<String> eventIdProperty() {
    return eventId;
  }

  public ObjectProperty<String> hostProperty() {
    return host;
  }

  public StringProperty textProperty() {
    return text;
  }

  public BooleanProperty newestFirstProperty() {
    return newestFirst;
  }

  /** The selected event index, or -1. */
  public IntegerProperty selectedProperty() {
    return selected;
  }

  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  public ObservableList<String> eventIds() {
    return eventIds;
  }

  public ObservableList<String> hosts() {
    return hosts;
  }

  public DetailsViewModel details() {
    return details;
  }
}
