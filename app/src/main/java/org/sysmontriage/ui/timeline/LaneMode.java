package org.sysmontriage.ui.timeline;

/** What a timeline lane stands for. */
public enum LaneMode {
  HOST("Lane per host"),
  ANALYTIC("Lane per analytic");

  private final String label;

  LaneMode(String label) {
    this.label = label;
  }

  @Override
  public String toString() {
    return label;
  }
}
