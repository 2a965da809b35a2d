package org.sysmontriage.ui.details;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sysmontriage.detect.Analytic;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.detect.MatchedField;
import org.sysmontriage.detect.ProcessUsers;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.event.Times;
import org.sysmontriage.incident.ProcessLineage;
import org.sysmontriage.ui.common.TaskRunner;
import org.sysmontriage.ui.engine.AnalyticPage;
import org.sysmontriage.ui.engine.Engine;
import org.sysmontriage.ui.engine.TechniqueCard;
import org.sysmontriage.ui.events.SysmonEvents;

/**
 * Everything about one event, and the hit that flagged it if any: fields with the matched ones
 * explained, the raw record, ATT&CK, risk, the analytic's page and the events around it.
 */
public final class DetailsViewModel {
  private final Engine engine;
  private final TaskRunner runner;
  private final ObservableList<FieldRow> fields = FXCollections.observableArrayList();
  private final ObservableList<TechniqueCard> techniques = FXCollections.observableArrayList();
  private final ObservableList<RelatedEvent> related = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper reasons = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper risk = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper raw = new ReadOnlyStringWrapper("");
  private final ReadOnlyObjectWrapper<Analytic> analytic = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<AnalyticPage> page = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Hit> hit = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper author = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper relatedError = new ReadOnlyStringWrapper("");
  private final IntegerProperty windowMinutes = new SimpleIntegerProperty(5);
  private final javafx.beans.property.ReadOnlyIntegerWrapper shown = new javafx.beans.property.ReadOnlyIntegerWrapper(-1);
  private final ReadOnlyObjectWrapper<ProcessLineage.Tree> processTree = new ReadOnlyObjectWrapper<>(ProcessLineage.Tree.empty());
  private final ReadOnlyStringWrapper processTreeError = new ReadOnlyStringWrapper("");
  private EventStore store = EventStore.empty();
  private int event = -1;
  private long generation;
  private java.util.function.IntFunction<Hit> hitOfEvent = e -> null;

  public DetailsViewModel(Engine engine, TaskRunner runner) {
    this.engine = engine;
    this.runner = runner;
    windowMinutes.addListener((o, a, b) -> loadRelated());
  }

  /** Shows an event; {@code hit} is the hit that flagged it, or null for a plain event. */
  public void show(EventStore s, int e, Hit hit) {
    store = s;
    event = e;
    generation++;
    heading.set(hit == null ? headingOf(s, e) : hit.analytic().title() + "\n" + headingOf(s, e));
    fields.setAll(fieldRows(s, e, hit));
    Analytic a = hit == null ? null : hit.analytic();
    analytic.set(a);
    reasons.set(hit == null ? "" : String.join("\n", hit.matches().stream().map(MatchedField::reason).toList()));
    risk.set(a == null ? "" : a.impact() + " impact × " + a.confidence() + " confidence / 100 = " + a.risk() + " risk");
    techniques.setAll(a == null ? List.of() : a.techniques().stream().map(this::card).toList());
    page.set(a == null ? null : engine.page(a.id()).orElse(null));
    author.set(page.get() == null || page.get().author().isEmpty() ? "" : "Rule by " + page.get().author());
    this.hit.set(hit);
    shown.set(e);
    loadRaw();
    loadRelated();
    loadProcessTree();
  }

  /** How to find the hit of an event, so related events open with their reasons. */
  public void setHitLookup(java.util.function.IntFunction<Hit> lookup) {
    hitOfEvent = lookup;
  }

  /** Shows a related event of the same store, with its hit when it has one. */
  public void showRelated(int e) {
    show(store, e, hitOfEvent.apply(e));
  }

  public void clear() {
    generation++;
    event = -1;
    heading.set("");
    fields.clear();
    analytic.set(null);
    reasons.set("");
    risk.set("");
    techniques.clear();
    page.set(null);
    author.set("");
    hit.set(null);
    raw.set("");
    related.clear();
    processTree.set(ProcessLineage.Tree.empty());
    processTreeError.set("");
    shown.set(-1);
  }

  private TechniqueCard card(String id) {
    return engine.technique(id).orElse(new TechniqueCard(id, "", List.of(), "https://attack.mitre.org/techniques/" + id.replace('.', '/') + "/"));
  }

  private void loadRaw() {
    long gen = generation;
    EventStore s = store;
    int e = event;
    raw.set("Reading the record from its source…");
    runner.submit(cancel -> engine.rawRecord(s, e), text -> {
      if (gen == generation) {
        raw.set(text);
      }
    }, err -> {
      if (gen == generation) {
        raw.set("The raw record could not be re-read: " + err.getMessage());
      }
    });
  }

  private void loadRelated() {
    if (event < 0) {
      return;
    }
    long gen = generation;
    EventStore s = store;
    int e = event;
    long window = windowMinutes.get() * 60L * Times.TICKS_PER_SECOND;
    runner.submit(cancel -> RelatedEvents.find(s, e, window, cancel), list -> {
      if (gen == generation) {
        relatedError.set("");
        related.setAll(list);
      }
    }, err -> {
      if (gen == generation) {
        related.clear();
        relatedError.set("Related events could not be found: " + err.getMessage());
      }
    });
  }

  // The lineage index is built once per store on a worker thread, then each tree reads a few entries.
  private void loadProcessTree() {
    long gen = generation;
    EventStore s = store;
    int e = event;
    processTree.set(ProcessLineage.Tree.empty());
    processTreeError.set("Finding the process tree…");
    runner.submit(cancel -> ProcessLineage.of(s).around(e), tree -> {
      if (gen == generation) {
        processTreeError.set(tree.focus() < 0 ? "This event names no process (no process GUID or id)." : "");
        processTree.set(tree);
      }
    }, err -> {
      if (gen == generation) {
        processTreeError.set("The process tree could not be built: " + err.getMessage());
      }
    });
  }

  static List<FieldRow> fieldRows(EventStore s, int e, Hit hit) {
    List<FieldRow> rows = new ArrayList<>();
    rows.add(new FieldRow("EventID", Integer.toString(s.eventId(e)), ""));
    rows.add(new FieldRow("Time (UTC)", Times.format(s.ticks(e)), ""));
    rows.add(new FieldRow("Computer", s.computer(e), ""));
    rows.add(new FieldRow("Channel", s.channel(e), ""));
    rows.add(new FieldRow("Provider", s.provider(e), ""));
    rows.add(new FieldRow("EventRecordID", Long.toString(s.recordId(e)), ""));
    rows.add(new FieldRow("Source", s.source(e).source(), ""));
    ProcessUsers.Found user = ProcessUsers.of(s).user(e);
    if (user != null && user.fromCreation()) {
      int c = user.creationEvent();
      rows.add(new FieldRow(USER_FROM_CREATION, user.user() + "  · from its process creation: EventID " + s.eventId(c) + ", record "
          + s.recordId(c) + ", " + Times.format(s.ticks(c)) + " (this event names no user; read from " + user.field() + ")", ""));
    }
    for (Map.Entry<String, String> f : s.fields(e).entrySet()) {
      rows.add(new FieldRow(f.getKey(), f.getValue(), reasonFor(hit, f.getKey())));
    }
    return rows;
  }

  /** The row that shows a user taken from the process creation event. */
  public static final String USER_FROM_CREATION = "User (creation)";

  private static String reasonFor(Hit hit, String field) {
    if (hit == null) {
      return "";
    }
    return String.join("; ", hit.matches().stream().filter(m -> m.field().equalsIgnoreCase(field)).map(MatchedField::reason).toList());
  }

  private static String headingOf(EventStore s, int e) {
    String image = s.field(e, "Image");
    if (image == null) {
      image = s.field(e, "SourceImage");
    }
    String name = image == null ? null : image.substring(Math.max(image.lastIndexOf('\\'), image.lastIndexOf('/')) + 1);
    return "Event " + SysmonEvents.label(Integer.toString(s.eventId(e))) + " on " + s.computer(e) + (name == null ? "" : " · " + name);
  }

  /** The event shown, or -1. */
  public int event() {
    return event;
  }

  public EventStore store() {
    return store;
  }

  /** The event shown, or -1: changes with every {@link #show}, for Back / Forward. */
  public javafx.beans.property.ReadOnlyIntegerProperty shownProperty() {
    return shown.getReadOnlyProperty();
  }

  /** The process tree around the event shown (ancestors in the logs, its process, its children). */
  public ReadOnlyObjectProperty<ProcessLineage.Tree> processTreeProperty() {
    return processTree.getReadOnlyProperty();
  }

  /** Why the process tree is empty or not there yet (empty when it is shown). */
  public ReadOnlyStringProperty processTreeErrorProperty() {
    return processTreeError.getReadOnlyProperty();
  }

  public ObservableList<FieldRow> fields() {
    return fields;
  }

  public ObservableList<TechniqueCard> techniques() {
    return techniques;
  }

  /** Why the related events are missing (empty when they were found). */
  public ReadOnlyStringProperty relatedErrorProperty() {
    return relatedError.getReadOnlyProperty();
  }

  public ObservableList<RelatedEvent> related() {
    return related;
  }

  public ReadOnlyStringProperty headingProperty() {
    return heading.getReadOnlyProperty();
  }

  /** Why the analytic fired, one matched field per line. */
  public ReadOnlyStringProperty reasonsProperty() {
    return reasons.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty riskProperty() {
    return risk.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty rawProperty() {
    return raw.getReadOnlyProperty();
  }

  /** "Rule by AUTHOR" for a hit whose rule names its author (DRL 1.1), else empty. */
  public ReadOnlyStringProperty authorProperty() {
    return author.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Analytic> analyticProperty() {
    return analytic.getReadOnlyProperty();
  }

  /** The hit shown, or null when the event shown is not a hit (the verdict box follows this). */
  public ReadOnlyObjectProperty<Hit> hitProperty() {
    return hit.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<AnalyticPage> pageProperty() {
    return page.getReadOnlyProperty();
  }

  /** Half-width of the same-host time window, in minutes. */
  public IntegerProperty windowMinutesProperty() {
    return windowMinutes;
  }
}
