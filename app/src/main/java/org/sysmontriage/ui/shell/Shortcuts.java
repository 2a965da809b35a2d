package org.sysmontriage.ui.shell;

/** The shortcut list shown by Help > Keyboard shortcuts (and in the README). */
final class Shortcuts {
  static final String TEXT = String.join("\n",
      "Ctrl+O          Open files",
      "Ctrl+Shift+O    Open folder",
      "Ctrl+Shift+L    Open the sample logs",
      "Ctrl+Q          Quit",
      "Ctrl+2          Hits table",
      "Ctrl+F          Find (filter the hits)",
      "Ctrl+T          Dark / light theme",
      "F1              This list",
      "",
      "In tables: arrow keys move, Enter opens a related event, Ctrl+C copies a field value.");

  private Shortcuts() {}
}
