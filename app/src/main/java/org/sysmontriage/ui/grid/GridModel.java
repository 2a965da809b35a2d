package org.sysmontriage.ui.grid;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.sysmontriage.ui.common.IntRows;

/**
 * The grid part of a view model (hits, events): the filter row, sort, grouping and the rows they
 * give, with group headers. The owning view model runs the query (in the background when large)
 * and hands the result to {@link #apply}.
 */
public final class GridModel<S> {
  private final List<GridColumn<S>> columns;
  private final Supplier<S> source;
  private final ObjectProperty<GridState> state;
  private final IntRows rows = new IntRows();
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
  private GridResult result = GridResult.EMPTY;
  private S shownSource;

  public GridModel(List<GridColumn<S>> columns, Supplier<S> source, GridState initial) {
    this.columns = List.copyOf(columns);
    this.source = source;
    this.state = new SimpleObjectProperty<>(initial);
  }

  public List<GridColumn<S>> columns() {
    return columns;
  }

  public GridColumn<S> column(String key) {
    return columns.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
  }

  /** The source the shown rows belong to (cells read it, not a newer one still being filtered). */
  public S source() {
    return shownSource == null ? source.get() : shownSource;
  }

  public ObjectProperty<GridState> stateProperty() {
    return state;
  }

  public GridState state() {
    return state.get();
  }

  public void update(java.util.function.UnaryOperator<GridState> change) {
    state.set(change.apply(state.get()));
  }

  /** The rows shown, group headers included (negative ids, see {@link GridResult}). */
  public IntRows rows() {
    return rows;
  }

  public GridResult result() {
    return result;
  }

  /** Shows a finished query's rows (UI thread). */
  public void apply(S from, GridResult r) {
    shownSource = from;
    result = r;
    problem.set("");
    rows.replace(r.rows());
  }

  /** A filter that does not parse, or a query that failed: shown to the analyst; the rows stay. */
  public void fail(String message) {
    problem.set(message);
  }

  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /** "Host: WKS-01 (12)" for a group header row. */
  public String groupLabel(int headerRow) {
    int g = GridResult.groupOf(headerRow);
    if (g >= result.groupNames().length) {
      return "";
    }
    GridColumn<S> c = column(state.get().groupBy());
    String name = result.groupNames()[g];
    boolean collapsed = state.get().collapsed().contains(name);
    return (collapsed ? "▸ " : "▾ ") + (c == null ? "" : c.header() + ": ") + (name.isEmpty() ? "(empty)" : name)
        + String.format("  (%,d)", result.groupSizes()[g]);
  }

  /** Collapses or expands the group of a header row. */
  public void toggleGroup(int headerRow) {
    int g = GridResult.groupOf(headerRow);
    if (g < result.groupNames().length) {
      update(s -> s.toggled(result.groupNames()[g]));
    }
  }

  /** Position of a source row among the shown rows, or -1 (collapsed or filtered out). */
  public int positionOf(int row) {
    return row < 0 ? -1 : rows.indexOf(row);
  }

  /** The text of a cell, empty for header rows. */
  public String text(GridColumn<S> c, int row) {
    return row < 0 ? "" : c.textOf(source(), row);
  }
}
