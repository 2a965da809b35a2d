package org.sysmontriage.ui.correlations;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sysmontriage.detect.correlation.CorrelationFinding;
import org.sysmontriage.ui.hits.HitTable;

/**
 * The findings of Sigma correlation rules over the hits shown: the list, and for the finding chosen
 * the hits it groups (rows of the hits table, so one opens in the Hits view with its details).
 */
public final class CorrelationsViewModel {
  private final ObservableList<CorrelationFinding> findings = FXCollections.observableArrayList();
  private final ObjectProperty<CorrelationFinding> selected = new SimpleObjectProperty<>();
  private final ObservableList<Integer> hits = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Correlations");
  private final IntConsumer open;
  private HitTable table = HitTable.empty();
  /** (event, analytic) -> hit index of {@link #table}, or null until a finding needs it. */
  private Map<Long, Integer> hitOf;

  /** @param open shows a hit (index in the hits table) in the Hits view */
  public CorrelationsViewModel(IntConsumer open) {
    this.open = open;
    selected.addListener((o, a, f) -> hits.setAll(f == null ? List.of() : grouped(f)));
  }

  /** The findings over the hits of {@code t} (the hits the case keeps). */
  public void show(HitTable t, List<CorrelationFinding> next) {
    table = t;
    hitOf = null; // indexed when a finding is shown: a pass over every hit is not paid when there is none
    selected.set(null);
    findings.setAll(next);
    title.set(next.isEmpty() ? "Correlations" : "Correlations (" + next.size() + ")");
    if (!next.isEmpty()) {
      selected.set(next.get(0));
    }
  }

  /** Hit indexes of a finding's events with the base rule each matched, in time order. */
  private List<Integer> grouped(CorrelationFinding f) {
    Map<String, Integer> analyticIndex = new HashMap<>();
    for (int h = 0; h < table.size(); h++) {
      analyticIndex.putIfAbsent(table.analyticId(h), table.analyticIndex(h));
    }
    if (hitOf == null) {
      Map<Long, Integer> index = new HashMap<>();
      for (int h = 0; h < table.size(); h++) {
        index.put(key(table.event(h), table.analyticIndex(h)), h);
      }
      hitOf = index;
    }
    List<Integer> out = new java.util.ArrayList<>();
    for (int i = 0; i < f.events().size(); i++) {
      Integer a = analyticIndex.get(f.ruleIds().get(i));
      Integer h = a == null ? null : hitOf.get(key(f.events().get(i), a));
      if (h != null) {
        out.add(h);
      }
    }
    return out;
  }

  private static long key(int event, int analytic) {
    return ((long) event << 21) | analytic;
  }

  /** Opens a grouped hit in the Hits view. */
  public void open(int hit) {
    open.accept(hit);
  }

  public HitTable table() {
    return table;
  }

  public ObservableList<CorrelationFinding> findings() {
    return findings;
  }

  public ObjectProperty<CorrelationFinding> selectedProperty() {
    return selected;
  }

  /** The hits of the selected finding (indexes in {@link #table()}). */
  public ObservableList<Integer> hits() {
    return hits;
  }

  /** "Correlations (N)" for the tab. */
  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }
}
