package org.sysmontriage.ui.hits;

/** How the hits table groups its rows: grouped rows sort by the group first. */
public enum GroupBy {
  NONE("No grouping", null),
  HOST("Group by host", HitColumn.HOST),
  ANALYTIC("Group by analytic", HitColumn.ANALYTIC);

  private final String label;
  private final HitColumn column;

  GroupBy(String label, HitColumn column) {
    this.label = label;
    this.column = column;
  }

  /** The column whose value names the group, or null. */
  public HitColumn column() {
    return column;
  }

  @Override
  public String toString() {
    return label;
  }
}
