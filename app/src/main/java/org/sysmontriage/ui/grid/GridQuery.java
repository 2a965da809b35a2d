package org.sysmontriage.ui.grid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.ui.common.IntSort;
import org.sysmontriage.ui.common.IntSort.IntComparator;

/**
 * One pass of the filter row, sort keys and grouping over candidate row ids: pure, so it runs on a
 * worker thread. Text sort keys are computed once per row, not once per comparison.
 */
public final class GridQuery<S> {
  private final S source;
  private final List<GridColumn<S>> columns;
  private final GridState state;

  public GridQuery(S source, List<GridColumn<S>> columns, GridState state) {
    this.source = source;
    this.columns = columns;
    this.state = state;
  }

  /**
   * Filters, sorts and groups {@code candidates} (row ids, kept in their order on ties).
   *
   * @throws IllegalArgumentException when a typed filter does not parse
   */
  public GridResult run(int[] candidates, CancellationToken cancel) {
    int[] kept = filter(candidates, cancel);
    GridColumn<S> group = column(state.groupBy());
    IntComparator order = comparator(kept, group, cancel);
    if (order != null) {
      IntSort.sort(kept, order);
    }
    cancel.check();
    return group == null ? new GridResult(kept, kept, new String[0], new int[0]) : grouped(kept, group);
  }

  private int[] filter(int[] candidates, CancellationToken cancel) {
    List<GridColumn<S>> cols = new ArrayList<>();
    List<ColumnFilter> filters = new ArrayList<>();
    for (Map.Entry<String, String> e : state.filters().entrySet()) {
      GridColumn<S> c = column(e.getKey());
      ColumnFilter f = c == null ? null : ColumnFilter.parse(e.getValue(), c.kind());
      if (f != null) {
        cols.add(c);
        filters.add(f);
      }
    }
    List<GridColumn<S>> exCols = new ArrayList<>();
    List<Set<String>> exValues = new ArrayList<>();
    state.excluded().forEach((k, v) -> {
      GridColumn<S> c = column(k);
      if (c != null && !v.isEmpty()) {
        exCols.add(c);
        exValues.add(v);
      }
    });
    if (filters.isEmpty() && exCols.isEmpty()) {
      return candidates.clone();
    }
    int[] out = new int[candidates.length];
    int n = 0;
    for (int i = 0; i < candidates.length; i++) {
      if ((i & 0x3FFF) == 0) {
        cancel.check();
      }
      int row = candidates[i];
      if (passes(row, cols, filters) && !excluded(row, exCols, exValues)) {
        out[n++] = row;
      }
    }
    return Arrays.copyOf(out, n);
  }

  private boolean passes(int row, List<GridColumn<S>> cols, List<ColumnFilter> filters) {
    for (int k = 0; k < filters.size(); k++) {
      GridColumn<S> c = cols.get(k);
      long n = c.kind() == GridColumn.Kind.NUMBER ? c.number().of(source, row) : 0;
      if (!filters.get(k).accepts(c.kind() == GridColumn.Kind.NUMBER ? "" : c.textOf(source, row), n)) {
        return false;
      }
    }
    return true;
  }

  private boolean excluded(int row, List<GridColumn<S>> cols, List<Set<String>> values) {
    for (int k = 0; k < cols.size(); k++) {
      if (values.get(k).contains(cols.get(k).textOf(source, row))) {
        return true;
      }
    }
    return false;
  }

  private IntComparator comparator(int[] rows, GridColumn<S> group, CancellationToken cancel) {
    IntComparator cmp = null;
    if (group != null) {
      cmp = key(group, true, rows, cancel);
    }
    for (GridState.SortKey k : state.sort()) {
      GridColumn<S> c = column(k.column());
      if (c != null) {
        IntComparator next = key(c, k.ascending(), rows, cancel);
        cmp = cmp == null ? next : cmp.then(next);
      }
    }
    return cmp;
  }

  private IntComparator key(GridColumn<S> c, boolean ascending, int[] rows, CancellationToken cancel) {
    IntComparator asc;
    if (c.number() != null) {
      GridColumn.Number<S> num = c.number();
      asc = (a, b) -> Long.compare(num.of(source, a), num.of(source, b));
    } else {
      String[] keys = textKeys(c, rows, cancel);
      int base = min(rows);
      asc = (a, b) -> String.CASE_INSENSITIVE_ORDER.compare(keys[a - base], keys[b - base]);
    }
    return ascending ? asc : asc.reversed();
  }

  /** Each row's text once, indexed by row id minus the smallest id. */
  private String[] textKeys(GridColumn<S> c, int[] rows, CancellationToken cancel) {
    int base = min(rows);
    int max = base;
    for (int r : rows) {
      max = Math.max(max, r);
    }
    String[] keys = new String[rows.length == 0 ? 0 : max - base + 1];
    for (int i = 0; i < rows.length; i++) {
      if ((i & 0x3FFF) == 0) {
        cancel.check();
      }
      keys[rows[i] - base] = c.textOf(source, rows[i]);
    }
    return keys;
  }

  private static int min(int[] rows) {
    int m = rows.length == 0 ? 0 : Integer.MAX_VALUE;
    for (int r : rows) {
      m = Math.min(m, r);
    }
    return m;
  }

  private GridResult grouped(int[] sorted, GridColumn<S> group) {
    List<String> names = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    int[] starts = new int[sorted.length + 1];
    String current = null;
    for (int i = 0; i < sorted.length; i++) {
      String name = group.textOf(source, sorted[i]);
      if (current == null || !current.equals(name)) {
        starts[names.size()] = i;
        names.add(name);
        sizes.add(0);
        current = name;
      }
      sizes.set(names.size() - 1, sizes.get(names.size() - 1) + 1);
    }
    int shown = names.size();
    for (int g = 0; g < names.size(); g++) {
      shown += state.collapsed().contains(names.get(g)) ? 0 : sizes.get(g);
    }
    int[] rows = new int[shown];
    int n = 0;
    for (int g = 0; g < names.size(); g++) {
      rows[n++] = -(g + 1);
      if (!state.collapsed().contains(names.get(g))) {
        System.arraycopy(sorted, starts[g], rows, n, sizes.get(g));
        n += sizes.get(g);
      }
    }
    return new GridResult(rows, sorted, names.toArray(String[]::new), sizes.stream().mapToInt(Integer::intValue).toArray());
  }

  private GridColumn<S> column(String key) {
    if (key == null) {
      return null;
    }
    for (GridColumn<S> c : columns) {
      if (c.key().equals(key)) {
        return c;
      }
    }
    return null;
  }
}
