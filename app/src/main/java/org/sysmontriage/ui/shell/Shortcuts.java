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
      "Ctrl+1          Timeline (then: Left/Right previous/next dot, Up/Down lane above/below, wheel or +/- zoom,",
      "                Shift+Left/Right pan, 0 fit, Esc clear time range; the pointer over a dot lists its hits)",
      "Ctrl+2          Hits table",
      "Ctrl+3          Events browser (all events)",
      "Ctrl+4          Hosts and users by risk",
      "Ctrl+5          Sources and import issues",
      "Ctrl+6          Analytics library",
      "Ctrl+7          Correlations (findings of Sigma correlation rules)",
      "Ctrl+F          Find in the hits table or the events (Enter/F3 next, Shift+Enter previous, Esc closes)",
      "Ctrl+T          Dark / light theme",
      "Alt+Left / Alt+Right   Back / forward (hits, related events, process-tree nodes, incidents looked at)",
      "Ctrl+= / Ctrl+- / Ctrl+0   Larger / smaller / normal text",
      "F1              This list",
      "",
      "",
      "In the hits table: T true positive, F false positive, B benign, N new (also on the right-click menu).",
      "In tables: arrow keys move, Enter opens a related event, Ctrl+C copies a field value.",
      "Process tree (details) and incident steps: Enter or double-click opens the process's or step's event.",
      "Hits and events grids: Left/Right move the cell cursor, Shift+F10 its menu (filter on / exclude the value,",
      "copy, group by), A allowlists the cell's value (hits), Ctrl+B stars, Ctrl+C copies rows as TSV,",
      "Shift+click a header sorts by several columns, Enter on a group header collapses or expands it.");

  private Shortcuts() {}
}
