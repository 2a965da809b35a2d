package org.sysmontriage.ui.incidents;

/** Node ids of the Incidents view (tests find nodes by them). */
public final class IncidentIds {
  public static final String TAB = "tab-incidents";
  public static final String VIEW = "incidents-view";
  public static final String LIST = "incidents-list";
  public static final String HEADLINE = "incident-headline";
  public static final String FACTS = "incident-facts";
  public static final String VERDICT = "incident-verdict";
  public static final String STEPS = "incident-steps";
  public static final String MINI_TIMELINE = "incident-mini-timeline";
  public static final String PROCESS_TREE = "incident-process-tree";
  public static final String SKEW_BAR = "incident-skew-bar";
  public static final String SKEW_APPLY = "incident-skew-apply";
  public static final String STATUS = "incidents-status";
  public static final String STEP_OPEN = "incident-step-open";
  public static final String CORRELATIONS = "incident-correlations";

  private IncidentIds() {}
}
