package org.sysmontriage.ui.common;

import org.sysmontriage.detect.Severity;

/** CSS class names of app.css; AtlantaFX's own classes come from atlantafx.base.theme.Styles. */
public final class Styles {
  public static final String APP = "triage-app";
  public static final String START = "start-page";
  public static final String START_TITLE = "start-title";
  public static final String START_SUBTITLE = "start-subtitle";
  public static final String DROP_ACTIVE = "drop-active";
  public static final String IMPORT_BAR = "import-bar";
  public static final String ERROR_TEXT = "error-text";
  public static final String MONO = "mono";
  public static final String MATCHED = "matched";
  public static final String SECTION = "section-title";
  public static final String CARD = "card";
  public static final String CARD_TITLE = "card-title";
  public static final String MUTED = "muted";
  public static final String REASONS = "reasons";
  public static final String RISK_BADGE = "risk-badge";
  public static final String TOOLBAR = "filter-bar";
  public static final String GROUP_START = "group-start";
  public static final String TIMELINE = "timeline";
  public static final String HEADING = "details-heading";
  public static final String SEVERITY_PREFIX = "severity-";
  public static final String DAMAGED = "damaged";
  public static final String PROCESS_RELATED = "process-related";
  /** Tables over up to millions of rows: fixed row height, so rows are never measured. */
  public static final String BIG_TABLE = "big-table";
  /** A tab pane whose header is replaced by a wrapping row of names ({@code common.WrappingTabs}). */
  public static final String WRAPPED_TABS = "wrapped-tabs";
  public static final String TAB_BAR = "tab-bar";

  private Styles() {}

  /** {@code severity-high} etc. */
  public static String severity(Severity s) {
    return SEVERITY_PREFIX + s.sigmaName();
  }

  /**
   * Gives {@code node} the style class {@code styleClass} when {@code on}, takes it away when not, and leaves the
   * class list alone when it already says so: every change of the list has CSS match the node again, and a row or
   * cell is updated far more often than its mark changes (a table refills its rows at every selection and scroll).
   */
  public static void mark(javafx.scene.Node node, String styleClass, boolean on) {
    if (node.getStyleClass().contains(styleClass) != on) {
      if (on) {
        node.getStyleClass().add(styleClass);
      } else {
        node.getStyleClass().removeAll(styleClass);
      }
    }
  }
}
