package org.sysmontriage.ui.grid;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a grid shows beyond its own view model's filters: the filter row (typed text per column key),
 * values excluded from the right-click menu, the sort keys (first is primary), the grouping column
 * and the collapsed groups. Immutable: every change makes a new state, which queries capture.
 */
public record GridState(Map<String, String> filters, Map<String, Set<String>> excluded, List<SortKey> sort, String groupBy,
    Set<String> collapsed) {

  /** One sort key: a column key and its direction. */
  public record SortKey(String column, boolean ascending) {}

  public GridState {
    filters = Map.copyOf(filters);
    excluded = Map.copyOf(excluded);
    sort = List.copyOf(sort);
    collapsed = Set.copyOf(collapsed);
  }

  public static GridState sortedBy(List<SortKey> sort) {
    return new GridState(Map.of(), Map.of(), sort, null, Set.of());
  }

  public String filter(String column) {
    return filters.getOrDefault(column, "");
  }

  public GridState withFilter(String column, String typed) {
    Map<String, String> f = new LinkedHashMap<>(filters);
    if (typed == null || typed.isBlank()) {
      f.remove(column);
    } else {
      f.put(column, typed);
    }
    return new GridState(f, excluded, sort, groupBy, collapsed);
  }

  public GridState withExcluded(String column, String value) {
    Map<String, Set<String>> e = new LinkedHashMap<>(excluded);
    Set<String> values = new LinkedHashSet<>(e.getOrDefault(column, Set.of()));
    values.add(value);
    e.put(column, values);
    return new GridState(filters, e, sort, groupBy, collapsed);
  }

  /** Clears the filter row and the exclusions; keeps sort and grouping. */
  public GridState withoutFilters() {
    return new GridState(Map.of(), Map.of(), sort, groupBy, collapsed);
  }

  public GridState withSort(List<SortKey> keys) {
    return new GridState(filters, excluded, keys, groupBy, collapsed);
  }

  /** Groups by a column key (null: no grouping); every group starts expanded. */
  public GridState withGroupBy(String column) {
    return new GridState(filters, excluded, sort, column, Set.of());
  }

  public GridState toggled(String group) {
    Set<String> c = new LinkedHashSet<>(collapsed);
    if (!c.remove(group)) {
      c.add(group);
    }
    return new GridState(filters, excluded, sort, groupBy, c);
  }

  public GridState withCollapsed(Set<String> groups) {
    return new GridState(filters, excluded, sort, groupBy, groups);
  }

  public boolean hasFilters() {
    return !filters.isEmpty() || !excluded.isEmpty();
  }

  public int excludedCount() {
    return excluded.values().stream().mapToInt(Set::size).sum();
  }
}
