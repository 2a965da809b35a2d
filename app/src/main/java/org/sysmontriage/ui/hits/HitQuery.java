package org.sysmontriage.ui.hits;

import java.util.Arrays;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.ui.common.IntSort;
import org.sysmontriage.ui.common.IntSort.IntComparator;

/** One filter-and-sort pass over hit indexes: pure, so it runs on any thread. */
public record HitQuery(HitFilter filter, HitColumn sortColumn, boolean ascending, GroupBy groupBy) {

  public static final HitQuery DEFAULT = new HitQuery(HitFilter.NONE, HitColumn.RISK, false, GroupBy.NONE);

  /** The hit indexes that pass the filter, in display order. */
  public int[] run(HitTable t, CancellationToken cancel) {
    int[] out = new int[t.size()];
    int n = 0;
    for (int h = 0; h < t.size(); h++) {
      if ((h & 0xFFFF) == 0) {
        cancel.check();
      }
      if (filter.accepts(t, h)) {
        out[n++] = h;
      }
    }
    int[] rows = Arrays.copyOf(out, n);
    IntSort.sort(rows, comparator(t));
    return rows;
  }

  private IntComparator comparator(HitTable t) {
    IntComparator byColumn = ascending ? sortColumn.comparator(t) : sortColumn.comparator(t).reversed();
    HitColumn group = groupBy.column();
    return group == null ? byColumn : group.keyComparator(t).then(byColumn);
  }

  public HitQuery withFilter(HitFilter f) {
    return new HitQuery(f, sortColumn, ascending, groupBy);
  }

  public HitQuery withSort(HitColumn column, boolean asc) {
    return new HitQuery(filter, column, asc, groupBy);
  }

  public HitQuery withGroupBy(GroupBy g) {
    return new HitQuery(filter, sortColumn, ascending, g);
  }
}
