package org.sysmontriage.ui.common;

/** Node ids: tests and the stylesheet find nodes by these. */
public final class Ids {
  public static final String START_VIEW = "start-view";
  public static final String OPEN_FILES = "open-files";
  public static final String OPEN_FOLDER = "open-folder";
  public static final String OPEN_SAMPLES = "open-samples";
  public static final String RECENT_LIST = "recent-list";
  public static final String DROP_TARGET = "drop-target";

  public static final String IMPORT_BAR = "import-bar";
  public static final String IMPORT_PHASE = "import-phase";
  public static final String IMPORT_PROGRESS = "import-progress";
  public static final String IMPORT_DETAIL = "import-detail";
  public static final String IMPORT_CANCEL = "import-cancel";
  public static final String IMPORT_ERROR = "import-error";
  public static final String NOTICE = "notice";
  public static final String DETAILS_STATUS = "details-status";
  public static final String DETAILS_NOTES = "details-notes";
  public static final String DETAILS_TAGS = "details-tags";
  public static final String DETAILS_TRIAGE = "details-triage";

  public static final String WORKSPACE = "workspace";
  public static final String MAIN_TABS = "main-tabs";
  public static final String TAB_HITS = "tab-hits";
  public static final String TAB_EVENTS = "tab-events";
  public static final String TAB_HOSTS = "tab-hosts";
  public static final String TAB_SOURCES = "tab-sources";
  public static final String TAB_LIBRARY = "tab-library";

  public static final String TIMELINE = "timeline";
  public static final String TIMELINE_LANES = "timeline-lanes";
  public static final String TIMELINE_CLEAR_BRUSH = "timeline-clear-brush";

  public static final String HITS_TABLE = "hits-table";
  public static final String HITS_TEXT = "hits-text";
  public static final String HITS_HOST = "hits-host";
  public static final String HITS_ANALYTIC = "hits-analytic";
  public static final String HITS_TECHNIQUE = "hits-technique";
  public static final String HITS_MIN_RISK = "hits-min-risk";
  public static final String HITS_CLEAR = "hits-clear";
  public static final String HITS_SUMMARY = "hits-summary";

  /** The two details panes; the ids below are unique within each. */
  public static final String HIT_DETAILS = "hit-details";
  public static final String EVENT_DETAILS = "event-details";
  public static final String DETAILS_HEADING = "details-heading";
  public static final String DETAILS_REASONS = "details-reasons";
  public static final String DETAILS_RISK = "details-risk";
  public static final String DETAILS_AUTHOR = "details-author";
  public static final String DETAILS_TECHNIQUES = "details-techniques";
  public static final String DETAILS_FIELDS = "details-fields";
  public static final String DETAILS_RAW = "details-raw";
  public static final String DETAILS_PAGE = "details-page";
  public static final String DETAILS_RELATED = "details-related";
  public static final String DETAILS_WINDOW = "details-window";
  public static final String DETAILS_PROCESS_TREE = "details-process-tree";
  public static final String NAV_BACK = "nav-back";
  public static final String NAV_FORWARD = "nav-forward";

  public static final String EVENTS_TABLE = "events-table";
  public static final String EVENTS_TEXT = "events-text";
  public static final String EVENTS_EVENT_ID = "events-event-id";
  public static final String EVENTS_HOST = "events-host";
  public static final String EVENTS_SUMMARY = "events-summary";

  public static final String HOSTS_TABLE = "hosts-table";
  public static final String USERS_TABLE = "users-table";

  public static final String SOURCES_TABLE = "sources-table";
  public static final String SOURCES_SUMMARY = "sources-summary";
  public static final String ISSUES_TABLE = "issues-table";

  public static final String LIBRARY_LIST = "library-list";
  public static final String LIBRARY_PAGE = "library-page";
  public static final String LIBRARY_TECHNIQUES = "library-techniques";
  public static final String LIBRARY_SHOW_ME = "library-show-me";
  public static final String LIBRARY_SAMPLE = "library-sample";
  public static final String LIBRARY_PACKS = "library-packs";
  public static final String TAB_CORRELATIONS = "tab-correlations";
  public static final String CORRELATIONS_LIST = "correlations-list";
  public static final String CORRELATIONS_HITS = "correlations-hits";
  public static final String TIMELINE_EXPAND_PACKS = "timeline-expand-packs";
  public static final String LIBRARY_PACK_HUNT = "library-pack-hunt";
  public static final String LIBRARY_LICENSE = "library-license";
  public static final String LIBRARY_ADD_FOLDER = "library-add-folder";
  public static final String LIBRARY_RELOAD = "library-reload";
  public static final String LIBRARY_STATUS = "library-status";
  public static final String LIBRARY_ERRORS = "library-errors";
  public static final String START_LIBRARY = "start-library";
  public static final String LIBRARY_BACK = "library-back";
  public static final String ANALYTIC_SIGMA = "analytic-sigma";

  private Ids() {}

  /** The CSS selector of a node id, for lookups: {@code #id}; several ids select a descendant. */
  public static String selector(String... ids) {
    return "#" + String.join(" #", ids);
  }
}
