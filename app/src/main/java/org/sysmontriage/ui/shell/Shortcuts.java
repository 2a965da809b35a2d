package org.sysmontriage.ui.shell;

/** The shortcut list shown by Help > Keyboard shortcuts (and in the README). */
final class Shortcuts {
  static final String TEXT = String.join("\n",
      "Ctrl+O          Open files",
      "Ctrl+Shift+O    Open folder",
      "Ctrl+Shift+L    Open the sample logs",
      "Ctrl+Shift+C    Open a case",
      "Ctrl+S          Save the case (statuses, tags, notes, allowlist)",
      "Ctrl+Shift+S    Save the case as…",
      "Ctrl+E          Export a report (HTML, CSV, JSON, ATT&CK Navigator layer)",
      "Ctrl+Q          Quit",
      "Ctrl+1          Timeline (then: wheel or +/- zoom, arrows pan, 0 fit, Esc clear time range)",
      "Ctrl+2          Hits table",
      "Ctrl+3          Events browser (all events)",
      "Ctrl+4          Hosts and users by risk",
      "Ctrl+5          Sources and import issues",
      "Ctrl+6          Analytics library",
      "Ctrl+F          Find (filter the hits, or search the events)",
      "Ctrl+T          Dark / light theme",
      "Ctrl+= / Ctrl+- / Ctrl+0   Larger / smaller / normal text",
      "F1              This list",
      "",
      "",
      "In the hits table: T true positive, F false positive, B benign, N new (also on the right-click menu).",
      "In tables: arrow keys move, Enter opens a related event, Ctrl+C copies a field value.");

  private Shortcuts() {}
}
