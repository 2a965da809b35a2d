package org.sysmontriage.ui.hits;

import java.util.Arrays;
import java.util.List;
import org.sysmontriage.event.CancellationToken;
import org.sysmontriage.ui.grid.GridColumn;
import org.sysmontriage.ui.grid.GridQuery;
import org.sysmontriage.ui.grid.GridResult;
import org.sysmontriage.ui.grid.GridState;

/** One filter-sort-group pass over hit indexes: the toolbar's filters, then the grid's. Pure, so it runs on any thread. */
public record HitQuery(HitFilter filter, GridState grid, List<GridColumn<HitTable>> columns) {

  /** The hit indexes that pass every filter, in display order, with group headers when grouping. */
  public GridResult run(HitTable t, CancellationToken cancel) {
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
    // Ties keep hit order, which is time order within an analytic; the sort keys end with time.
    return new GridQuery<>(t, columns, grid).run(Arrays.copyOf(out, n), cancel);
  }
}
