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
import org.sysmontriage.ui.common.IntRows;
import org.sysmontriage.ui.common.TaskRunner;
import org.sysmontriage.ui.details.DetailsViewModel;

/** The events browser over every event: EventID, host and text filters, time order. */
public final class EventsViewModel {
  static final int BACKGROUND_THRESHOLD = 50_000;

  private final TaskRunner runner;
  private final DetailsViewModel details;
  private final IntRows rows = new IntRows();
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
  private long generation;
  private TaskRunner.Job running;
  private boolean quiet;

  public EventsViewModel(TaskRunner runner, DetailsViewModel details) {
    this.runner = runner;
    this.details = details;
    for (ObservableValue<?> p : List.of(eventId, host, text, newestFirst)) {
      p.addListener((o, a, b) -> refresh());
    }
    selected.addListener((o, a, b) -> showDetails(b.intValue()));
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
    quiet = false;
    selected.set(-1);
    refresh();
  }

  private void refresh() {
    if (quiet) {
      return;
    }
    EventQuery q = new EventQuery(eventId.get() == null ? null : Integer.valueOf(eventId.get()), host.get(), text.get(), newestFirst.get());
    EventStore s = store;
    long gen = ++generation;
    if (running != null) {
      running.cancel();
    }
    if (s.size() <= BACKGROUND_THRESHOLD) {
      running = null;
      apply(gen, q.run(s, new CancellationToken()));
      return;
    }
    summary.set(String.format("Searching %,d events…", s.size()));
    running = runner.submit(cancel -> q.run(s, cancel), ids -> apply(gen, ids), e -> failed(gen, e));
  }

  private void apply(long gen, int[] ids) {
    if (gen != generation) {
      return;
    }
    rows.replace(ids);
    summary.set(ids.length == store.size() ? String.format("%,d events", ids.length) : String.format("%,d of %,d events", ids.length, store.size()));
  }

  // A superseded search was cancelled on purpose; any other failure is said, never left as "Searching…".
  private void failed(long gen, Throwable e) {
    if (gen == generation) {
      summary.set(org.sysmontriage.ui.common.Failures.says("The events could not be searched", e));
    }
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

  public IntRows rows() {
    return rows;
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
