package org.sysmontriage.ui.hosts;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sysmontriage.ui.hits.HitTable;
import org.sysmontriage.ui.hits.HitsViewModel;

/**
 * Risk per host and per user (sum, max, count), highest first; choosing one filters the hits
 * table to it.
 */
public final class HostsViewModel {
  private final HitsViewModel hits;
  private final ObservableList<RiskRow> hosts = FXCollections.observableArrayList();
  private final ObservableList<RiskRow> users = FXCollections.observableArrayList();
  private Runnable onFiltered = () -> {};

  public HostsViewModel(HitsViewModel hits) {
    this.hits = hits;
  }

  /** Called after a choice filtered the hits table (the view then shows the table). */
  public void onFiltered(Runnable r) {
    onFiltered = r;
  }

  /** Risk per host and per user of a table, highest first. */
  public record RollUps(List<RiskRow> hosts, List<RiskRow> users) {}

  /** Counts the roll-ups of a table: a pass over every hit, so on a worker thread for big tables. */
  public static RollUps rollUps(HitTable t) {
    return new RollUps(rollUp(t, t::host), rollUp(t, h -> t.user(h).isEmpty() ? "(no user field)" : t.user(h)));
  }

  public void show(HitTable t) {
    show(rollUps(t));
  }

  /** Shows roll-ups counted off the UI thread. */
  public void show(RollUps r) {
    hosts.setAll(r.hosts());
    users.setAll(r.users());
  }

  static List<RiskRow> rollUp(HitTable t, IntFunction<String> key) {
    Map<String, long[]> acc = new LinkedHashMap<>();
    for (int h = 0; h < t.size(); h++) {
      long[] a = acc.computeIfAbsent(key.apply(h), k -> new long[3]);
      a[0]++;
      a[1] += t.risk(h);
      a[2] = Math.max(a[2], t.risk(h));
    }
    return acc.entrySet().stream()
        .map(e -> new RiskRow(e.getKey(), (int) e.getValue()[0], e.getValue()[1], (int) e.getValue()[2]))
        .sorted(Comparator.comparingLong(RiskRow::sum).reversed().thenComparing(RiskRow::name))
        .toList();
  }

  public void filterHost(RiskRow row) {
    hits.clearFilters();
    hits.hostProperty().set(row.name());
    onFiltered.run();
  }

  public void filterUser(RiskRow row) {
    hits.clearFilters();
    hits.userProperty().set(row.name().startsWith("(") ? null : row.name());
    onFiltered.run();
  }

  public ObservableList<RiskRow> hosts() {
    return hosts;
  }

  public ObservableList<RiskRow> users() {
    return users;
  }
}
