package org.sysmontriage.ui.incidents;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sysmontriage.casefile.HitStatus;
import org.sysmontriage.detect.AnalyticLibrary;
import org.sysmontriage.detect.Hit;
import org.sysmontriage.event.EventStore;
import org.sysmontriage.incident.ClockSkew;
import org.sysmontriage.incident.Incident;
import org.sysmontriage.incident.IncidentEngine;
import org.sysmontriage.incident.IncidentOptions;
import org.sysmontriage.incident.IncidentResult;
import org.sysmontriage.incident.ProcessNode;
import org.sysmontriage.incident.Step;
import org.sysmontriage.ui.casework.CaseViewModel;
import org.sysmontriage.ui.common.TaskRunner;
import org.sysmontriage.ui.details.ProcessTreeItems;

/**
 * The Incidents view's state: incidents of the hits shown (built in the background, with the clock
 * corrections the case confirmed), the one selected, its verdict, and the clock skews found.
 */
public final class IncidentsViewModel {
  /** How the status begins while the incidents are being built. */
  public static final String BUILDING = "Tying ";
  private final TaskRunner runner;
  private final CaseViewModel caseWork;
  private final ObservableList<Incident> incidents = FXCollections.observableArrayList();
  private final ObservableList<ClockSkew> skews = FXCollections.observableArrayList();
  private final ObjectProperty<Incident> selected = new SimpleObjectProperty<>();
  private final ObjectProperty<HitStatus> verdict = new SimpleObjectProperty<>(HitStatus.NEW);
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private IncidentResult result = IncidentResult.empty();
  private EventStore store;
  private List<Hit> hits = List.of();
  private IncidentOptions options = IncidentOptions.defaults();
  private TaskRunner.Job job;
  /** The story made ahead, beside the incidents, for the incident about to be selected; taken by the view once. */
  private Story prepared;
  private java.util.function.Consumer<Step> onOpenStep = s -> {};
  private java.util.function.IntConsumer openEvent = e -> {};

  public IncidentsViewModel(TaskRunner runner, CaseViewModel caseWork) {
    this.runner = runner;
    this.caseWork = caseWork;
    selected.addListener((o, a, b) -> verdict.set(b == null ? HitStatus.NEW : caseWork.incidentVerdict(b).status()));
  }

  /** What opening a process of the tree does with its start event (the shell shows it in the Hits view). */
  public void onOpenEvent(java.util.function.IntConsumer action) {
    openEvent = action;
  }

  /** Opens the start event of a process of the selected incident's tree. */
  public void openEvent(int event) {
    openEvent.accept(event);
  }

  /** Builds the incidents of these hits (the case's allowlist already applied) off the UI thread. */
  public void show(EventStore store, List<Hit> hits) {
    show(store, hits, AnalyticLibrary.builtIn());
  }

  /** As {@link #show(EventStore, List)}, the correlation rules of {@code library} (the analytics the hits came from) tying hits. */
  public void show(EventStore store, List<Hit> hits, AnalyticLibrary library) {
    this.store = store;
    this.hits = List.copyOf(hits);
    this.options = IncidentOptions.defaults().withLibrary(library);
    rebuild();
  }

  private void rebuild() {
    if (job != null) {
      job.cancel();
    }
    EventStore s = store;
    List<Hit> h = hits;
    IncidentOptions o = options;
    status.set(BUILDING + h.size() + " hits into incidents...");
    String key = selected.get() == null ? null : selected.get().key();
    job = runner.submit(cancel -> {
      IncidentResult first = new IncidentEngine(o).run(s, h, cancel);
      List<ClockSkew> confirmed = caseWork.confirmedSkews(first.detectedSkews());
      IncidentResult r = confirmed.isEmpty() ? first : new IncidentEngine(o.withSkews(confirmed)).run(s, h, cancel);
      Incident next = pick(r, key);
      return new Built(r, next == null ? null : Story.of(next));
    }, this::shown, e -> status.set("Incidents could not be built: " + e.getMessage()));
  }

  private record Built(IncidentResult result, Story story) {}

  /** The incident to select in {@code r}: the one of the same key as before, else the first. */
  private static Incident pick(IncidentResult r, String key) {
    return r.incidents().stream().filter(i -> i.key().equals(key)).findFirst()
        .orElse(r.incidents().isEmpty() ? null : r.incidents().get(0));
  }

  private void shown(Built b) {
    IncidentResult r = b.result();
    result = r;
    String key = selected.get() == null ? null : selected.get().key();
    incidents.setAll(r.incidents());
    skews.setAll(r.detectedSkews());
    prepared = b.story();
    selected.set(pick(r, key));
    long strong = r.incidents().stream().filter(i -> i.score().value() >= 50).count();
    status.set(r.incidents().size() + " incidents (" + strong + " scoring 50 or more) from " + hits.size() + " hits"
        + (r.campaigns().isEmpty() ? "" : ", " + r.campaigns().size() + " campaigns across hosts"));
  }

  /** Gives the selected incident a verdict; the case applies it to each of its hits. */
  public void setVerdict(HitStatus s) {
    Incident i = selected.get();
    if (i != null && s != null && s != caseWork.incidentVerdict(i).status()) {
      caseWork.setIncidentVerdict(i, s);
      verdict.set(s);
    }
  }

  /** What shows a step's hit in the Hits view (or its event, for a context step): set by the shell. */
  public void onOpenStep(java.util.function.Consumer<Step> open) {
    onOpenStep = open;
  }

  /** Shows this step of the selected incident in the Hits view: its hit selected, or its event for a context step. */
  public void openStep(Step s) {
    if (s != null) {
      onOpenStep.accept(s);
    }
  }

  /** True when the case confirmed this skew (then it is applied). */
  public boolean applied(ClockSkew s) {
    return result.options().appliedSkews().stream().anyMatch(a -> a.clock().equals(s.clock()));
  }

  /** Confirms or withdraws a skew correction (kept in the case) and rebuilds the incidents. */
  public void applySkew(ClockSkew s, boolean apply) {
    caseWork.confirmSkew(s, apply);
    rebuild();
  }

  public IncidentResult result() {
    return result;
  }

  public ObservableList<Incident> incidents() {
    return incidents;
  }

  public ObservableList<ClockSkew> skews() {
    return skews;
  }

  /**
   * What the Incidents view shows of one incident beyond its fields: its headline, correlation lines, whether a
   * step's time was corrected, and its process tree's items. For the incident selected when the incidents arrive it
   * is made beside them, off the FX thread: an incident of 65,000 hits has thousands of processes and correlations,
   * and making them in the view's first show took 171 ms of the FX thread at 1,000,000 events (bench ui).
   */
  public record Story(Incident incident, String headline, List<String> correlationLines, boolean corrected,
      ProcessTreeItems<ProcessNode> tree) {
    public static Story of(Incident i) {
      return new Story(i, i.headline(), IncidentsViewModel.correlationLines(i), i.steps().stream().anyMatch(s -> s.rawTicks() != s.ticks()),
          ProcessTreeItems.of(i.processes()));
    }
  }

  /** True when the story of {@code i} was made ahead, beside the incidents, and is not taken yet. */
  public boolean storyReady(Incident i) {
    return prepared != null && prepared.incident() == i;
  }

  /** The story made ahead for {@code i} (once; tree items belong to one showing), else one made now. */
  public Story story(Incident i) {
    Story s = prepared;
    prepared = null;
    return s != null && s.incident() == i ? s : Story.of(i);
  }

  /** Correlation lines shown at most: an incident of 65,000 hits may carry thousands (a label of megabytes). */
  static final int MAX_CORRELATION_LINES = 12;

  /**
   * One line per distinct correlation, the same rule firing again on the same group saying how often; the
   * first {@value #MAX_CORRELATION_LINES}, then how many more (the Correlations view lists every finding).
   */
  static List<String> correlationLines(Incident i) {
    java.util.Map<String, Integer> times = new java.util.LinkedHashMap<>();
    i.correlations().forEach(c -> times.merge(c.describe(), 1, Integer::sum));
    List<String> lines = new java.util.ArrayList<>(times.entrySet().stream().limit(MAX_CORRELATION_LINES)
        .map(e -> "\u2022 " + e.getKey() + (e.getValue() == 1 ? "" : " (found " + e.getValue() + " times)")).toList());
    if (times.size() > MAX_CORRELATION_LINES) {
      lines.add("\u2026 and " + (times.size() - MAX_CORRELATION_LINES) + " more (the Correlations view lists every finding)");
    }
    return lines;
  }

  public ObjectProperty<Incident> selectedProperty() {
    return selected;
  }

  public ObjectProperty<HitStatus> verdictProperty() {
    return verdict;
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }
}
